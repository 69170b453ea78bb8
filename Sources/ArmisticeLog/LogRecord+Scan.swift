import ArmisticeEngine

extension LogRecord {
    /// Reads a log line straight into a record, without building a JSON tree, when it has the shape the server and
    /// `MatchLogWriter` write (every input but deals, injections, adjustments and `end`); nil otherwise, and the
    /// caller then asks `fast`, then `JSONDecoder`. Must agree with both exactly: a test checks all three on every
    /// line of whole logs. Unknown top-level fields are skipped and a null field is absent, as `JSONDecoder` does.
    package static func scan(_ line: UnsafeBufferPointer<UInt8>) -> LogRecord? {
        var s = JSONScanner(bytes: line)
        var record = LogRecord(kind: .match, seq: 0)
        var kind: Kind?
        var seq: Int?
        guard s.enter(UInt8(ascii: "{")), !s.leave(UInt8(ascii: "}")) else { return nil }
        repeat {
            guard let key = s.key() else { return nil }
            if s.null() {
                if s.key(key, is: "kind") || s.key(key, is: "seq") { return nil }
                continue
            }
            switch line[key.lowerBound] {
            case UInt8(ascii: "b"):
                if s.key(key, is: "by") { guard let v = s.text() else { return nil }; record.by = v }
                else if s.key(key, is: "bot") { guard let v = s.text() else { return nil }; record.bot = v }
                else { guard s.skip() else { return nil } }
            case UInt8(ascii: "c"):
                if s.key(key, is: "channel") { guard let v = s.text() else { return nil }; record.channel = v }
                else if s.key(key, is: "clock") { guard let v = Clock.scan(&s) else { return nil }; record.clock = v }
                else { guard s.skip() else { return nil } }
            case UInt8(ascii: "f"):
                if s.key(key, is: "format") { guard let v = s.int() else { return nil }; record.format = v }
                else { guard s.skip() else { return nil } }
            case UInt8(ascii: "h"):
                if s.key(key, is: "hash") { guard let v = s.text() else { return nil }; record.hash = v }
                else { guard s.skip() else { return nil } }
            case UInt8(ascii: "i"):
                if s.key(key, is: "input") { guard let v = Input.scan(&s) else { return nil }; record.input = v }
                else { guard s.skip() else { return nil } }
            case UInt8(ascii: "k"):
                if s.key(key, is: "kind") { guard let v = s.text() else { return nil }; kind = Kind(rawValue: v) }
                else { guard s.skip() else { return nil } }
            case UInt8(ascii: "l"):
                if s.key(key, is: "lines_hash") { guard let v = s.text() else { return nil }; record.linesHash = v }
                else { guard s.skip() else { return nil } }
            case UInt8(ascii: "n"):
                if s.key(key, is: "name") { guard let v = s.text() else { return nil }; record.name = v }
                else { guard s.skip() else { return nil } }
            case UInt8(ascii: "o"):
                if s.key(key, is: "online") { guard let v = s.bool() else { return nil }; record.online = v }
                else if s.key(key, is: "open") { guard let v = s.bool() else { return nil }; record.open = v }
                else if s.key(key, is: "owner") { guard let v = s.text() else { return nil }; record.owner = v }
                else { guard s.skip() else { return nil } }
            case UInt8(ascii: "r"):
                if s.key(key, is: "reason") { guard let v = s.text() else { return nil }; record.reason = v }
                else if s.key(key, is: "removed") { guard let v = s.bool() else { return nil }; record.removed = v }
                else if s.key(key, is: "role") { guard let v = s.text() else { return nil }; record.role = v }
                else if s.key(key, is: "room") { guard let v = s.text() else { return nil }; record.room = v }
                else if s.key(key, is: "ruleset_hash") { guard let v = s.text() else { return nil }; record.rulesetHash = v }
                else if s.key(key, is: "ruleset_text") { guard let v = s.text() else { return nil }; record.rulesetText = v }
                else { guard s.skip() else { return nil } }
            case UInt8(ascii: "s"):
                if s.key(key, is: "seat") { guard let v = s.text() else { return nil }; record.seat = v }
                else if s.key(key, is: "seq") { guard let v = s.int() else { return nil }; seq = v }
                else if s.key(key, is: "settings") { guard let v = s.value().flatMap(Settings.fast) else { return nil }; record.settings = v }
                else { guard s.skip() else { return nil } }
            case UInt8(ascii: "t"):
                if s.key(key, is: "t") { guard let v = s.int64() else { return nil }; record.t = v }
                else if s.key(key, is: "team") { guard let v = s.text() else { return nil }; record.team = v }
                else if s.key(key, is: "text") { guard let v = s.text() else { return nil }; record.text = v }
                else if s.key(key, is: "token_hash") { guard let v = s.text() else { return nil }; record.tokenHash = v }
                else if s.key(key, is: "turn") { guard let v = s.int() else { return nil }; record.turn = v }
                else { guard s.skip() else { return nil } }
            default:
                guard s.skip() else { return nil }
            }
        } while s.nextMember(closing: UInt8(ascii: "}"))
        guard s.closed, s.atEnd(), let kind, let seq else { return nil }
        record.kind = kind
        record.seq = seq
        return record
    }
}

