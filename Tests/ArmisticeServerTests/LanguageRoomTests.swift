import Foundation
import Testing
@testable import ArmisticeServer

/// Language is presentation: connections read their own language, and the match, its log and its hashes do not
/// change with it.
@Suite struct LanguageRoomTests {
    static func hasHangul(_ text: String?) -> Bool {
        text?.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) } ?? false
    }

    /// Plays the same seeded match: every team orders its first action each turn; returns the log (room code
    /// blanked: codes are random) and the harness.
    static func play(korean: Bool) -> ([String], CoreHarness, [String: CoreHarness.Seated], CoreHarness.Seated) {
        let h = CoreHarness()
        let (instructor, code) = h.createRoom(turns: 3, lang: korean ? "ko" : nil)
        var students: [String: CoreHarness.Seated] = [:]
        for (i, team) in ["dprk", "rok", "usa", "un"].enumerated() {
            students[team] = h.join(code, name: "\(team) 학생", team: team, address: "10.1.0.\(i)", lang: korean && i % 2 == 0 ? "ko-KR" : nil)
        }
        let observer = h.join(code, name: "Projector", role: "observer", lang: korean ? "ko_KR.UTF-8" : nil)
        h.send(instructor.client, ["type": "start"])
        let firstActions = Dictionary(uniqueKeysWithValues: h.room.engine.ruleset.teams.indices.map { t in
            (h.room.engine.ruleset.teams[t].id, h.room.engine.ruleset.actions.first { $0.teams.contains(t) && $0.parameters.isEmpty }?.id)
        })
        var guardCount = 0
        while h.room.state.phase != .ended, guardCount < 60 {
            guardCount += 1
            if korean, guardCount == 5 {
                // Switching mid-match changes nothing in the log.
                h.send(students["rok"]!.client, ["type": "set_language", "lang": "ko"])
                h.send(students["dprk"]!.client, ["type": "set_language", "lang": "en"])
                h.send(students["dprk"]!.client, ["type": "set_language", "lang": "ko"])
                h.send(instructor.client, ["type": "set_language", "lang": "ko", "room": true])
            }
            if h.room.state.phase == .orders {
                for (team, seated) in students.sorted(by: { $0.key < $1.key }) {
                    if let action = firstActions[team] ?? nil { h.send(seated.client, ["type": "set_orders", "orders": [["action": action]]]) }
                }
            }
            h.send(instructor.client, ["type": "skip"])
        }
        // Room codes and seat tokens are random: blank them, and the hash of the lines that hold them.
        let log = (h.logs[code] ?? []).map {
            $0.replacingOccurrences(of: code, with: "ROOM").replacing(/"token_hash":"[0-9a-f]+"/, with: #""token_hash":"-""#)
                .replacing(/"lines_hash":"[0-9a-f]+"/, with: #""lines_hash":"-""#)
        }
        return (log, h, students, observer)
    }

    @Test func theSameMatchInKoreanAndEnglishHasTheSameLogAndHashes() {
        let (english, eh, _, _) = Self.play(korean: false)
        let (korean, kh, students, observer) = Self.play(korean: true)
        #expect(eh.room.state.phase == .ended)
        #expect(english.count == korean.count)
        let difference = zip(english, korean).first { $0 != $1 }.map { "\($0.0.prefix(300))\n\($0.1.prefix(300))" }
        #expect(difference == nil && english.count == korean.count, "\(difference ?? "lengths differ")")
        #expect(eh.room.engine.stateHash(eh.room.state) == kh.room.engine.stateHash(kh.room.state))
        // What the Korean readers hold is Korean.
        let koView = kh.view(students["dprk"]!.client)
        #expect(Self.hasHangul(koView?["title"] as? String), "\(koView?["title"] ?? "no title")")
        let teams = (koView?["teams"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
        #expect(teams.allSatisfy(Self.hasHangul), "\(teams)")
        #expect(Self.hasHangul(kh.view(observer.client)?["title"] as? String))
        // An English reader in the Korean room reads English, as before.
        let enView = kh.view(students["un"]!.client)
        #expect(!Self.hasHangul(enView?["title"] as? String))
        #expect((enView?["title"] as? String) == (eh.view(students["un"]!.client)?["title"] as? String))
        // The merged views of the English readers are the same in both rooms.
        let a = eh.view(students["un"]!.client) ?? [:], b = kh.view(students["un"]!.client) ?? [:]
        let differing = Set(a.keys).union(b.keys).filter { key in
            !(NSDictionary(dictionary: [key: a[key] ?? NSNull()]).isEqual(to: [key: b[key] ?? NSNull()]))
        }
        #expect(differing.isEmpty, "fields that differ: \(differing.sorted())")
    }

    @Test func aClientThatNeverSaysSeesNoLanguageField() {
        let h = CoreHarness()
        let (_, code) = h.createRoom()
        let player = h.join(code, name: "Bot", team: "dprk")
        let snapshot = h.last(player.client, type: "snapshot")
        #expect(snapshot?["language"] == nil)
        #expect((snapshot?["settings"] as? [String: Any])?["language"] == nil)
    }

    @Test func setLanguageAnswersWithASnapshotAndIsNotLogged() {
        let h = CoreHarness()
        let (_, code) = h.createRoom()
        let player = h.join(code, name: "Kim", team: "rok")
        let before = h.logs[code]?.count
        let replies = h.send(player.client, ["type": "set_language", "id": 9, "lang": "ko"])
        let snapshot = replies.first { $0["type"] as? String == "snapshot" }
        #expect(snapshot?["language"] as? String == "ko")
        #expect(snapshot?["id"] as? Int == 9)
        #expect(Self.hasHangul((snapshot?["view"] as? [String: Any])?["title"] as? String))
        #expect(h.logs[code]?.count == before)
        let unseated = h.connect()
        let answer = h.send(unseated, ["type": "set_language", "lang": "fr"])
        #expect(answer.first?["type"] as? String == "language")
        #expect(answer.first?["lang"] as? String == "en", "an unknown language is English")
    }

    @Test func welcomeSaysWhichLanguageTheServerUnderstood() {
        let h = CoreHarness()
        let id = h.connect(hello: false)
        #expect(h.send(id, ["type": "hello", "protocol": "armistice.v2", "lang": "ko_KR.UTF-8"]).first?["lang"] as? String == "ko")
        let plain = h.connect(hello: false)
        #expect(h.send(plain, ["type": "hello", "protocol": "armistice.v2"]).first?["lang"] == nil, "no lang asked, none answered")
    }

    @Test func errorsComeInTheConnectionsLanguageWithTheSameCode() {
        let h = CoreHarness()
        let ko = h.connect(lang: "ko")
        let en = h.connect()
        let koReply = h.send(ko, ["type": "join", "code": "ZZZZZZ", "name": "김"])
        let enReply = h.send(en, ["type": "join", "code": "ZZZZZZ", "name": "Kim"])
        #expect(CoreHarness.errorCode(koReply) == CoreHarness.errorCode(enReply))
        let koMessage = koReply.first { $0["type"] as? String == "error" }?["message"] as? String
        let enMessage = enReply.first { $0["type"] as? String == "error" }?["message"] as? String
        #expect(Self.hasHangul(koMessage), "\(koMessage ?? "")")
        #expect(!Self.hasHangul(enMessage))
    }

    @Test func theRoomsDefaultLanguageIsTheProjectorsAndInTheHeader() throws {
        let h = CoreHarness()
        let (instructor, code) = h.createRoom(language: "ko")
        let header = try #require(h.logs[code]?.first)
        #expect(header.contains(#""language":"ko""#))
        let projector = h.join(code, name: "Projector", role: "observer")
        #expect(Self.hasHangul((h.last(projector.client, type: "snapshot")?["view"] as? [String: Any])?["title"] as? String))
        let player = h.join(code, name: "Lee", team: "usa")
        #expect(!Self.hasHangul(h.view(player.client)?["title"] as? String), "players read their own language (English by default)")
        // The instructor sets the room's default back to English: the projector follows.
        h.clear(projector.client)
        h.send(instructor.client, ["type": "set_language", "lang": "en", "room": true])
        let snapshot = h.last(projector.client, type: "snapshot")
        #expect(snapshot != nil)
        #expect(!Self.hasHangul((snapshot?["view"] as? [String: Any])?["title"] as? String))
        #expect(CoreHarness.errorCode(h.send(player.client, ["type": "set_language", "lang": "ko", "room": true])) == "not_instructor")
    }
}

@Suite struct LanguageListingTests {
    @Test func theRulesetListingNamesTheLanguagesAndTheirTexts() throws {
        let summary = try #require(CoreHarness.catalog.summaries.first { $0.id == "koreanization" })
        #expect(summary.languages == ["en", "ko"])
        let ko = try #require(summary.localized?["ko"])
        #expect(LanguageRoomTests.hasHangul(ko.title))
        #expect(ko.teams.count == summary.teams.count)
        #expect(ko.teams.values.allSatisfy(LanguageRoomTests.hasHangul))
        #expect(ko.variants.count == summary.variants.count)
        #expect(summary.title == "Koreanization: the Korean peace process, 2019", "the English fields are as before")
    }
}
