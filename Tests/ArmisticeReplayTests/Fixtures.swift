import ArmisticeBots
import ArmisticeEngine
import ArmisticeLog
import ArmisticeReplay
import ArmisticeServer
import Foundation

/// Match logs for the tests: whole bot matches written in the documented format, and a match played through the
/// server's core (no sockets), whose log lines are exactly what the server writes to disk.
enum Fixtures {
    static var repoRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    static func rulesetText(_ name: String) -> String {
        let path = repoRoot + "/rulesets/\(name).yaml"
        guard let data = FileManager.default.contents(atPath: path) else { fatalError("missing \(path)") }
        return String(decoding: data, as: UTF8.self)
    }

    /// A whole bot match, as `armistice simulate` plays it, logged.
    static func simulatedLog(_ ruleset: String = "koreanization", seed: UInt64 = 7, bot: BotKind = .greedy, drafts: Int = 1, chat: Int = 1,
                             maxLines: Int = .max, turns: Int? = nil) throws -> MatchLogWriter {
        var writer = try MatchLogWriter(rulesetText: rulesetText(ruleset), settings: .init(seed: seed, turns: turns))
        var bots = writer.engine.ruleset.teams.indices.map { bot.make(seed: seed &+ UInt64($0) &* 0x9E37_79B9) }
        try writer.playWhole(drafts: drafts, chat: chat, maxLines: maxLines) { engine, state, team in
            bots[team].orders(engine: engine, state: state, team: team)
        }
        return writer
    }

    /// A directory for files a person may want to look at after the tests (screenshots, reports).
    static var outputDirectory: String {
        let dir = repoRoot + "/test-output"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}

/// A classroom match played through `ServerCore` with no sockets: an instructor, one student per team and an
/// observer; chat, a deal, news, an adjustment, a paused clock, bot orders, and the instructor ending it in turn 3.
final class ServerMatch {
    static let key = "replay-test-key"
    let core: ServerCore
    var now: Int64 = 1_790_000_000_000
    var nextID: ClientID = 1
    var lines: [String] = []
    var inbox: [ClientID: [[String: Any]]] = [:]
    var code = ""
    var instructor: ClientID = 0
    var students: [String: ClientID] = [:]
    /// The language every connection says it reads in `hello` (nil: none said), and the room's default.
    var lang: String?

    init() {
        let (catalog, failures) = RulesetCatalog.load(directory: Fixtures.repoRoot + "/rulesets")
        precondition(failures.isEmpty, "\(failures)")
        core = ServerCore(instructorKey: Self.key, catalog: catalog)
    }

    var room: Room { core.rooms[code]! }

    func take(_ out: CoreOutput) {
        lines += out.logLines.map(\.line)
        for d in out.deliveries {
            let object = (try? JSONSerialization.jsonObject(with: Data(d.text.utf8))) as? [String: Any] ?? [:]
            for id in d.to { inbox[id, default: []].append(object) }
        }
    }

    func connect(_ address: String) -> ClientID {
        let id = nextID
        nextID += 1
        var out = CoreOutput()
        core.opened(id, address: address, now: now, into: &out)
        take(out)
        send(id, lang.map { ["type": "hello", "protocol": "armistice.v2", "lang": $0] } ?? ["type": "hello", "protocol": "armistice.v2"])
        return id
    }

    @discardableResult
    func send(_ id: ClientID, _ object: [String: Any]) -> [[String: Any]] {
        now += 250
        let before = inbox[id]?.count ?? 0
        var out = CoreOutput()
        core.received(id, text: String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self), now: now, into: &out)
        take(out)
        return Array((inbox[id] ?? []).dropFirst(before))
    }

    func tick(seconds: Int64) {
        now += seconds * 1000
        var out = CoreOutput()
        core.tick(now: now, into: &out)
        take(out)
    }

    static func error(_ replies: [[String: Any]]) -> String? {
        replies.first { $0["type"] as? String == "error" }.map { "\($0["code"] ?? "?"): \($0["message"] ?? "")" }
    }

