#if canImport(Glibc)
import ArmisticeLog
import Glibc
#endif
import ArmisticeReplay
import ArmisticeServer
import ArmisticeTransport
import Foundation
import Logging

/// `kill -9` under load, again and again, on one data folder: students in three rooms chat as fast as their
/// acknowledgements come back; the server is killed at a random moment; it is started again; every chat it
/// acknowledged must be in its room's log, every log must replay and verify, and every student takes its seat
/// back with its token before the next round.
package struct KillCycles {
    package init(cycles: Int = 3, rooms: Int = 3, seed: UInt64 = 1, rulesets: String, data: String) {
        self.cycles = cycles
        self.rooms = rooms
        self.seed = seed
        self.rulesets = rulesets
        self.data = data
    }

    package var cycles = 3
    package var rooms = 3
    package var seed: UInt64 = 1
    package var rulesets: String
    package var data: String

    package struct Result {
        package var cycles = 0
        package var acknowledged = 0
        package var lost = 0
        package var logsVerified = 0
        package var tally = Tally()
        package var elapsed = 0.0
    }

    package func run(key: String) async throws -> Result {
        var logger = Logger(label: "armistice.campaign")
        logger.logLevel = .critical
        let pool = WebSocketClientPool(logger: logger)
        defer { pool.shutdown() }
        var rng = SplitMix64(seed: seed)
        var result = Result()
        let started = DispatchTime.now().uptimeNanoseconds
        var server = try BenchServer(data: data, rulesets: rulesets, key: key)
        var url = "ws://127.0.0.1:\(server.port)/ws"
        var classes: [SeatedRoom] = []
        for r in 0..<rooms {
            let room = try await SeatedRoom.open(pool, url: url, key: key, seed: r + 1, name: "k\(r)", observer: false)
            _ = try await room.instructor.request(#"{"type":"start"}"#)
            _ = try await room.instructor.request(#"{"type":"skip"}"#)
            classes.append(room)
        }
        var students = classes.flatMap(\.members)
        var acknowledged: [String: Set<String>] = [:]
        for cycle in 1...cycles {
            let killAfter = Int.random(in: 300...1_500, using: &rng)
            let victim = server
            let acked = await withTaskGroup(of: [(String, String)].self) { group in
                for (s, student) in students.enumerated() {
                    let code = classes[s / 8].code
                    group.addTask {
                        var mine: [(String, String)] = []
                        for n in 0..<100_000 {
                            let text = "cycle \(cycle) \(student.name) \(n)"
                            guard let reply = try? await student.request(#"{"type":"chat","channel":"all","text":"\#(text)"}"#),
                                  reply.contains("\"type\":\"ack\"") else { break }
                            mine.append((code, text))
                            try? await Task.sleep(for: .milliseconds(60))
                        }
                        return mine
                    }
                }
                group.addTask {
                    try? await Task.sleep(for: .milliseconds(killAfter))
                    kill(victim.process.processIdentifier, SIGKILL)
                    victim.process.waitUntilExit()
                    return []
                }
                var all: [(String, String)] = []
                for await list in group { all += list }
                return all
            }
            for (code, text) in acked { acknowledged[code, default: []].insert(text) }
            result.acknowledged += acked.count

            server = try BenchServer(data: data, rulesets: rulesets, key: key)
            url = "ws://127.0.0.1:\(server.port)/ws"
            result.cycles = cycle
            // Every acknowledged chat is in the log the restarted server recovered; every log replays.
            for room in classes {
                let path = data + "/matches/\(room.code).jsonl"
                guard let bytes = FileManager.default.contents(atPath: path) else {
                    result.tally.finding("cycle \(cycle): no log for room \(room.code)")
                    continue
                }
                do {
                    let reader = try LogReader(bytes: Array(bytes)).restorable()
                    let logged = Set(reader.records.filter { $0.kind == .chat }.compactMap(\.text))
                    let missing = acknowledged[room.code, default: []].subtracting(logged)
                    result.lost += missing.count
                    if !missing.isEmpty { result.tally.finding("cycle \(cycle): room \(room.code) lost \(missing.count) acknowledged chats, e.g. \(missing.first!)") }
                    let replay = Replay(log: try MatchLog(bytes: Array(bytes)), keepSteps: false)
                    if replay.isVerified { result.logsVerified += 1 } else {
                        result.tally.finding("cycle \(cycle): room \(room.code)'s log does not verify: \(replay.firstDivergence.map { "\($0)" } ?? "")")
                    }
                } catch {
                    result.tally.finding("cycle \(cycle): room \(room.code)'s log cannot be read: \(error)")
                }
            }
            // Everyone takes their seat back.
            var back: [BenchClient] = []
            for (s, student) in students.enumerated() {
                let c = try await BenchClient.connect(pool, url: url, name: student.name)
                let reply = try await c.request(#"{"type":"resume","token":"\#(classes[s / 8].tokens[s % 8])"}"#)
                if !reply.contains("\"type\":\"resumed\"") { result.tally.finding("cycle \(cycle): \(student.name) could not resume: \(reply.prefix(200))") }
                back.append(c)
            }
            students = back
        }
        server.stop()
        result.elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return result
    }
}