extension LogRecord.Clock {
    /// A clock object; a null field is absent (the last of repeated fields counts, as in `fast`).
    static func scan(_ s: inout JSONScanner) -> LogRecord.Clock? {
        var clock = LogRecord.Clock()
        guard s.enter(UInt8(ascii: "{")) else { return nil }
        if s.leave(UInt8(ascii: "}")) { return clock }
        repeat {
            guard let key = s.key() else { return nil }
            if s.key(key, is: "deadline") { if s.null() { clock.deadline = nil } else { guard let v = s.int64() else { return nil }; clock.deadline = v } }
            else if s.key(key, is: "remaining") { if s.null() { clock.remaining = nil } else { guard let v = s.int64() else { return nil }; clock.remaining = v } }
            else if s.key(key, is: "paused") { if s.null() { clock.paused = nil } else { guard let v = s.bool() else { return nil }; clock.paused = v } }
            else { guard s.skip() else { return nil } }
        } while s.nextMember(closing: UInt8(ascii: "}"))
        return s.closed ? clock : nil
    }
}

extension Input {
    /// The inputs a log holds most: `set_orders`, `lock_orders`, `advance` and `start`; nil for any other (then `fast` reads it).
    static func scan(_ s: inout JSONScanner) -> Input? {
        var type: String?
        var team: String?
        var orders: TeamOrders?
        guard s.enter(UInt8(ascii: "{")), !s.leave(UInt8(ascii: "}")) else { return nil }
        repeat {
            guard let key = s.key() else { return nil }
            if s.key(key, is: "type") { guard let v = s.text() else { return nil }; type = v }
            else if s.key(key, is: "team") { guard let v = s.text() else { return nil }; team = v }
            else if s.key(key, is: "orders") { guard let v = TeamOrders.scan(&s) else { return nil }; orders = v }
            else { guard s.skip() else { return nil } }
        } while s.nextMember(closing: UInt8(ascii: "}"))
        guard s.closed, let type else { return nil }
        switch type {
        case "start": return .start
        case "advance": return .advance
        case "set_orders":
            guard let team, let orders else { return nil }
            return .setOrders(team: team, orders: orders)
        case "lock_orders":
            return team.map { .lockOrders(team: $0) }
        default: return nil
        }
    }
}

extension TeamOrders {
    /// A team's orders object (as `fast` reads it).
    static func scan(_ s: inout JSONScanner) -> TeamOrders? {
        var result = TeamOrders()
        guard s.enter(UInt8(ascii: "{")) else { return nil }
        if s.leave(UInt8(ascii: "}")) { return result }
        repeat {
            guard let key = s.key() else { return nil }
            if s.key(key, is: "orders") {
                result.orders = []
                if s.null() { continue }
                guard s.enter(UInt8(ascii: "[")) else { return nil }
                if s.leave(UInt8(ascii: "]")) { continue }
                repeat {
                    guard let order = Order.scan(&s) else { return nil }
                    result.orders.append(order)
                } while s.nextMember(closing: UInt8(ascii: "]"))
                guard s.closed else { return nil }
            } else if s.key(key, is: "consents") {
                result.consents = [:]
                if s.null() { continue }
                guard s.enter(UInt8(ascii: "{")) else { return nil }
                if s.leave(UInt8(ascii: "}")) { continue }
                repeat {
                    guard let action = s.keyText(), let name = s.text(), let decision = ConsentDecision(rawValue: name) else { return nil }
                    result.consents[action] = decision
                } while s.nextMember(closing: UInt8(ascii: "}"))
                guard s.closed else { return nil }
            } else {
                guard s.skip() else { return nil }
            }
        } while s.nextMember(closing: UInt8(ascii: "}"))
        return s.closed ? result : nil
    }
}

extension Order {
    /// One order: its action and its parameters (whole numbers and ids).
    static func scan(_ s: inout JSONScanner) -> Order? {
        var action: String?
        var params: [String: ParameterValue] = [:]
        guard s.enter(UInt8(ascii: "{")), !s.leave(UInt8(ascii: "}")) else { return nil }
        repeat {
            guard let key = s.key() else { return nil }
            if s.key(key, is: "action") {
                guard let v = s.text() else { return nil }
                action = v
            } else if s.key(key, is: "params") {
                params = [:]
                if s.null() { continue }
                guard s.enter(UInt8(ascii: "{")) else { return nil }
                if s.leave(UInt8(ascii: "}")) { continue }
                repeat {
                    guard let name = s.keyText() else { return nil }
                    if s.atString() {
                        guard let id = s.string() else { return nil }
                        params[name] = .id(id)
                    } else {
                        guard let n = s.int() else { return nil }
                        params[name] = .number(n)
                    }
                } while s.nextMember(closing: UInt8(ascii: "}"))
                guard s.closed else { return nil }
            } else {
                guard s.skip() else { return nil }
            }
        } while s.nextMember(closing: UInt8(ascii: "}"))
        guard s.closed, let action else { return nil }
        return Order(action: action, params: params)
    }
}
