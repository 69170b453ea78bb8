import ArmisticeEngine
import Foundation
import Testing
@testable import ArmisticeServer
@testable import ArmisticeWire

@Suite struct StreamingJSONEncoderTests {
    func parsed(_ bytes: [UInt8]) throws -> NSObject {
        try #require(JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) as? NSObject)
    }

    func reference(_ value: some Encodable) throws -> NSObject {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try parsed(Array(try encoder.encode(value)))
    }

    /// Deals, with both kinds of commitment and every optional property present and absent.
    static func sampleDeals() throws -> [Deal] {
        try JSONDecoder().decode([Deal].self, from: Data(#"""
            [{"id":2,"turn":1,"proposer":"rok","parties":["rok","dprk"],"accepted":["rok"],"status":"carried_out","note":"a \"note\"",
              "commitments":[{"team":"rok","action":"fund_aid","params":{"amount":2}},{"team":"dprk","consent":"inspect","decision":"approve"}]},
             {"id":3,"turn":2,"proposer":"usa","parties":[],"accepted":[],"status":"open","note":"","commitments":[{"team":"usa","action":"talks"}]}]
            """#.utf8))
    }

    @Test func encodesAWholeInstructorViewLikeFoundation() throws {
        let c = Classroom()
        c.start()
        c.skip(to: "results")
        let room = c.h.room
        let view = room.engine.view(of: room.state, for: .instructor)
        let fast = try StreamingJSONEncoder().encode(view)
        #expect(try parsed(fast) == (try reference(view)))
        #expect(String(decoding: fast, as: UTF8.self).contains("\"hidden_from\"") || !String(decoding: fast, as: UTF8.self).contains("hiddenFrom"))
    }

    @Test func handWrittenTypesMatchTheirCodableForm() throws {
        var record = Record(kind: .order, turn: 3, visibleTo: ["dprk", "un"])
        record.phase = .orders
        record.team = "dprk"; record.action = "missile_test"; record.params = ["target": .id("rok"), "amount": .number(2)]
        record.result = "success"; record.chance = 60; record.roll = 41
        record.modifiers = try JSONDecoder().decode([Record.Modifier].self, from: Data(#"[{"reason":"tension high","add":-10}]"#.utf8))
        record.reason = "order:dprk:missile_test"; record.target = "tension"; record.from = 2; record.to = 3
        record.text = "quote \" and \n newline"; record.event = "e"; record.deal = 4; record.outcome = "crisis"
        record.scores = ["dprk": 3, "rok": -1]; record.hash = "ab12"
        let bare = Record(kind: .phase, turn: 0)
        #expect(try parsed(try StreamingJSONEncoder().encode([record, bare])) == (try reference([record, bare])))
        let deals = try Self.sampleDeals()
        #expect(try parsed(try StreamingJSONEncoder().encode(deals)) == (try reference(deals)))
        let c = Classroom()
        c.start()
        c.skip(to: "orders")
        c.h.send(c.member("usa").client, ["type": "lock"])
        let room = c.h.room
        for viewer in [Viewer.instructor, .observer, .team(0), .team(2)] {
            let view = room.engine.view(of: room.state, for: viewer)
            #expect(try parsed(try StreamingJSONEncoder().encode(view.actions ?? [])) == (try reference(view.actions ?? [])))
            #expect(try parsed(try StreamingJSONEncoder().encode(view.tracks)) == (try reference(view.tracks)))
            #expect(try parsed(try StreamingJSONEncoder().encode(view.teams)) == (try reference(view.teams)))
            #expect(try parsed(try StreamingJSONEncoder().encode(view.records)) == (try reference(view.records)))
        }
    }

    /// Integers are written as `String(describing:)` writes them, at every width and at both ends of each range.
    @Test func writesIntegersAsSwiftPrintsThem() {
        func text(_ write: (StreamingJSONEncoder) -> Void) -> String {
            let json = StreamingJSONEncoder()
            write(json)
            return String(decoding: json.bytes, as: UTF8.self)
        }
        for v: Int64 in [0, 1, -1, 9, 10, -10, 99, 100, 1_800_000_000_000, -987_654_321, .max, .min, .max - 1, .min + 1] {
            #expect(text { $0.writeInteger(v) } == String(v))
            #expect(text { $0.writeInteger(Int(v)) } == String(v))
        }
        for v: UInt64 in [0, 7, 10, .max, .max / 10, 12_345_678_901_234_567_890] { #expect(text { $0.writeInteger(v) } == String(v)) }
        for v: Int8 in [.min, -1, 0, .max] { #expect(text { $0.writeInteger(v) } == String(v)) }
    }

    @Test func escapesStringsAndHandlesEveryShape() throws {
        let value: [String: JSONValue] = [
            "text": .string("quote \" backslash \\ newline \n tab \t bell \u{0007} slash / é 한국"),
            "list": .array([.number(1), .number(2.5), .bool(true), .null, .object([:]), .array([])]),
            "nested": .object(["deep": .object(["deeper": .string("x")])]),
        ]
        let fast = try StreamingJSONEncoder().encode(value)
        #expect(try parsed(fast) == (try reference(value)))
        let input = Input.setOrders(team: "dprk", orders: TeamOrders(orders: [Order(action: "fund_aid", params: ["amount": .number(2)])],
                                                                     consents: ["press_seoul": .block]))
        #expect(try parsed(try StreamingJSONEncoder().encode(input)) == (try reference(input)))
        #expect(String(decoding: try StreamingJSONEncoder().encode(ServerMessage.Pong(id: .number(3), time: 17)), as: UTF8.self)
                == #"{"type":"pong","id":3,"time":17}"#)
    }

    /// Acks, refusals, causes and clocks are written from field tables, byte for byte as their `Codable` form wrote them.
    @Test func acksRefusalsCausesAndClocksAreWrittenAsTheirCodableFormWroteThem() throws {
        func text(_ value: some Encodable) throws -> String { String(decoding: try StreamingJSONEncoder().encode(value), as: UTF8.self) }
        #expect(try text(ServerMessage.Ack(id: nil, room: "ABC123", seq: 41)) == #"{"type":"ack","room":"ABC123","seq":41}"#)
        #expect(try text(ServerMessage.Ack(id: .string("r\"1"), room: "ABC123", seq: 0)) == #"{"type":"ack","id":"r\"1","room":"ABC123","seq":0}"#)
        #expect(try text(ServerMessage.Ack(id: .number(7), room: "X", seq: 2)) == #"{"type":"ack","id":7,"room":"X","seq":2}"#)
        #expect(try text(ServerMessage.Failure(id: nil, code: "locked", message: "your orders are \"locked\"")) == #"{"type":"error","code":"locked","message":"your orders are \"locked\""}"#)
        #expect(try text(ServerMessage.Failure(id: .number(2.5), code: "c", message: "m")) == #"{"type":"error","id":2.5,"code":"c","message":"m"}"#)
        #expect(try text(ServerMessage.Cause(type: "lock", by: "s3")) == #"{"type":"lock","by":"s3"}"#)
        #expect(try text(ServerMessage.Cause(type: "advance", by: "clock", reason: "all_locked")) == #"{"type":"advance","by":"clock","reason":"all_locked"}"#)
        #expect(try text(ClockView(phase: .orders, turn: 3, paused: false, deadline: 1_800_000_086_400, remaining: 86_400, now: 1_800_000_000_000))
                == #"{"phase":"orders","turn":3,"paused":false,"deadline":1800000086400,"remaining":86400,"now":1800000000000}"#)
        #expect(try text(ClockView(phase: .results, turn: 1, paused: true, deadline: nil, remaining: nil, now: 5))
                == #"{"phase":"results","turn":1,"paused":true,"now":5}"#)
    }

    /// Chat messages are written from their field table, byte for byte as their `Codable` form wrote them.
    @Test func chatMessagesAreWrittenAsTheirCodableFormWroteThem() throws {
        let entries = [ChatEntry(seq: 12, t: 1_800_000_000_123, seat: "s4", name: "Min-jun \"MJ\"", channel: "team:rok", text: "회담은 내일\n/ok"),
                       ChatEntry(seq: 0, t: 0, seat: "", name: "", channel: "pair:dprk+rok", text: "")]
        for entry in entries {
            let bytes = try StreamingJSONEncoder().encode(entry)
            #expect(try parsed(bytes) == reference(entry))
        }
        #expect(MessageEncoder().encode(entries[0]) == Array(#"{"seq":12,"t":1800000000123,"seat":"s4","name":"Min-jun \"MJ\"","channel":"team:rok","text":"회담은 내일\n/ok"}"#.utf8))
        #expect(MessageEncoder().encode(entries[1]) == Array(#"{"seq":0,"t":0,"seat":"","name":"","channel":"pair:dprk+rok","text":""}"#.utf8))
    }

    /// Every stored property of a view type has its row in the type's field table, under its snake_case name, in order.
    /// A type with a shared part (`ActionInfo.fixed`, a `SharedPart`) has a row for each of the part's properties, marked `shared`,
    /// and the others unmarked (the order of its rows is checked against its `Codable` form by the tests above).
    @Test func everyViewPropertyHasItsRowInTheFieldTable() throws {
        func snake(_ name: String) -> String {
            name.reduce(into: "") { out, c in if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) } }
        }
        func check<T: JSONFields>(_ value: T?) {
            guard let value else { return }
            let children = Mirror(reflecting: value).children
            guard let fixed = children.first(where: { $0.label == "fixed" })?.value else {
                #expect(children.map { snake($0.label ?? "?") } == T.jsonFields.map { "\($0.key)" }, "\(T.self)")
                #expect(T.jsonFields.allSatisfy { !$0.shared }, "\(T.self)")
                return
            }
            // A `SharedPart`: its one stored property is the part's value.
            let part = Mirror(reflecting: fixed).children.first { $0.label == "value" }?.value ?? fixed
            let shared = Mirror(reflecting: part).children.map { snake($0.label ?? "?") }
            let own = children.compactMap { $0.label == "fixed" ? nil : snake($0.label ?? "?") }
            #expect(T.jsonFields.filter(\.shared).map { "\($0.key)" } == shared, "\(T.self)")
            #expect(T.jsonFields.filter { !$0.shared }.map { "\($0.key)" } == own, "\(T.self)")
        }
        let c = Classroom()
        c.start()
        c.skip(to: "results")
        let room = c.h.room
        let view = room.engine.view(of: room.state, for: .instructor)
        check(view)
        check(try #require(view.teams.first)); check(try #require(view.tracks.first)); check(view.flags.first); check(view.projects.first)
        check(try #require(view.actions?.first)); check(view.consents?.first); check(view.catalog?.first); check(view.events?.first)
        check(view.objectives?.first); check(view.outcome); check(try #require(view.records.first))
        let deals = try Self.sampleDeals()
        check(deals[0]); check(deals[0].commitments[0]); check(deals[0].commitments[1])
        let params = (view.actions ?? []).flatMap(\.params)
        check(params.first); check(params.compactMap { $0.choices?.first }.first)
        check(view.records.compactMap { $0.modifiers?.first }.first)
        let map = try #require(view.map)
        check(map); check(try #require(map.shapes.first)); check(try #require(map.places.first))
        check(try #require(map.places.compactMap(\.shows).first)); check(try #require(map.places.compactMap(\.states).first?.first))
    }

    /// An audience that holds nothing gets every field of the view but its records in `changes`, and no `patches`.
    @Test func changesFromNothingAreTheWholeViewButItsRecords() throws {
        let c = Classroom()
        c.start()
        c.skip(to: "orders")
        let room = c.h.room
        for viewer in [Viewer.instructor, .observer, .team(1)] {
            let view = room.engine.view(of: room.state, for: viewer)
            let json = StreamingJSONEncoder()
            try ViewChanges(from: nil, to: view).write(from: nil, to: view, into: json)
            let prefix = Array(#","changes":"#.utf8)
            #expect(Array(json.bytes.prefix(prefix.count)) == prefix)
            let whole = try #require(try reference(view) as? NSDictionary).mutableCopy() as! NSMutableDictionary
            whole.removeObject(forKey: "records")
            #expect(try parsed(Array(json.bytes.dropFirst(prefix.count))) == whole)
        }
    }
}
