import ArmisticeWire

/// Makes the frames of the wire campaign: a valid request of every type the protocol has (docs/protocol.md),
/// then mutated in structure (a field dropped, of the wrong kind, a number past every range, nested deep, odd
/// Unicode, many values, the `type` swapped) and in text (cut short, characters replaced, garbage inserted), or
/// replaced by what is not a request at all (other JSON, binary frames, frames over the size cap).
package struct FrameMutator {
    /// One frame to send, and what was done to it (for the campaign's tally).
    package struct Frame {
        package var text: String
        /// A binary frame's bytes (nil: a text frame).
        package var binary: [UInt8]? = nil
        package var mutation: String
        package var type: String
    }

    /// What a room-bound request names: the room's code, the instructor key, seat ids in that room.
    package struct Context {
        package var code = "ABCDEF"
        package var key = "key"
        package var token = "token"
        package var seats = ["1"]

        package init(code: String = "ABCDEF", key: String = "key", token: String = "token", seats: [String] = ["1"]) {
            self.code = code
            self.key = key
            self.token = token
            self.seats = seats
        }
    }

    package var rng: SplitMix64
    /// Frames over the 64 KiB cap get this share in 10,000; those beyond 16 times the cap (closed with 1009), a
    /// tenth of that.
    package var oversizePerTenThousand = 20
    private var counter = 0

    package init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    /// Every request type the server takes: the protocol's one list, so a new request is fuzzed from the day it exists.
    package static let types = ClientRequest.types

    /// The valid body of each request type (without `type` and `id`).
    package static func body(_ type: String, _ c: Context, seat: String) -> [(String, FuzzJSON)] {
        switch type {
        case "hello": return [("protocol", .string("armistice.v2")), ("versions", .array([.string("armistice.v2"), .string("armistice.v1")])), ("client", .string("campaign"))]
        case "create_room": return [("key", .string(c.key)), ("ruleset", .string("koreanization")), ("seed", .number(7)), ("turns", .number(3)),
                                    ("phases", .object([("negotiation", .number(60))])), ("name", .string("Fuzz"))]
        case "join": return [("code", .string(c.code)), ("name", .string("Fuzzer")), ("team", .string("dprk"))]
        case "resume": return [("token", .string(c.token)), ("seq", .number(0))]
        case "set_orders": return [("orders", .array([.object([("action", .string("missile_test")), ("params", .object([]))])])),
                                   ("consents", .object([("propose_summit", .string("approve"))]))]
        case "lock": return [("team", .string("dprk"))]
        case "propose_deal":
            return [("commitments", .array([.object([("team", .string("rok")), ("action", .string("propose_summit")), ("params", .object([]))]),
                                            .object([("team", .string("dprk")), ("consent", .string("propose_summit")), ("decision", .string("approve"))])])),
                    ("note", .string("a deal"))]
        case "respond_deal": return [("deal", .number(1)), ("accept", .raw("true"))]
        case "withdraw_deal": return [("deal", .number(1))]
        case "chat": return [("channel", .string("all")), ("text", .string("hello"))]
        case "extend": return [("seconds", .number(30))]
        case "inject_event": return [("event", .string("dmz_incident"))]
        case "inject_news": return [("text", .string("news"))]
        case "adjust": return [("target", .string("tension")), ("value", .number(3)), ("reason", .string("campaign"))]
        case "end": return [("reason", .string("campaign"))]
        case "move_seat": return [("seat", .string(seat)), ("team", .string("rok"))]
        case "remove_seat": return [("seat", .string(seat))]
        case "set_bot": return [("team", .string("usa")), ("policy", .string("greedy"))]
        case "set_joining": return [("open", .raw("false"))]
        case "set_language": return [("lang", .string("ko")), ("room", .raw("true"))]
        default: return []
        }
    }

    package static let oddStrings: [FuzzJSON] = [
        .string(String(repeating: "e\u{301}", count: 600)), .string("\u{202E}lortnoc\u{202C}"), .string("\u{200B}\u{200D}\u{FEFF}"),
        .string("a\u{2028}b\u{2029}c"), .string("\u{0}"), .raw(#""\ud800""#), .raw(#""\udfff\ud800x""#), .string("Instructor"),
        .string(" instructor "), .string(String(repeating: "👨‍👩‍👧‍👦", count: 300)), .string("\u{FFFF}\u{FFFE}\u{10FFFF}"),
        .string(String(repeating: "a", count: 10_000)), .string(""), .string("   \n\n\n  "), .string("\u{301}\u{302}\u{303}"),
        .string("abc\u{5D0}\u{5D1}\u{627}"), .string("Z" + String(repeating: "\u{336}", count: 400)), .string(String(repeating: "\n", count: 300)),
        .raw(#""\u0000\u001f\\\"""#), .string("%s%n%x{{}}$(rm)';--"), .string("DPRK"), .string("team:dprk"), .string("ＡＢＣＤＥＦ"),
    ]

    package static let oddNumbers = ["1e400", "-1e400", "18446744073709551616", "18446744073709551615", "9223372036854775808", "-9223372036854775809",
                             "1.5", "-0", "1e-400", "123456789012345678901234567890123456789", "2147483648", "4294967296", "-1", "0",
                             "NaN", "Infinity", "0x10", "01", "-", "1e", "1.", ".5", "+1", "3600", "-3601", "1E+2"]

    package static let otherJSON = ["", " ", "null", "true", "0", "\"ping\"", "[]", "[{\"type\":\"ping\"}]", "{}", "{\"type\":null}", "{\"type\":[\"ping\"]}",
                            "{\"type\":\"ping\"", "{\"type\" \"ping\"}", "{'type':'ping'}", "{\"type\":\"ping\",}", "\u{FEFF}{\"type\":\"ping\"}",
                            "{\"type\":\"ping\"}{\"type\":\"ping\"}", "{\"type\":\"ping\"} x", "{\"id\":{},\"type\":\"ping\"}",
                            "{\"id\":true,\"type\":\"ping\"}", "{\"id\":\"" + String(repeating: "x", count: 200) + "\",\"type\":\"ping\"}"]

    /// A frame of a random request type, valid with probability `validPercent` in 100, otherwise mutated.
    package mutating func next(context c: Context, validPercent: Int = 10) -> Frame {
        counter += 1
        let type = Self.types.randomElement(using: &rng)!
        let seat = c.seats.randomElement(using: &rng) ?? "1"
        let id = "f\(counter)"
        var members: [(String, FuzzJSON)] = [("id", .string(id)), ("type", .string(type))] + Self.body(type, c, seat: seat)
        if rng.chance(validPercent) { return Frame(text: FuzzJSON.object(members).text, mutation: "valid", type: type) }

        let roll = Int.random(in: 0..<10_000, using: &rng)
        if roll < oversizePerTenThousand {
            let huge = roll < max(1, oversizePerTenThousand / 10)
            let size = huge ? 1_100_000 : Int.random(in: 65_537...200_000, using: &rng)
            members.append(("pad", .string(String(repeating: "x", count: size))))
            return Frame(text: FuzzJSON.object(members).text, mutation: huge ? "oversize>1MiB" : "oversize", type: type)
        }
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<4:
            var bytes = (0..<Int.random(in: 0...64, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            if rng.chance(50) { bytes = Array(FuzzJSON.object(members).text.utf8) }
            return Frame(text: "", binary: bytes, mutation: "binary", type: type)
        case 4..<9:
            return Frame(text: Self.otherJSON.randomElement(using: &rng)!, mutation: "not a request", type: type)
        case 9..<14:
            let depth = rng.chance(80) ? Int.random(in: 1...40, using: &rng) : Int.random(in: 100...3_000, using: &rng)
            let open = rng.chance(50) ? "[" : "{\"a\":"
            let close = open == "[" ? "]" : "}"
            let text = #"{"id":"\#(id)","type":"\#(type)","x":"# + String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth) + "}"
            return Frame(text: text, mutation: "deep nesting", type: type)
        default: break
        }
        // One to three structural mutations, then perhaps one in the text.
        var labels: [String] = []
        for _ in 0..<Int.random(in: 1...3, using: &rng) { labels.append(mutate(&members)) }
        var text = FuzzJSON.object(members).text
        if rng.chance(30) { labels.append(mutateText(&text)) }
        return Frame(text: text, mutation: labels.joined(separator: "+"), type: type)
    }

    /// One structural mutation of a request's members; returns its name.
    private mutating func mutate(_ members: inout [(String, FuzzJSON)]) -> String {
        let i = Int.random(in: 0..<members.count, using: &rng)
        switch Int.random(in: 0..<11, using: &rng) {
        case 0:
            members.remove(at: i)
            if members.isEmpty { members.append(("type", .raw("null"))) }
            return "missing field"
        case 1:
            members[i].1 = randomScalar()
            return "wrong type"
        case 2:
            members[i].1 = .raw(Self.oddNumbers.randomElement(using: &rng)!)
            return "odd number"
        case 3:
            members[i].1 = nest(members[i].1, depth: Int.random(in: 1...36, using: &rng))
            return "nested value"
        case 4:
            members[i].1 = Self.oddStrings.randomElement(using: &rng)!
            return "odd unicode"
        case 5:
            for k in 0..<Int.random(in: 1...60, using: &rng) { members.append(("extra\(k)", randomScalar())) }
            return "extra fields"
        case 6:
            // Up to 5,000 copies, but no frame of more than about 200 KB.
            let count = rng.chance(80) ? Int.random(in: 2...300, using: &rng) : Int.random(in: 1_000...5_000, using: &rng)
            let element = members[i].1
            members[i].1 = .array(Array(repeating: element, count: min(count, max(2, 200_000 / (element.text.utf8.count + 1)))))
            return "many values"
        case 7:
            let names = Self.types + ["", "PING", "pingg", "Hello", "create-room", "ping\u{0}", "__proto__", String(repeating: "t", count: 5_000)]
            if let t = members.firstIndex(where: { $0.0 == "type" }) { members[t].1 = .string(names.randomElement(using: &rng)!) }
            return "type swapped"
        case 8:
            members.insert((members[i].0, randomScalar()), at: Int.random(in: 0...members.count, using: &rng))
            return "duplicate key"
        case 9:
            members[i].1 = .raw("null")
            return "null"
        default:
            if case .object(let inner) = members[i].1, !inner.isEmpty {
                var inner = inner
                _ = mutate(&inner)
                members[i].1 = .object(inner)
            } else if case .array(let elements) = members[i].1, case .object(let inner)? = elements.first, !inner.isEmpty {
                var inner = inner
                _ = mutate(&inner)
                members[i].1 = .array([.object(inner)] + elements.dropFirst())
            } else {
                members[i].0 = (Self.oddStrings.randomElement(using: &rng)!).text
            }
            return "inner field"
        }
    }

    private mutating func randomScalar() -> FuzzJSON {
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: .raw(Self.oddNumbers.randomElement(using: &rng)!)
        case 1: Self.oddStrings.randomElement(using: &rng)!
        case 2: .raw(["true", "false", "null"].randomElement(using: &rng)!)
        case 3: .array([])
        case 4: .object([("k", .number(1))])
        default: .number(Int.random(in: -5...70, using: &rng))
        }
    }

    private mutating func nest(_ value: FuzzJSON, depth: Int) -> FuzzJSON {
        var v = value
        for _ in 0..<depth { v = rng.chance(50) ? .array([v]) : .object([("v", v)]) }
        return v
    }

    /// One mutation of the text itself (it stays valid UTF-8: a text frame must be).
    private mutating func mutateText(_ text: inout String) -> String {
        var scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty else { return "empty" }
        let punctuation = Array(#"{}[]",:\0123456789e-+ ntrufals/"#.unicodeScalars)
        switch Int.random(in: 0..<4, using: &rng) {
        case 0:
            scalars.removeSubrange(Int.random(in: 0..<scalars.count, using: &rng)...)
            text = String(String.UnicodeScalarView(scalars))
            return "truncated"
        case 1:
            for _ in 0..<Int.random(in: 1...8, using: &rng) { scalars[Int.random(in: 0..<scalars.count, using: &rng)] = punctuation.randomElement(using: &rng)! }
            text = String(String.UnicodeScalarView(scalars))
            return "characters replaced"
        case 2:
            let garbage = (0..<Int.random(in: 1...16, using: &rng)).map { _ in punctuation.randomElement(using: &rng)! }
            scalars.insert(contentsOf: garbage, at: Int.random(in: 0...scalars.count, using: &rng))
            text = String(String.UnicodeScalarView(scalars))
            return "garbage inserted"
        default:
            text = String(repeating: " \t\r\n", count: Int.random(in: 1...500, using: &rng)) + text
            return "whitespace"
        }
    }
}
