import ArmisticeBots
import ArmisticeLocale
import ArmisticeEngine
import ArmisticeLog
@testable import ArmisticeReplay
import ArmisticeServer
import Foundation
import Testing

@Suite struct ReplayTests {
    /// Every hash line of a log, replayed: each must be checked and match.
    func expectEveryHashMatches(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Replay {
        let replay = Replay(log: try MatchLog(bytes: Array(text.utf8)))
        let hashLines = text.split(separator: "\n").filter { $0.contains(#""kind":"hash""#) }.count
        #expect(hashLines > 0, sourceLocation: sourceLocation)
        #expect(replay.hashesChecked == hashLines, sourceLocation: sourceLocation)
        #expect(replay.hashesMatched == hashLines, sourceLocation: sourceLocation)
        #expect(replay.isVerified, "\(replay.issues)", sourceLocation: sourceLocation)
        return replay
    }

    @Test(arguments: [("koreanization", BotKind.greedy, UInt64(7)), ("koreanization", .random, 8), ("tutorial", .greedy, 9), ("tutorial", .random, 10)])
    func wholeSimulatedMatchesReplayWithEveryHash(ruleset: String, bot: BotKind, seed: UInt64) throws {
        let writer = try Fixtures.simulatedLog(ruleset, seed: seed, bot: bot, drafts: 2, chat: 1)
        let replay = try expectEveryHashMatches(writer.text)
        #expect(replay.finalState.isOver)
        #expect(replay.finalHash == writer.engine.stateHash(writer.state))
        // The logged match is the match `armistice simulate` plays with the same seed and bots.
        let game = Simulation(engine: Engine(ruleset: writer.engine.ruleset)).play(seed: seed, bots: Array(repeating: bot, count: writer.engine.ruleset.teams.count))
        #expect(game.state.outcome == replay.finalState.outcome)
        #expect(game.state.scores == replay.finalState.scores)
        #expect(Simulation(engine: writer.engine).engine.stateHash(game.state) == replay.finalHash)
        // Every adjudication's hash in the steps is one of the log's hash lines, in order.
        let stepHashes = replay.steps.flatMap { $0.records }.filter { $0.kind == .hash }.compactMap { $0.hash }
        let logHashes = try MatchLog(bytes: Array(writer.text.utf8)).entries.filter { $0.record.kind == "hash" && $0.record.reason == nil }.compactMap { $0.record.hash }
        #expect(stepHashes == logHashes)
    }

    @Test func aServerMatchLogReplaysWithEveryHashAndAgreesWithTheServersOwnReplay() throws {
        let match = ServerMatch()
        let text = try match.play()
        #expect(match.room.state.isOver)
        let replay = try expectEveryHashMatches(text)
        #expect(replay.finalHash == match.room.engine.stateHash(match.room.state))
        // The server's own reader and replay agree with this module's.
        let server = try MatchReplay.replay(try LogReader(bytes: Array(text.utf8)).restorable().records)
        #expect(server.finalHash == replay.finalHash)
        #expect(server.inputs == replay.inputCount)
        #expect(replay.log.entries.count + 1 == text.split(separator: "\n").count)
        // The people, the chat and the instructor's moves are all there.
        #expect(replay.seats.filter { $0.role == "player" }.count == 4)
        #expect(replay.chat.contains { $0.channel == "pair:dprk+rok" && $0.name == "Student rok" })
        #expect(replay.steps.contains { if case .adjust = $0.input { true } else { false } })
        #expect(replay.steps.last?.input == .end(reason: "the bell rang"))
        let timeline = replay.timeline()
        #expect(timeline.contains("instructor sets Military tension to 4:"))
        #expect(timeline.contains("chat [Everyone] Student dprk"))
        try Data(text.utf8).write(to: URL(fileURLWithPath: Fixtures.outputDirectory + "/server-match.jsonl"))
    }

    /// The instructor's adjustment of a flag reads as yes or no in the timeline, the report and the board, as the
    /// record that follows it does; a track's keeps its number.
    @Test func anAdjustedFlagReadsAsYesOrNo() throws {
        let ruleset = try RulesetLoader.load(text: Fixtures.rulesetText("koreanization"), file: "rulesets/koreanization.yaml")
        let en = MatchText(ruleset: ruleset), ko = MatchText(ruleset: ruleset.localized(to: "ko"), language: .ko)
        #expect(en.describe(.adjust(target: "contact_cut", value: 1, reason: "r")) == "instructor sets Pyongyang has cut contact with Seoul to yes: r")
        #expect(en.describe(.adjust(target: "contact_cut", value: 0, reason: "r")) == "instructor sets Pyongyang has cut contact with Seoul to no: r")
        #expect(en.describe(.adjust(target: "tension", value: 4, reason: "r")) == "instructor sets Military tension to 4: r")
        let koInput = ko.describe(.adjust(target: "exercises_suspended", value: 0, reason: "r"))
        #expect(koInput.contains("대규모 한미연합훈련 중단") && koInput.contains("아니요") && !koInput.contains("0"), "\(koInput)")
        var record = Record(kind: .adjustment, turn: 2)
        record.target = "contact_cut"; record.from = 0; record.to = 1; record.reason = "r"
        #expect(en.describe(record) == "Instructor set Pyongyang has cut contact with Seoul: no → yes (r)")
        #expect(ko.describe(record) == "교사 조정 평양이 서울과의 연락을 끊었다: 아니요 → 예 (r)")
    }

    @Test func momentsFindTheRightSteps() throws {
        let replay = Replay(log: try MatchLog(bytes: Array(try Fixtures.simulatedLog().text.utf8)))
        #expect(try replay.stepIndex(at: .start) == 0)
        let orders2 = try replay.stepIndex(at: .phase(turn: 2, .orders))
        #expect(replay.steps[orders2].state.turn == 2 && replay.steps[orders2].state.phase == .orders)
        #expect(replay.steps[orders2 - 1].state.phase == .negotiation)
        let end1 = try replay.stepIndex(at: .turn(1))
        #expect(replay.steps[end1].state.turn == 1 && replay.steps[end1 + 1].state.turn == 2)
        let seq = replay.steps[5].seq
        #expect(try replay.stepIndex(at: .seq(seq)) == 5)
        #expect(throws: ReplayError.self) { try replay.stepIndex(at: .turn(99)) }
        #expect(try Moment(parsing: "turn:3:orders") == .phase(turn: 3, .orders))
        #expect(try Moment(parsing: "seq:12") == .seq(12))
        #expect(throws: ReplayError.self) { try Moment(parsing: "turn:x") }
    }

    @Test func aTeamSeesOnlyWhatTheEngineShowedIt() throws {
        let writer = try Fixtures.simulatedLog("koreanization", seed: 3)
        let replay = Replay(log: try MatchLog(bytes: Array(writer.text.utf8)))
        let i = try replay.stepIndex(at: .phase(turn: 2, .orders))
        let rok = try replay.viewer(named: "ROK")
        let view = replay.view(at: i, as: rok)
        #expect(view == replay.engine.view(of: replay.state(at: i), for: rok))
        #expect(view.orders?.keys.sorted() == ["rok"])
        let observer = replay.view(at: i, as: .observer)
        #expect(observer.orders == nil)
        #expect(observer.records.allSatisfy { $0.visibleTo == nil })
        let board = replay.board(at: i, as: rok)
        #expect(board.contains("As ROK (South Korea) at line"))
        #expect(board.contains("\nTracks\n"))
        // In Korean: the labels and the scenario's own texts (the team, the tracks) in Korean.
        let korean = replay.engine.ruleset.localized(to: "ko")
        let koBoard = replay.board(at: i, as: rok, language: .ko)
        #expect(koBoard.contains("\(korean.teams.first { $0.id == "rok" }!.name) 시점") && koBoard.contains("\n지표\n"))
        #expect(koBoard.contains(korean.tracks[0].name) && !koBoard.contains(replay.engine.ruleset.tracks[0].name))
        #expect(!koBoard.contains("Tracks") && !koBoard.contains("Last input"))
        #expect(!replay.timeline(as: .observer).contains("drafts orders"))
        #expect(replay.timeline(as: rok).contains("ROK (South Korea) drafts orders"))
        #expect(!replay.timeline(as: rok).contains("DPRK (North Korea) drafts orders"))
        #expect(throws: ReplayError.self) { try replay.viewer(named: "atlantis") }
    }

    /// The board's track values line up in Korean too: a name is padded by the terminal columns it takes (a Hangul
    /// syllable takes two), not by its characters (REPORT-terminal #26: "군사적 긴장                9").
    @Test func theBoardsValuesLineUpWithHangulNames() throws {
        let writer = try Fixtures.simulatedLog("koreanization", seed: 3)
        let replay = Replay(log: try MatchLog(bytes: Array(writer.text.utf8)))
        let i = try replay.stepIndex(at: .phase(turn: 2, .orders))
        for language in [Language.en, .ko] {
            let board = replay.board(at: i, as: try replay.viewer(named: "ROK"), language: language, width: 200)  // wide enough that no track line wraps (BoardWidthTests checks the wrapping)
            let lines = board.components(separatedBy: "\n").drop { $0 != (language == .ko ? "지표" : "Tracks") }.dropFirst().prefix { !$0.isEmpty }
            #expect(lines.count >= 5)
            // Where each value ends, in terminal columns: the same on every line.
            let ends = Set(lines.compactMap { line -> Int? in
                guard let value = line.range(of: #"\s-?\d+  [█·]"#, options: .regularExpression) else { return nil }
                return Replay.columns(String(line[..<value.upperBound])) - 3
            })
            #expect(ends.count == 1, "\(language): \(lines.joined(separator: "\n"))")
        }
        #expect(replay.board(at: i, as: .instructor, language: .ko).contains("\n상태\n"), "flags are 상태, not 표시")
    }
}

@Suite struct FastReaderTests {
    /// The fast reader and `JSONDecoder` read every line of whole logs (simulated and server) to the same record.
    @Test func theFastReaderAgreesWithTheDecoderOnEveryLine() throws {
        let texts = [try Fixtures.simulatedLog("koreanization", seed: 4, drafts: 2, chat: 2).text, try ServerMatch().play()]
        let decoder = JSONDecoder()
        var checked = 0
        var scannedLines = 0
        for text in texts {
            for line in text.split(separator: "\n") {
                let bytes = Array(line.utf8)
                let fast = try #require(bytes.withUnsafeBufferPointer { JSON.parse($0).flatMap(LogRecord.fast) }, "fast reader declined: \(line.prefix(120))")
                let decoded = try decoder.decode(LogRecord.self, from: Data(bytes))
                #expect(fast == decoded)
                if let scanned = bytes.withUnsafeBufferPointer(LogRecord.scan) {
                    #expect(scanned == decoded, "\(line.prefix(120))")
                    scannedLines += 1
                } else {
                    // Only the inputs the scanner leaves to the tree reader are declined.
                    let type = decoded.input?.type ?? "-"
                    #expect(!["start", "advance", "set_orders", "lock_orders"].contains(type), "scanner declined: \(line.prefix(120))")
                }
                checked += 1
            }
        }
        #expect(checked > 200)
        #expect(scannedLines > checked * 9 / 10)
        // Escapes, unicode and big numbers.
        let tricky = #"{"kind":"chat","seq":18446744073709551615,"t":-5,"text":"a\"b\\c\/d\n\u00e9\ud83d\ude00","channel":null}"#
        #expect(tricky.utf8.withContiguousStorageIfAvailable { JSON.parse($0).flatMap(LogRecord.fast) } ?? nil == nil)   // seq too big for Int: left to the decoder
        let ok = #"{"kind":"chat","seq":3,"t":-5,"text":"a\"b\\c\/d\n\u00e9\ud83d\ude00","channel":null}"#
        let parsed = try #require(Array(ok.utf8).withUnsafeBufferPointer { JSON.parse($0).flatMap(LogRecord.fast) })
        #expect(parsed == (try decoder.decode(LogRecord.self, from: Data(ok.utf8))))
        #expect(parsed.text == "a\"b\\c/d\né😀")
        #expect(Array(ok.utf8).withUnsafeBufferPointer(LogRecord.scan) == parsed)
        #expect(tricky.utf8.withContiguousStorageIfAvailable(LogRecord.scan) ?? nil == nil)
        // A null field is absent; a field of the wrong type, or a line that is not whole, is left to the others.
        let nulls = #"{"by":null,"clock":{"deadline":null,"paused":true},"input":{"orders":{"consents":null,"orders":[{"action":"a","params":null}]},"team":"x","type":"set_orders"},"kind":"input","seq":4}"#
        #expect(Array(nulls.utf8).withUnsafeBufferPointer(LogRecord.scan) == (try decoder.decode(LogRecord.self, from: Data(nulls.utf8))))
        for bad in [#"{"kind":"chat","seq":"4"}"#, #"{"kind":"chat","seq":4"#, #"{"kind":"chat","seq":4} x"#, #"{"kind":"chat"}"#, #"{"seq":4,"t":1.5,"kind":"chat"}"#] {
            #expect(Array(bad.utf8).withUnsafeBufferPointer(LogRecord.scan) == nil, "\(bad)")
        }
    }
}