    /// A short koreanization room an instructor's window made, with a student per `(name, team)` seated (address
    /// 10.0.0.2 on); the instructor's window, the room's code and the students' windows.
    func shortRoom(seed: Int = 5, turns: Int = 1, students seated: [(name: String, team: String)]) -> (instructor: ClientID, code: String, students: [ClientID]) {
        let i = connect("10.0.0.1")
        let created = send(i, ["type": "create_room", "key": Self.key, "ruleset": "koreanization", "seed": seed, "turns": turns])
        guard let code = created.first(where: { $0["type"] as? String == "room_created" })?["room"] as? String else { fatalError("no room: \(created)") }
        let windows = seated.enumerated().map { k, s in
            let id = connect("10.0.0.\(k + 2)")
            let joined = send(id, ["type": "join", "code": code, "name": s.name, "team": s.team])
            precondition(Self.error(joined) == nil, "\(joined)")
            return id
        }
        return (i, code, windows)
    }

    /// The log so far, replayed.
    func replay() throws -> Replay {
        Replay(log: try MatchLog(bytes: Array((lines.joined(separator: "\n") + "\n").utf8)))
    }

    /// Plays the whole match; returns the log text.
    /// `language`: the room's default language at creation (in the log header's settings), none when nil.
    func play(seed: Int = 11, turns: Int = 4, language: String? = nil) throws -> String {
        instructor = connect("10.9.0.1")
        var create: [String: Any] = ["type": "create_room", "id": 1, "key": Self.key, "ruleset": "koreanization", "seed": seed, "turns": turns]
        if let language = language ?? lang { create["language"] = language }
        let created = send(instructor, create)
        guard let reply = created.first(where: { $0["type"] as? String == "room_created" }) else { fatalError("no room: \(created)") }
        code = reply["room"] as! String
        for (i, team) in room.engine.ruleset.teams.enumerated() {
            let id = connect("10.9.1.\(i + 1)")
            let joined = send(id, ["type": "join", "code": code, "name": "Student \(team.id)", "team": team.id])
            precondition(Self.error(joined) == nil, "\(joined)")
            students[team.id] = id
        }
        let observer = connect("10.9.2.1")
        send(observer, ["type": "join", "code": code, "name": "Projector", "role": "observer"])
        precondition(Self.error(send(instructor, ["type": "start"])) == nil)
        var bots = room.engine.ruleset.teams.indices.map { BotKind.greedy.make(seed: UInt64(seed) &+ UInt64($0)) }
        let teams = room.engine.ruleset.teams.map(\.id)
        let encoder = JSONEncoder()
        var guardCount = 0
        while !room.state.isOver, guardCount < 500 {
            guardCount += 1
            switch room.state.phase {
            case .negotiation:
                send(students[teams[0]]!, ["type": "chat", "channel": "all", "text": "Turn \(room.state.turn): shall we talk?"])
                send(students[teams[1]]!, ["type": "chat", "channel": "pair:\(teams[0])+\(teams[1])", "text": "Only if you stop testing missiles."])
                send(students[teams[2]]!, ["type": "chat", "channel": "team:\(teams[2])", "text": "Hold firm."])
                if room.state.turn == 1 {
                    send(students["dprk"]!, ["type": "propose_deal", "commitments": [["team": "dprk", "action": "restore_contact"],
                                                                                     ["team": "rok", "action": "alliance_working_group"]], "note": "hotline"])
                    send(students["rok"]!, ["type": "respond_deal", "deal": 1, "accept": true])
                    send(instructor, ["type": "inject_news", "text": "Markets fall on rumours of a test."])
                    send(instructor, ["type": "pause"])
                    tick(seconds: 30)
                    send(instructor, ["type": "unpause"])
                }
                if room.state.turn == 2 {
                    send(instructor, ["type": "adjust", "target": "tension", "value": 4, "reason": "a border incident the class discussed"])
                }
                send(instructor, ["type": "skip"])
            case .orders:
                for (t, team) in teams.enumerated() {
                    let orders = bots[t].orders(engine: room.engine, state: room.state, team: t)
                    let json = try JSONSerialization.jsonObject(with: encoder.encode(orders)) as! [String: Any]
                    let replies = send(students[team]!, ["type": "set_orders", "orders": json["orders"] ?? [], "consents": json["consents"] ?? [:]])
                    precondition(Self.error(replies) == nil, "set_orders: \(replies)")
                    send(students[team]!, ["type": "lock"])
                }
            case .results where room.state.turn == 3:
                send(instructor, ["type": "end", "reason": "the bell rang"])
            default:
                tick(seconds: 400)   // the phase clock runs out
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
