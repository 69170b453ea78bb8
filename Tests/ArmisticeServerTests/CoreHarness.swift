import ArmisticeEngine
import ArmisticeLog
import Foundation
@testable import ArmisticeServer
@testable import ArmisticeWire

/// Drives a `ServerCore` with no sockets: fake connections, a test clock, and every message each connection got.
final class CoreHarness {
    static let key = "test-instructor-key"
    static let catalog: RulesetCatalog = {
        let (catalog, failures) = RulesetCatalog.load(directory: repoRoot + "/rulesets")
        precondition(failures.isEmpty && catalog["koreanization"] != nil, "rulesets/ must hold koreanization.yaml: \(failures)")
        return catalog
    }()
    static var repoRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    var core: ServerCore
    /// The door every message passes before the core, as on the transport's thread.
    var gate: InboundGate
    var now: Int64 = 1_700_000_000_000
    var nextID: ClientID = 1
    var inbox: [ClientID: [[String: Any]]] = [:]
    var closed: [ClientID: CoreOutput.Close] = [:]
    /// Every log line written, per room.
    var logs: [String: [String]] = [:]
    var errorsCounted: [ErrorCode] = []

    init(limits: ServerLimits = ServerLimits()) {
        core = ServerCore(instructorKey: Self.key, catalog: Self.catalog, limits: limits)
        gate = InboundGate(limits: limits)
    }

    /// Each connection's view, merged from its snapshot and updates.
    var held: [ClientID: [String: Any]] = [:]

    func take(_ out: CoreOutput) {
        for line in out.logLines { logs[line.room, default: []].append(line.line) }
        for d in out.deliveries {
            let object = (try? JSONSerialization.jsonObject(with: Data(d.text.utf8))) as? [String: Any] ?? ["unparsable": d.text]
            for id in d.to { inbox[id, default: []].append(ViewMerge.materialize(object, held: &held[id])) }
        }
        for c in out.closes { closed[c.client] = c }
        errorsCounted += out.errors
    }

    @discardableResult
    func connect(address: String = "10.0.0.1", hello: Bool = true, lang: String? = nil) -> ClientID {
        let id = nextID
        nextID += 1
        var out = CoreOutput()
        gate.opened(id, now: now)
        core.opened(id, address: address, now: now, into: &out)
        take(out)
        if hello { send(id, lang.map { ["type": "hello", "protocol": "armistice.v2", "lang": $0] } ?? ["type": "hello", "protocol": "armistice.v2"]) }
        return id
    }

    func disconnect(_ id: ClientID) {
        var out = CoreOutput()
        gate.closed(id)
        core.closed(id, now: now, into: &out)
        take(out)
    }

    /// Sends a request; returns what that connection received in answer.
    @discardableResult
    func send(_ id: ClientID, _ object: [String: Any]) -> [[String: Any]] {
        let data = try! JSONSerialization.data(withJSONObject: object)
        return sendText(id, String(decoding: data, as: UTF8.self))
    }

    @discardableResult
    func sendText(_ id: ClientID, _ text: String) -> [[String: Any]] {
        let before = inbox[id]?.count ?? 0
        var out = CoreOutput()
        if let inbound = gate.text(text, from: id, now: now) { core.received(id, inbound, now: now, into: &out) }
        take(out)
        return Array((inbox[id] ?? []).dropFirst(before))
    }

    /// Sends several requests in one batch, as the executor handles what arrived together.
    func sendBatch(_ requests: [(ClientID, [String: Any])]) {
        var out = CoreOutput()
        core.beginBatch()
        for (id, object) in requests {
            let data = try! JSONSerialization.data(withJSONObject: object)
            if let inbound = gate.text(String(decoding: data, as: UTF8.self), from: id, now: now) { core.received(id, inbound, now: now, into: &out) }
        }
        core.endBatch(now: now, into: &out)
        take(out)
    }

    func advance(seconds: Double) {
        now += Int64(seconds * 1000)
        var out = CoreOutput()
        core.tick(now: now, into: &out)
        take(out)
    }

    func tick() {
        var out = CoreOutput()
        core.tick(now: now, into: &out)
        take(out)
    }

    func clear(_ id: ClientID) { inbox[id] = [] }

    func messages(_ id: ClientID, type: String) -> [[String: Any]] { (inbox[id] ?? []).filter { $0["type"] as? String == type } }

    func last(_ id: ClientID, type: String) -> [String: Any]? { messages(id, type: type).last }

    /// The error code in a reply, if it is an error.
    static func errorCode(_ replies: [[String: Any]]) -> String? {
        replies.first { $0["type"] as? String == "error" }?["code"] as? String
    }

    // MARK: - A room with players

    struct Seated {
        var client: ClientID
        var seat: String
        var token: String
    }

    /// Creates a koreanization room; returns the instructor and the code.
    func createRoom(ruleset: String = "koreanization", seed: Int = 7, turns: Int? = nil, phases: [String: Int]? = nil,
                    language: String? = nil, lang: String? = nil) -> (Seated, String) {
        let id = connect(lang: lang)
        var request: [String: Any] = ["type": "create_room", "id": 1, "key": Self.key, "ruleset": ruleset, "seed": seed]
        if let language { request["language"] = language }
        if let turns { request["turns"] = turns }
        if let phases { request["phases"] = phases }
        let replies = send(id, request)
        guard let created = replies.first(where: { $0["type"] as? String == "room_created" }) else {
            fatalError("no room_created: \(replies)")
        }
        return (Seated(client: id, seat: created["seat"] as! String, token: created["token"] as! String), created["room"] as! String)
    }

    func join(_ code: String, name: String, team: String? = nil, role: String? = nil, address: String = "10.0.0.2", lang: String? = nil) -> Seated {
        let id = connect(address: address, lang: lang)
        var request: [String: Any] = ["type": "join", "code": code, "name": name]
        if let team { request["team"] = team }
        if let role { request["role"] = role }
        let replies = send(id, request)
        guard let joined = replies.first(where: { $0["type"] as? String == "joined" }) else { fatalError("no joined: \(replies)") }
        return Seated(client: id, seat: joined["seat"] as! String, token: joined["token"] as! String)
    }

    /// The view a connection holds (its snapshot with every update merged in; records left out).
    func view(_ id: ClientID) -> [String: Any]? { held[id] }

    func phase(_ id: ClientID) -> String? { view(id)?["phase"] as? String }

    var room: Room { core.rooms.values.first! }
}

extension CoreHarness {
    /// A room's log as a server restores it from its file (`LogReader.restorable()`).
    func restorable(_ code: String) throws -> LogReader.Restorable { try restorableLog(logs[code]!) }
}

/// Log lines as a server restores them from a file holding them (`LogReader.restorable()`).
func restorableLog(_ lines: [String]) throws -> LogReader.Restorable {
    try LogReader(bytes: Array((lines.joined(separator: "\n") + "\n").utf8)).restorable()
}
