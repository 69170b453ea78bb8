import ArmisticeEngine
import ArmisticeLog
import Foundation
import Testing

/// Log lines are written by hand (`LogRecordEncoder`); these pin them to what Foundation's `JSONEncoder` wrote with
/// sorted keys and unescaped slashes, the format's lines since the first log.
@Suite struct LogLineTests {
    static func foundation(_ record: LogRecord) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(record))
    }

    static let tricky = "quote \" backslash \\ slash / newline \n return \r tab \t bell \u{7} backspace \u{8} feed \u{c} unit \u{1f} del \u{7f} é 한국 \u{2028} 🙂"

    /// One record of every shape: every input, every optional field, keys that sort differently by bytes and by case.
    static var shapes: [LogRecord] {
        let params: [String: ParameterValue] = ["amount": .number(-2), "a_b": .id("x"), "ab": .number(0), "aB": .id(tricky),
                                                "a10": .number(10), "a2": .number(2), "Z": .id(""), "é": .number(1)]
        let inputs: [Input] = [
            .start, .advance,
            .setOrders(team: "dprk", orders: TeamOrders(orders: [Order(action: "fund_aid", params: params), Order(action: "hold")],
                                                        consents: ["press_seoul": .block, "a_b": .approve, "ab": .approve])),
            .setOrders(team: "rok", orders: TeamOrders()),
            .lockOrders(team: "usa"),
            .proposeDeal(team: "dprk", commitments: [Commitment(team: "dprk", action: "talks", params: params),
                                                     Commitment(team: "rok", consent: "press", decision: .approve)], note: tricky),
            .proposeDeal(team: "dprk", commitments: [], note: ""),
            .respondToDeal(team: "rok", deal: 3, accept: true), .respondToDeal(team: "rok", deal: 0, accept: false),
            .withdrawDeal(team: "dprk", deal: 12), .injectEvent(event: "typhoon"), .injectNews(text: tricky),
            .adjust(target: "tension", value: -7, reason: tricky), .end(reason: ""),
        ]
        var records: [LogRecord] = []
        for (i, input) in inputs.enumerated() {
            var r = LogRecord(kind: .input, seq: i + 1, t: 1_700_000_000_000 + Int64(i), by: "s\(i)")
            r.input = input
            if i % 2 == 0 { r.reason = "deadline" }
            if i % 3 == 0 { r.clock = LogRecord.Clock(deadline: Int64(i) * 1000, remaining: i % 2 == 0 ? nil : 5, paused: i % 4 == 0) }
            records.append(r)
        }
        var header = LogRecord(kind: .match, seq: 0, t: 0, by: "server")
        header.format = 1; header.room = "ABC123"; header.rulesetText = "id: x\ntitle: \"Quoted\" / slashed\n"; header.rulesetHash = "ff00"
        header.owner = "teacher-1"
        header.settings = .init(ruleset: "korea", seed: .max, turns: 6, phases: ["orders": 120, "briefing": 30, "adjudication": 5],
                                variant: "v", absent: "bot", practice: true, nicknames: false, language: "ko")
        records.append(header)
        var bare = LogRecord(kind: .match, seq: 0)
        bare.settings = .init(seed: 0)
        records.append(bare)
        var join = LogRecord(kind: .join, seq: 40, t: -1, by: "s2")
        join.seat = "s2"; join.name = tricky; join.role = "player"; join.team = "dprk"; join.tokenHash = "abcd"; join.bot = "greedy"
        records.append(join)
        var seat = LogRecord(kind: .seat, seq: 41); seat.seat = "s2"; seat.removed = true; records.append(seat)
        var presence = LogRecord(kind: .presence, seq: 42); presence.seat = "s2"; presence.online = false; records.append(presence)
        var chat = LogRecord(kind: .chat, seq: 43); chat.channel = "pair:dprk+rok"; chat.text = tricky; records.append(chat)
        var hash = LogRecord(kind: .hash, seq: 44); hash.turn = 3; hash.hash = "0123456789abcdef"; records.append(hash)
        var joining = LogRecord(kind: .joining, seq: 45, t: 1, by: "s1"); joining.open = false; records.append(joining)
        records.append(LogRecord(kind: "from_a_later_version", seq: 45))
        return records
    }

    @Test func everyShapeIsWrittenAsFoundationWroteIt() throws {
        let encoder = LogRecordEncoder()
        for record in Self.shapes {
            let line = try encoder.encode(record)
            #expect(Array(line) == (try Self.foundation(record)), "\(String(decoding: line, as: UTF8.self))")
        }
    }

    @Test func everyRecordOfWholeLogsIsWrittenAsFoundationWritesIt() throws {
        let encoder = LogRecordEncoder()
        var count = 0
        for name in ["pre-log-module-server.jsonl", "pre-log-module-simulated.jsonl"] {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: CoreHarness.repoRoot + "/Tests/ArmisticeReplayTests/Logs/" + name)))
            for entry in LogReader(bytes: bytes).entries {
                #expect(Array(try encoder.encode(entry.record)) == (try Self.foundation(entry.record)), "\(name) line \(entry.line)")
                count += 1
            }
        }
        #expect(count > 100)
    }
}
