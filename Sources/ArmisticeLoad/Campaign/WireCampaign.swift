import ArmisticeServer
import ArmisticeTransport
import ArmisticeWire
import Foundation
import Logging

/// The wire part of the campaign: workers with and without seats send mutated frames of every request type to a
/// real `armistice serve` over WebSockets, one at a time, each within its connection's message budget, and check
/// that each frame gets a valid reply (a known reply type; an error with a documented code) or a documented close.
/// Meanwhile the seated students of another room ping the server and must notice nothing but their pongs.
package struct WireCampaign {
    package init(workers: Int = 8, seconds: Double = 10.0, maxFrames: Int = Int.max, seed: UInt64 = 1, pingIntervalMs: Int = 50, baselineSeconds: Double = 3.0) {
        self.workers = workers
        self.seconds = seconds
        self.maxFrames = maxFrames
        self.seed = seed
        self.pingIntervalMs = pingIntervalMs
        self.baselineSeconds = baselineSeconds
    }

    package var workers = 8
    package var seconds = 10.0
    package var maxFrames = Int.max
    package var seed: UInt64 = 1
    package var pingIntervalMs = 50
    package var baselineSeconds = 3.0

    /// The messages the server may send (docs/protocol.md), and those of them that answer a request.
    package static let serverTypes: Set<String> = ["ack", "error", "welcome", "room_created", "joined", "resumed", "snapshot", "pong", "update", "chat",
                                           "roster", "clock", "removed", "language"]
    package static let replyTypes: Set<String> = ["ack", "error", "welcome", "room_created", "joined", "resumed", "pong", "language"]
    /// The requests a `snapshot` answers: `resync`, and `set_language` from a seated connection.
    static let answeredBySnapshot = ["resync", "set_language"]
    /// Close codes the protocol documents for a misbehaving client (1000 after `removed`).
    package static let allowedCloses: Set<UInt16> = [1000, 1007, 1008, 1009]
    package static let errorCodes = Set(ErrorCode.allCases.map(\.rawValue)).subtracting(["internal_error"])

    package struct Result {
        package var tally = Tally()
        package var frames = 0
        package var connections = 0
        package var elapsed = 0.0
        package var baseline = PingProbe.Figures()
        /// While only connections without a seat send frames.
        package var strangers = PingProbe.Figures()
        /// While seated students and instructors fuzz too.
        package var during = PingProbe.Figures()
        package var noticed: [String] = []
        package var serverAlive = false
    }

    package func run(server: BenchServer, key: String) async throws -> Result {
        var logger = Logger(label: "armistice.campaign")
        logger.logLevel = .critical
        let pool = WebSocketClientPool(logger: logger)
        defer { pool.shutdown() }
        let url = "ws://127.0.0.1:\(server.port)/ws"

        // The classroom that must notice nothing, in a process of its own so that the fuzzing clients' work does not
        // delay its pings: it measures a baseline, then as long as the frames go on.
        let probe = try PingProbe.Child(port: server.port, key: key, baseline: baselineSeconds, seconds: seconds / 2, windows: 2, every: pingIntervalMs)
        // The rooms the workers play in: each worker has a student's seat and an instructor's seat there.
        var contexts: [(FrameMutator.Context, player: String, instructor: String)] = []
        let fuzzRooms = max(1, workers / 4)
        var codes: [String] = []
        for r in 0..<fuzzRooms {
            let setup = try await BenchClient.connect(pool, url: url, name: "setup\(r)")
            defer { setup.connection.close() }
            let created = try await setup.request(#"{"type":"create_room","key":"\#(key)","ruleset":"koreanization","seed":\#(r + 1)}"#)
            guard let code = JSONValue.parse(created)?["room"]?.string else { throw BenchFailure("create_room failed: \(created.prefix(200))") }
            codes.append(code)
        }
        var seats: [[String]] = Array(repeating: [], count: fuzzRooms)
        var joined: [(player: String, instructor: String)] = []
        for w in 0..<workers {
            let code = codes[w % fuzzRooms]
            var tokens: [String] = []
            for role in [#""team":"\#(SeatedRoom.teams[w % 4])""#, #""role":"instructor","key":"\#(key)""#] {
                let c = try await BenchClient.connect(pool, url: url, name: "w\(w)")
                let reply = try await c.request(#"{"type":"join","code":"\#(code)","name":"worker \#(w)",\#(role)}"#)
                let fields = JSONValue.parse(reply)
                guard let token = fields?["token"]?.string, let seat = fields?["seat"]?.string else {
                    throw BenchFailure("join failed: \(reply.prefix(200))")
                }
                tokens.append(token)
                seats[w % fuzzRooms].append(seat)
                c.connection.close()
            }
            joined.append((tokens[0], tokens[1]))
        }
        for w in 0..<workers {
            contexts.append((FrameMutator.Context(code: codes[w % fuzzRooms], key: key, token: joined[w].player, seats: seats[w % fuzzRooms]),
                             joined[w].player, joined[w].instructor))
        }
        var result = Result()
        result.baseline = try await probe.baseline()

        let started = ContinuousClock.now
        let sent = Box(0)
        for strangersOnly in [true, false] {
            let stop = ContinuousClock.now + .seconds(seconds / 2)
            let maxFrames = strangersOnly ? maxFrames / 2 : maxFrames
            let tallies = await withTaskGroup(of: (Tally, Int, Int).self) { group in
                for w in 0..<workers {
                    let context = contexts[w]
                    let seed = self.seed &+ UInt64(w) &* 0x1000_0000_01 &+ (strangersOnly ? 0 : 1)
                    group.addTask {
                        await Self.work(pool: pool, url: url, context: context.0, player: context.player, instructor: context.instructor, seed: seed,
                                        strangersOnly: strangersOnly, until: { ContinuousClock.now >= stop || sent.value >= maxFrames }, sent: sent)
                    }
                }
                var all: [(Tally, Int, Int)] = []
                for await t in group { all.append(t) }
                return all
            }
            for (t, frames, connections) in tallies {
                result.tally.merge(t)
                result.frames += frames
                result.connections += connections
            }
            let (figures, noticed) = try await probe.during()
            if strangersOnly { result.strangers = figures } else { result.during = figures }
            result.noticed += noticed
        }
        let elapsed = ContinuousClock.now - started
        result.elapsed = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        result.serverAlive = server.process.isRunning && BenchServer.get(port: server.port, path: "/healthz") != nil
        return result
    }

    /// One worker: connection after connection, each in a random state (no hello, hello only, a student's seat,
    /// an instructor's seat; only the first two for `strangersOnly`), sending mutated frames within the
    /// connection's budget.
    package static func work(pool: WebSocketClientPool, url: String, context: FrameMutator.Context, player: String, instructor: String, seed: UInt64,
                     strangersOnly: Bool, until done: @Sendable () -> Bool, sent: Box<Int>) async -> (Tally, Int, Int) {
        var tally = Tally()
        var mutator = FrameMutator(seed: seed)
        var frames = 0
        var connections = 0
        let tokens = (player: player, instructor: instructor)
        while !done() {
            guard let connection = try? await pool.connect(url: url, timeout: .seconds(30)) else {
                tally.finding("could not connect")
                try? await Task.sleep(for: .milliseconds(200))
                continue
            }
            connections += 1
            var budget = 40
            var context = context
            let mode = Int.random(in: 0..<(strangersOnly ? 50 : 100), using: &mutator.rng)
            var open = true
            if mode >= 15 {
                budget -= 1
                if case .reply("welcome", _) = await exchange(connection, #"{"id":"h","type":"hello","protocol":"armistice.v2"}"#, id: "h", tally: &tally) {} else { open = false }
            }
            if open, mode >= 50 {
                let token = mode >= 80 ? tokens.instructor : tokens.player
                context.token = token
                budget -= 1
                if case .reply(let type, _) = await exchange(connection, #"{"id":"r","type":"resume","token":"\#(token)"}"#, id: "r", tally: &tally), type == "resumed" {
                    tally.count("state.seated")
                } else {
                    tally.count("state.seat lost")
                }
            }
            while open, budget >= 5, !done() {
                let frame = mutator.next(context: context)
                let bytes = frame.binary?.count ?? frame.text.utf8.count
                budget -= frame.binary != nil || bytes > 65_536 ? 1 : 1 + (bytes - 1) / 16_384
                frames += 1
                sent.withLock { $0 += 1 }
                tally.count("mutation.\(frame.mutation.split(separator: "+").first ?? "")")
                tally.count("type.\(frame.type)")
                let outcome: Exchange
                if let binary = frame.binary {
                    connection.sendBinary(binary)
                    outcome = await awaitReply(connection, id: nil, resync: false, tally: &tally)
                } else {
                    outcome = await exchange(connection, frame.text, id: nil, tally: &tally)
                }
                switch outcome {
                case .reply(let type, let code):
                    tally.count("reply.\(code ?? type)")
                case .closed(let code, let afterRemoved):
                    tally.count("close.\(code.map(String.init) ?? "none")\(afterRemoved ? " after removed" : "")")
                    if code.map({ !allowedCloses.contains($0) }) ?? true {
                        tally.finding("closed with \(code.map(String.init) ?? "no code")\(afterRemoved ? " after `removed`" : "") while a \(frame.mutation) "
                                      + "\(frame.type) was in flight: \(frame.text.prefix(300))")
                    }
                    open = false
                case .silent:
                    tally.finding("no reply within 10 s to a \(frame.mutation) \(frame.type): \(frame.text.prefix(300))")
                    open = false
                }
            }
            if open { connection.close() }
        }
        return (tally, frames, connections)
    }

    package enum Exchange {
        case reply(String, code: String?)
        /// `afterRemoved`: the connection's seat was removed (by another worker's `remove_seat`) just before.
        case closed(UInt16?, afterRemoved: Bool = false)
        case silent
    }

    /// Sends one message and waits for its reply; with no `id` (a fuzzed frame, whose id may be mangled) any reply.
    package static func exchange(_ connection: ClientConnection, _ text: String, id: String?, tally: inout Tally) async -> Exchange {
        // A connection already closed by the server still has its events (a `removed`, the close code) to read.
        connection.send(text)
        return await awaitReply(connection, id: id, resync: answeredBySnapshot.contains { text.contains($0) }, tally: &tally)
    }

    /// Waits for the reply to the one request in flight: a reply type with no id or the request's id (the id
    /// may have been mutated away); events in between are checked and counted. `resync`: a `snapshot` may be the
    /// reply (to `resync` or `set_language`).
    package static func awaitReply(_ connection: ClientConnection, id: String?, resync: Bool, tally: inout Tally) async -> Exchange {
        let deadline = ContinuousClock.now + .seconds(10)
        var removed = false
        while true {
            let left = deadline - ContinuousClock.now
            guard left > .zero, let event = try? await connection.nextEvent(timeout: left) else { return .silent }
            switch event {
            case .closed(let code, _): return .closed(code, afterRemoved: removed)
            case .text(let text):
                guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any], let type = object["type"] as? String,
                      serverTypes.contains(type) else {
                    tally.finding("the server sent something undocumented: \(text.prefix(300))")
                    continue
                }
                var code: String?
                if type == "error" {
                    code = object["code"] as? String
                    if !errorCodes.contains(code ?? "") { tally.finding("error with code \(code ?? "none"): \(text.prefix(300))") }
                }
                let replyID = object["id"] as? String
                let answers = replyTypes.contains(type) || (type == "snapshot" && resync)
                if answers, id == nil || replyID == nil || replyID == id { return .reply(type, code: code) }
                tally.count("event.\(type)")
                if type == "removed" { removed = true }
            }
        }
    }
}
