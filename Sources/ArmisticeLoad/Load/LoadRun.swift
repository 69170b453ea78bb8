import ArmisticeBots
import ArmisticeEngine
import ArmisticeServer
import ArmisticeWire
import Foundation
import Synchronization

/// A load run failed in a way that makes its figures meaningless (a room could not be set up, a server did not answer).
package struct LoadFailure: Error, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}

/// One room of bots: the instructor (for `armistice`), its students by team, and everyone who reads.
package struct LoadRoom: Sendable {
    package var index: Int
    package var code = ""
    package var instructor: LoadClient?
    package var members: [LoadClient] = []
    package var studentsByTeam: [[LoadClient]] = []

    package var students: [LoadClient] { studentsByTeam.flatMap { $0 } }
}

/// A load run: the bots' connections on one socket pool, the trackers that time what they cause, and the
/// sink that reads every message they receive.
package final class LoadRun: LoadSink {
    package let config: LoadConfig
    package let counters = LoadCounters()
    /// Move (draft change) → last teammate's or the instructor's update. Key: the team (room × teams + team).
    package let moves = DeliveryTracker()
    /// Chat message → the last room member's copy. Key: sender index << 32 | the sender's counter.
    package let chats = DeliveryTracker()
    /// Last lock in a room → the last member's update with the turn's results. Key: the room.
    package let turnResults = DeliveryTracker()
    package let pool: LoadSocketPool
    package let ruleset: Ruleset?
    package let teamIDs: [String]
    /// room << 16 | seat number → team, so the instructor can tell whose draft an update is about.
    private let seatTeams = Mutex<[UInt64: Int]>([:])
    private let nextIndex = Atomic<Int>(0)
    package let running = Atomic<Bool>(false)
    /// Locks refused because the team had already locked (orders_locked) or the phase had moved on (wrong_phase).
    package let locksAlreadyDone = Atomic<Int>(0)
    /// Per team: how many drafts it has been sent, so every move (from any driver) sends a different draft.
    package let draftCounts = Mutex<[UInt64: Int]>([:])

    /// `ruleset` is the scenario the bots play (loaded by the caller from `config.rulesetFile`); nil for lws's mirror.
    package init(config: LoadConfig, ruleset: Ruleset?) {
        self.config = config
        let subprotocol: String? = config.target == .lwsMirror ? "lws-mirror-protocol" : "armistice.v2"
        pool = LoadSocketPool(subprotocol: subprotocol, maxMessageBytes: 1 << 22)
        self.ruleset = config.target == .armistice ? ruleset : nil
        teamIDs = self.ruleset?.teams.map(\.id) ?? []
    }

    package var teamCount: Int { max(1, teamIDs.count) }

    package func teamKey(room: Int, team: Int) -> UInt64 { UInt64(room * teamCount + team) }

    // MARK: - Receiving (every client's reader task)

    package func received(_ client: LoadClient, type: String?, text: String, at ns: UInt64) {
        switch type ?? "" {
        case "update":
            switch config.mode {
            case .moves:
                for cause in JSONScan.causes(text) where cause.type == "set_orders" {
                    guard let seat = cause.by else { continue }
                    let team = client.role == .student ? client.team
                        : seatTeams.withLock { $0[UInt64(client.room) << 16 | UInt64(seat)] } ?? -1
                    guard team >= 0 else { continue }
                    moves.seen(teamKey(room: client.room, team: team), by: seat, at: ns)
                }
            case .turns:
                if JSONScan.causes(text).contains(where: { $0.reason == "all_locked" }) { turnResults.seen(UInt64(client.room), by: 0, at: ns) }
            case .chat:
                return
            }
        case "chat":
            chatMarker(text, at: ns)
        case "error":
            if config.mode == .moves, let id = JSONScan.string("\"id\":\"m", in: text), let key = UInt64(id) {
                moves.cancel(key)
            } else if config.mode == .turns, JSONScan.string("\"id\":\"k", in: text) != nil,
                      let code = JSONScan.string("\"code\":\"", in: text), code == "orders_locked" || code == "wrong_phase" {
                locksAlreadyDone.add(1, ordering: .relaxed)
            }
        case "" where config.target == .lwsMirror:
            chatMarker(text, at: ns)
        default:
            return
        }
    }

    /// A chat text carries `lt|SENDER|N|`: the sender's index and counter.
    private func chatMarker(_ text: String, at ns: UInt64) {
        let parsed = JSONScan.withBytes(text) { b -> (Int, Int)? in
            guard let at = JSONScan.end(of: "lt|", in: b, limit: JSONScan.smallMessage), let sender = JSONScan.intValue(in: b, at: at) else { return nil }
            var i = at
            while i < b.count, b[i] != UInt8(ascii: "|") { i += 1 }
            guard let n = JSONScan.intValue(in: b, at: i + 1) else { return nil }
            return (sender, n)
        }
        guard let (sender, n) = parsed else { return }
        chats.seen(UInt64(sender) << 32 | UInt64(n), by: sender, at: ns)
    }

    // MARK: - Connecting

    package struct Plan: Sendable {
        package var room: Int
        package var team: Int
        package var role: LoadRole
    }

    /// Who is in each room: the instructor, `observers` observers, then students spread over the teams.
    package func plans(forRoom r: Int) -> [Plan] {
        if config.target == .lwsMirror {
            return (0..<config.clientsPerRoom).map { _ in Plan(room: r, team: -1, role: .mirror) }
        }
        var plans = [Plan(room: r, team: -1, role: .instructor)]
        plans += (0..<config.observers).map { _ in Plan(room: r, team: -1, role: .observer) }
        let students = config.clientsPerRoom - 1 - config.observers
        plans += (0..<students).map { Plan(room: r, team: $0 % teamCount, role: .student) }
        return plans
    }

    package func url(forRoom r: Int) -> String {
        guard config.target == .lwsMirror else { return config.url }
        return config.url + (config.url.contains("?") ? "&" : "?") + "mirror=r\(r)"
    }

    package struct ConnectTiming: Sendable {
        package var seconds: Double
        package var firstThousand: Double?
        package var retries: Int
    }

    /// Opens a WebSocket for every plan, at most `concurrency` handshakes at once; starts each client's reader.
    package func connect(_ plans: [Plan], concurrency: Int) async throws -> ([LoadClient], ConnectTiming) {
        let started = Now.ns()
        var clients = [LoadClient?](repeating: nil, count: plans.count)
        var completedAt: [UInt64] = []
        completedAt.reserveCapacity(plans.count)
        var retries = 0
        try await withThrowingTaskGroup(of: (Int, LoadClient, Int).self) { group in
            var next = 0
            func add() {
                let i = next
                let plan = plans[i]
                next += 1
                group.addTask { [self] in
                    var attempt = 0
                    while true {
                        do {
                            let connection = try await pool.connect(url: url(forRoom: plan.room), timeout: .seconds(30))
                            let client = LoadClient(index: nextIndex.add(1, ordering: .relaxed).newValue, room: plan.room, team: plan.team,
                                                    role: plan.role, connection: connection, counters: counters, sink: self)
                            return (i, client, attempt)
                        } catch {
                            attempt += 1
                            if attempt >= 4 { throw LoadFailure("could not connect to \(url(forRoom: plan.room)): \(error)") }
                            try await Task.sleep(for: .milliseconds(200 * attempt))
                        }
                    }
                }
            }
            while next < min(concurrency, plans.count) { add() }
            while let (i, client, attempts) = try await group.next() {
                completedAt.append(Now.ns())
                clients[i] = client
                retries += attempts
                client.startReading()
                if next < plans.count { add() }
            }
        }
        let seconds = Double(Now.ns() - started) / 1e9
        let thousand = completedAt.count >= 1000 ? Double(completedAt[999] - started) / 1e9 : nil
        return (clients.map { $0! }, ConnectTiming(seconds: seconds, firstThousand: thousand, retries: retries))
    }

    // MARK: - Seating (armistice)

    /// The phases of a load room: long enough that no deadline passes during a run; the bots and the
    /// instructor move the match on themselves.
    package static let longPhases = ["briefing": 86400, "negotiation": 86400, "orders": 86400, "adjudication": 86400, "results": 86400]

    package func seed(forRoom r: Int) -> UInt64 { config.seed &+ UInt64(r) }

    /// Says hello, creates the room, starts it and moves it to `phase`, then seats every member.
    package func seat(_ clients: [LoadClient], room r: Int, upTo phase: Phase) async throws -> LoadRoom {
        var room = LoadRoom(index: r)
        room.members = clients
        room.studentsByTeam = Array(repeating: [], count: teamCount)
        for c in clients where c.role == .student { room.studentsByTeam[c.team].append(c) }
        guard config.target == .armistice else { return room }
        guard let instructor = clients.first(where: { $0.role == .instructor }) else { throw LoadFailure("room \(r) has no instructor") }
        room.instructor = instructor
        try await expect(instructor, ClientRequest.Hello(protocol: ProtocolVersion.current).message().text, "welcome")
        let create = ClientRequest.CreateRoom(key: config.instructorKey, ruleset: config.ruleset, seed: seed(forRoom: r), turns: config.turns,
                                              phases: Self.longPhases, name: "Load instructor \(r)")
        let created = try await expect(instructor, create.message().text, "room_created")
        guard let code = JSONScan.string("\"room\":\"", in: created) else { throw LoadFailure("room_created without a room code: \(created.prefix(200))") }
        room.code = code
        try await expect(instructor, ClientRequest.Start().message().text, "ack")
        let steps = phase == .orders ? 2 : 1
        for _ in 0..<steps { try await expect(instructor, ClientRequest.Skip().message().text, "ack") }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for c in clients where c.role != .instructor {
                group.addTask { [self] in
                    try await expect(c, ClientRequest.Hello(protocol: ProtocolVersion.current).message().text, "welcome")
                    let join = c.role == .observer
                        ? ClientRequest.Join(code: code, name: "Projector \(c.index)", role: "observer")
                        : ClientRequest.Join(code: code, name: "Student \(c.index)", team: teamIDs[c.team])
                    let joined = try await expect(c, join.message().text, "joined")
                    guard let seat = JSONScan.string("\"seat\":\"s", in: joined).flatMap({ Int($0) }) else { throw LoadFailure("joined without a seat: \(joined.prefix(200))") }
                    c.seat = seat
                    if c.role == .student { seatTeams.withLock { $0[UInt64(r) << 16 | UInt64(seat)] = c.team } }
                }
            }
            try await group.waitForAll()
        }
        return room
    }

    /// Sends a request and checks the reply's type. Setting up thousands of seats can keep a busy server's
    /// single rooms thread behind for a while, so this waits at least two minutes.
    @discardableResult
    package func expect(_ client: LoadClient, _ json: String, _ type: String) async throws -> String {
        let wait = max(120, config.timeout)
        guard let reply = await client.call(json, timeout: .seconds(wait)) else {
            throw LoadFailure("no reply to \(json.prefix(60)) within \(Int(wait)) s (client \(client.index))")
        }
        guard JSONScan.messageType(reply) == type else {
            throw LoadFailure("expected \(type) to \(json.prefix(80)), got \(reply.prefix(300))")
        }
        return reply
    }

    /// Seats every room, at most `concurrency` rooms at once.
    package func seatAll(_ byRoom: [[LoadClient]], upTo phase: Phase, concurrency: Int) async throws -> [LoadRoom] {
        var rooms = [LoadRoom?](repeating: nil, count: byRoom.count)
        try await withThrowingTaskGroup(of: LoadRoom.self) { group in
            var next = 0
            func add() {
                let r = next
                next += 1
                group.addTask { [self] in try await seat(byRoom[r], room: r, upTo: phase) }
            }
            while next < min(concurrency, byRoom.count) { add() }
            while let room = try await group.next() {
                rooms[room.index] = room
                if next < byRoom.count { add() }
            }
        }
        return rooms.map { $0! }
    }

    /// Closes every connection.
    package func shutdown() {
        pool.shutdown()
    }
}
