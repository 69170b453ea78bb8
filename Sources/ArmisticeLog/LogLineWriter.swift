import ArmisticeEngine

/// Writes a log record as its line by hand, byte for byte what Foundation's `JSONEncoder` wrote with `.sortedKeys`
/// and `.withoutEscapingSlashes` (the format's lines since the first log): keys in `String` order, strings escaped
/// as Foundation escapes them. A test compares the two on many records; a new `LogRecord` field is a line in
/// `record(_:)`, in its sorted place.
struct LogLineWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the next key or element needs a comma first.
    private var comma = false

    init() { bytes.reserveCapacity(256) }

    mutating func record(_ r: LogRecord) {
        open()
        string("bot", r.bot)
        string("by", r.by)
        string("channel", r.channel)
        if let c = r.clock {
            key("clock")
            open()
            if let v = c.deadline { key("deadline"); integer(v) }
            if let v = c.paused { key("paused"); bool(v) }
            if let v = c.remaining { key("remaining"); integer(v) }
            close()
        }
        if let v = r.format { key("format"); integer(v) }
        string("hash", r.hash)
        if let v = r.input { key("input"); input(v) }
        key("kind"); string(r.kind.rawValue)
        string("lines_hash", r.linesHash)
        string("name", r.name)
        if let v = r.online { key("online"); bool(v) }
        if let v = r.open { key("open"); bool(v) }
        string("owner", r.owner)
        string("reason", r.reason)
        if let v = r.removed { key("removed"); bool(v) }
        string("role", r.role)
        string("room", r.room)
        string("ruleset_hash", r.rulesetHash)
        string("ruleset_text", r.rulesetText)
        string("seat", r.seat)
        key("seq"); integer(r.seq)
        if let s = r.settings {
            key("settings")
            open()
            string("absent", s.absent)
            string("language", s.language)
            if let v = s.nicknames { key("nicknames"); bool(v) }
            if let v = s.phases { key("phases"); object(v) { $0.integer($1) } }
            if let v = s.practice { key("practice"); bool(v) }
            string("ruleset", s.ruleset)
            key("seed"); integer(s.seed)
            if let v = s.turns { key("turns"); integer(v) }
            string("variant", s.variant)
            close()
        }
        if let v = r.t { key("t"); integer(v) }
        string("team", r.team)
        string("text", r.text)
        string("token_hash", r.tokenHash)
        if let v = r.turn { key("turn"); integer(v) }
        close()
    }

    private mutating func input(_ input: Input) {
        open()
        switch input {
        case .start, .advance: break
        case .setOrders(let team, let orders):
            key("orders")
            open()
            key("consents"); object(orders.consents) { $0.string($1.rawValue) }
            key("orders")
            array(orders.orders) { w, order in
                w.open()
                w.key("action"); w.string(order.action)
                w.key("params"); w.parameters(order.params)
                w.close()
            }
            close()
            key("team"); string(team)
        case .lockOrders(let team):
            key("team"); string(team)
        case .proposeDeal(let team, let commitments, let note):
            key("commitments")
            array(commitments) { w, c in
                w.open()
                w.string("action", c.action)
                w.string("consent", c.consent)
                w.string("decision", c.decision?.rawValue)
                if let v = c.params { w.key("params"); w.parameters(v) }
                w.key("team"); w.string(c.team)
                w.close()
            }
            key("note"); string(note)
            key("team"); string(team)
        case .respondToDeal(let team, let deal, let accept):
            key("accept"); bool(accept)
            key("deal"); integer(deal)
            key("team"); string(team)
        case .withdrawDeal(let team, let deal):
            key("deal"); integer(deal)
            key("team"); string(team)
        case .injectEvent(let event):
            key("event"); string(event)
        case .injectNews(let text):
            key("text"); string(text)
        case .adjust(let target, _, let reason):
            key("reason"); string(reason)
            key("target"); string(target)
        case .end(let reason):
            key("reason"); string(reason)
        }
        key("type"); string(input.type)
        if case .adjust(_, let value, _) = input { key("value"); integer(value) }
        close()
    }

    private mutating func parameters(_ params: [String: ParameterValue]) {
        object(params) { w, value in
            switch value {
            case .number(let n): w.integer(n)
            case .id(let s): w.string(s)
            }
        }
    }

    // MARK: JSON

    private mutating func open() {
        bytes.append(0x7B)
        comma = false
    }

    private mutating func close() {
        bytes.append(0x7D)
        comma = true
    }

    private mutating func key(_ name: StaticString) {
        if comma { bytes.append(0x2C) }
        bytes.append(0x22)
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(0x22)
        bytes.append(0x3A)
        comma = false
    }

    /// `"name":"value"` when there is a value.
    private mutating func string(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    /// A dictionary, its keys sorted.
    private mutating func object<V>(_ dictionary: [String: V], _ value: (inout LogLineWriter, V) -> Void) {
        open()
        for name in dictionary.keys.sorted() {
            if comma { bytes.append(0x2C) }
            string(name)
            bytes.append(0x3A)
            comma = false
            value(&self, dictionary[name]!)
        }
        close()
    }

    private mutating func array<T>(_ elements: [T], _ element: (inout LogLineWriter, T) -> Void) {
        bytes.append(0x5B)
        for (i, e) in elements.enumerated() {
            if i > 0 { bytes.append(0x2C) }
            element(&self, e)
        }
        bytes.append(0x5D)
        comma = true
    }

    private mutating func bool(_ value: Bool) {
        bytes.append(contentsOf: value ? [0x74, 0x72, 0x75, 0x65] : [0x66, 0x61, 0x6C, 0x73, 0x65])
        comma = true
    }

    private mutating func integer<T: BinaryInteger>(_ value: T) {
        JSONText.appendInteger(value, to: &bytes)
        comma = true
    }

    private mutating func string(_ s: String) {
        JSONText.appendString(s, to: &bytes, shortEscapes: true)
        comma = true
    }
}
