import ArmisticeEngine

extension LogRecord {
    /// Reads a record from parsed JSON when every field has the documented shape; nil otherwise (the caller then
    /// asks `JSONDecoder`, which decides and explains). Must agree with the `Codable` decoding exactly: a test checks
    /// both on every line of whole logs.
    package static func fast(_ json: JSON) -> LogRecord? {
        guard case .object(let pairs) = json else { return nil }
        var kind: String?
        var seq: Int?
        var line = LogRecord(kind: .match, seq: 0)
        for (key, value) in pairs {
            if case .null = value, key != "kind", key != "seq" { continue }
            switch key {
            case "kind": guard case .string(let s) = value else { return nil }; kind = s
            case "seq": guard let n = value.intValue else { return nil }; seq = n
            case "t": guard let n = value.int64Value else { return nil }; line.t = n
            case "by": guard case .string(let s) = value else { return nil }; line.by = s
            case "reason": guard case .string(let s) = value else { return nil }; line.reason = s
            case "format": guard let n = value.intValue else { return nil }; line.format = n
            case "room": guard case .string(let s) = value else { return nil }; line.room = s
            case "ruleset_text": guard case .string(let s) = value else { return nil }; line.rulesetText = s
            case "ruleset_hash": guard case .string(let s) = value else { return nil }; line.rulesetHash = s
            case "settings": guard let s = Settings.fast(value) else { return nil }; line.settings = s
            case "input": guard let i = Input.fast(value) else { return nil }; line.input = i
            case "turn": guard let n = value.intValue else { return nil }; line.turn = n
            case "hash": guard case .string(let s) = value else { return nil }; line.hash = s
            case "lines_hash": guard case .string(let s) = value else { return nil }; line.linesHash = s
            case "seat": guard case .string(let s) = value else { return nil }; line.seat = s
            case "name": guard case .string(let s) = value else { return nil }; line.name = s
            case "role": guard case .string(let s) = value else { return nil }; line.role = s
            case "team": guard case .string(let s) = value else { return nil }; line.team = s
            case "token_hash": guard case .string(let s) = value else { return nil }; line.tokenHash = s
            case "bot": guard case .string(let s) = value else { return nil }; line.bot = s
            case "removed": guard case .bool(let b) = value else { return nil }; line.removed = b
            case "online": guard case .bool(let b) = value else { return nil }; line.online = b
            case "open": guard case .bool(let b) = value else { return nil }; line.open = b
            case "channel": guard case .string(let s) = value else { return nil }; line.channel = s
            case "text": guard case .string(let s) = value else { return nil }; line.text = s
            case "owner": guard case .string(let s) = value else { return nil }; line.owner = s
            case "clock":
                guard case .object = value else { return nil }
                var clock = Clock()
                if let v = value["deadline"], !v.isNull { guard let n = v.int64Value else { return nil }; clock.deadline = n }
                if let v = value["remaining"], !v.isNull { guard let n = v.int64Value else { return nil }; clock.remaining = n }
                if let v = value["paused"], !v.isNull { guard case .bool(let b) = v else { return nil }; clock.paused = b }
                line.clock = clock
            default: continue
            }
        }
        guard let kind, let seq else { return nil }
        line.kind = Kind(rawValue: kind)
        line.seq = seq
        return line
    }
}

extension LogRecord.Settings {
    static func fast(_ json: JSON) -> LogRecord.Settings? {
        guard case .object = json, let seedValue = json["seed"] else { return nil }
        let seed: UInt64
        switch seedValue {
        case .int(let n) where n >= 0: seed = UInt64(n)
        case .uint(let n): seed = n
        default: return nil
        }
        var s = LogRecord.Settings(seed: seed)
        if let v = json["ruleset"], !v.isNull { guard case .string(let r) = v else { return nil }; s.ruleset = r }
        if let v = json["turns"], !v.isNull { guard let n = v.intValue else { return nil }; s.turns = n }
        if let v = json["variant"], !v.isNull { guard case .string(let name) = v else { return nil }; s.variant = name }
        if let v = json["language"], !v.isNull { guard case .string(let tag) = v else { return nil }; s.language = tag }
        if let v = json["absent"], !v.isNull { guard case .string(let a) = v else { return nil }; s.absent = a }
        if let v = json["practice"], !v.isNull { guard case .bool(let b) = v else { return nil }; s.practice = b }
        if let v = json["nicknames"], !v.isNull { guard case .bool(let b) = v else { return nil }; s.nicknames = b }
        if let v = json["phases"], !v.isNull {
            guard case .object(let pairs) = v else { return nil }
            var phases: [String: Int] = [:]
            for (k, p) in pairs { guard let n = p.intValue else { return nil }; phases[k] = n }
            s.phases = phases
        }
        return s
    }
}

