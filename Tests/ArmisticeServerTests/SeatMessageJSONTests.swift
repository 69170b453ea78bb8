import ArmisticeEngine
import Foundation
import Testing
@testable import ArmisticeServer
@testable import ArmisticeWire

/// The JSON of the messages that name a seat (`room_created`/`joined`, `resumed`, `snapshot` and its `you`), byte
/// for byte as clients have always read it: their keys, their order, and what is left out when absent.
@Suite struct SeatMessageJSONTests {
    let encoder = MessageEncoder()

    @Test func seatedWritesTheTokenBetweenTheSeatAndItsRole() {
        let joined = ServerMessage.Seated(type: "joined", id: .string("j1"), room: "ABCD", seat: "s2", token: "tok", role: .player, team: "red")
        #expect(encoder.encode(joined) == Array(#"{"type":"joined","id":"j1","room":"ABCD","seat":"s2","token":"tok","role":"player","team":"red"}"#.utf8))
        let created = ServerMessage.Seated(type: "room_created", id: nil, room: "ABCD", seat: "s1", token: "tok", role: .instructor, team: nil)
        #expect(encoder.encode(created) == Array(#"{"type":"room_created","room":"ABCD","seat":"s1","token":"tok","role":"instructor"}"#.utf8))
    }

    @Test func resumedWritesTheSeatThenWhatFollows() {
        let resumed = ServerMessage.Resumed(id: .number(3), room: "ABCD", seat: "s2", role: .player, team: "red", seq: 41, mode: "replay", missed: 2)
        #expect(encoder.encode(resumed) == Array(#"{"type":"resumed","id":3,"room":"ABCD","seat":"s2","role":"player","team":"red","seq":41,"mode":"replay","missed":2}"#.utf8))
        let observer = ServerMessage.Resumed(id: nil, room: "ABCD", seat: "s3", role: .observer, team: nil, seq: 0, mode: "snapshot", missed: 0)
        #expect(encoder.encode(observer) == Array(#"{"type":"resumed","room":"ABCD","seat":"s3","role":"observer","seq":0,"mode":"snapshot","missed":0}"#.utf8))
    }

    @Test func youNamesTheSeatAndLeavesOutAMissingTeam() {
        let you = ServerMessage.You(seat: "s1", name: "Ms Kim", role: .instructor, team: nil)
        #expect(encoder.encode(you) == Array(#"{"seat":"s1","name":"Ms Kim","role":"instructor"}"#.utf8))
    }

    @Test func seatedAndResumedDecodeBackFromTheWire() throws {
        let joined = ServerMessage.Seated(type: "joined", id: .string("j1"), room: "ABCD", seat: "s2", token: "tok", role: .player, team: "red")
        #expect(try JSONDecoder().decode(ServerMessage.Seated.self, from: Data(encoder.encode(joined))) == joined)
        let resumed = ServerMessage.Resumed(id: nil, room: "ABCD", seat: "s3", role: .observer, team: nil, seq: 0, mode: "snapshot", missed: 0)
        #expect(try JSONDecoder().decode(ServerMessage.Resumed.self, from: Data(encoder.encode(resumed))) == resumed)
    }

    @Test func snapshotWritesItsPartsInOrder() throws {
        let viewJSON = #"{"viewer":"red","ruleset":"r","title":"T","turn":1,"turns":4,"date":"1962","phase":"orders","teams":[],"tracks":[],"flags":[],"projects":[],"deals":[],"records":[]}"#
        let view = try JSONDecoder().decode(GameView.self, from: Data(viewJSON.utf8))
        let settings = RoomSettings(ruleset: "r", seed: 7, turns: 4, phases: ["orders": 90], absent: .bot, practice: true, language: "ko")
        let snapshot = ServerMessage.Snapshot(
            id: .string("x"), room: "ABCD", seq: 12, you: .init(seat: "s2", name: "Ann", role: .player, team: "red"),
            settings: settings, view: view, language: "ko",
            roster: [RosterEntry(seat: "s2", name: "Ann", role: .player, team: "red", online: true, bot: nil),
                     RosterEntry(seat: "s4", name: "Bot", role: .player, team: "blue", online: true, bot: "greedy")],
            chat: [ChatEntry(seq: 9, t: 1_700_000_000_000, seat: "s2", name: "Ann", channel: "all", text: "hi \"all\"")],
            clock: ClockView(phase: .orders, turn: 1, paused: false, deadline: 1_700_000_090_000, remaining: 90_000, now: 1_700_000_000_000))
        let expected = #"{"type":"snapshot","id":"x","room":"ABCD","seq":12,"you":{"seat":"s2","name":"Ann","role":"player","team":"red"},"#
            + #""settings":{"ruleset":"r","seed":7,"turns":4,"phases":{"orders":90},"absent":"bot","practice":true,"language":"ko"},"#
            + #""view":\#(viewJSON),"language":"ko","#
            + #""roster":[{"seat":"s2","name":"Ann","role":"player","team":"red","online":true},{"seat":"s4","name":"Bot","role":"player","team":"blue","online":true,"bot":"greedy"}],"#
            + #""chat":[{"seq":9,"t":1700000000000,"seat":"s2","name":"Ann","channel":"all","text":"hi \"all\""}],"#
            + #""clock":{"phase":"orders","turn":1,"paused":false,"deadline":1700000090000,"remaining":90000,"now":1700000000000}}"#
        #expect(encoder.encode(snapshot) == Array(expected.utf8))
        #expect(try JSONDecoder().decode(ServerMessage.Snapshot.self, from: Data(expected.utf8)) == snapshot)
    }
}