extension Input {
    /// The engine's `Input` from JSON, for the types and fields `Input`'s decoder knows; nil for anything else.
    static func fast(_ json: JSON) -> Input? {
        guard case .string(let type)? = json["type"] else { return nil }
        func string(_ key: String) -> String? { if case .string(let s)? = json[key] { return s }; return nil }
        func optionalString(_ key: String) -> String?? {
            switch json[key] {
            case nil, .null?: return .some(nil)
            case .string(let s)?: return .some(s)
            default: return nil
            }
        }
        switch type {
        case "start": return .start
        case "advance": return .advance
        case "set_orders":
            guard let team = string("team"), let orders = json["orders"].flatMap(TeamOrders.fast) else { return nil }
            return .setOrders(team: team, orders: orders)
        case "lock_orders":
            return string("team").map { .lockOrders(team: $0) }
        case "propose_deal":
            guard let team = string("team"), case .array(let items)? = json["commitments"], let note = optionalString("note") else { return nil }
            var commitments: [Commitment] = []
            for item in items { guard let c = Commitment.fast(item) else { return nil }; commitments.append(c) }
            return .proposeDeal(team: team, commitments: commitments, note: note ?? "")
        case "respond_deal":
            guard let team = string("team"), let deal = json["deal"]?.intValue, case .bool(let accept)? = json["accept"] else { return nil }
            return .respondToDeal(team: team, deal: deal, accept: accept)
        case "withdraw_deal":
            guard let team = string("team"), let deal = json["deal"]?.intValue else { return nil }
            return .withdrawDeal(team: team, deal: deal)
        case "inject_event": return string("event").map { .injectEvent(event: $0) }
        case "inject_news": return string("text").map { .injectNews(text: $0) }
        case "adjust":
            guard let target = string("target"), let value = json["value"]?.intValue, let reason = string("reason") else { return nil }
            return .adjust(target: target, value: value, reason: reason)
        case "end":
            guard let reason = optionalString("reason") else { return nil }
            return .end(reason: reason ?? "")
        default: return nil
        }
    }
}

extension TeamOrders {
    static func fast(_ json: JSON) -> TeamOrders? {
        guard case .object = json else { return nil }
        var result = TeamOrders()
        if let v = json["orders"], !v.isNull {
            guard case .array(let items) = v else { return nil }
            for item in items {
                guard case .string(let action)? = item["action"] else { return nil }
                var params: [String: ParameterValue] = [:]
                if let p = item["params"], !p.isNull { guard let decoded = ParameterValue.fastMap(p) else { return nil }; params = decoded }
                result.orders.append(Order(action: action, params: params))
            }
        }
        if let v = json["consents"], !v.isNull {
            guard case .object(let pairs) = v else { return nil }
            for (k, d) in pairs {
                guard case .string(let s) = d, let decision = ConsentDecision(rawValue: s) else { return nil }
                result.consents[k] = decision
            }
        }
        return result
    }
}

extension Commitment {
    static func fast(_ json: JSON) -> Commitment? {
        guard case .object = json, case .string(let team)? = json["team"] else { return nil }
        var c = Commitment(team: team, action: "")
        c.action = nil
        c.params = nil
        if let v = json["action"], !v.isNull { guard case .string(let s) = v else { return nil }; c.action = s }
        if let v = json["params"], !v.isNull { guard let p = ParameterValue.fastMap(v) else { return nil }; c.params = p }
        if let v = json["consent"], !v.isNull { guard case .string(let s) = v else { return nil }; c.consent = s }
        if let v = json["decision"], !v.isNull {
            guard case .string(let s) = v, let d = ConsentDecision(rawValue: s) else { return nil }
            c.decision = d
        }
        return c
    }
}

extension ParameterValue {
    static func fastMap(_ json: JSON) -> [String: ParameterValue]? {
        guard case .object(let pairs) = json else { return nil }
        var out: [String: ParameterValue] = [:]
        for (k, v) in pairs {
            switch v {
            case .int(let n) where n >= Int64(Int.min) && n <= Int64(Int.max): out[k] = .number(Int(n))
            case .string(let s): out[k] = .id(s)
            default: return nil
            }
        }
        return out
    }
}

extension JSON {
    package var isNull: Bool { if case .null = self { return true }; return false }

    package var int64Value: Int64? {
        if case .int(let n) = self { return n }
        return nil
    }

    package var intValue: Int? { int64Value.flatMap { Int(exactly: $0) } }
}
