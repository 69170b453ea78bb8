import Foundation

/// Everything a load run measured. `--json` prints it as is (snake_case keys); otherwise `text` is printed.
package struct LoadReport: Codable, Sendable {
    package struct Machine: Codable, Sendable {
        package var cores: Int
        package var loadAverageBefore: [Double]
        package var loadAverageAfter: [Double]
        package var openFileLimit: Int
    }
    package struct Connect: Codable, Sendable {
        package var connections: Int
        package var seconds: Double
        package var perSecond: Double
        /// Time until the first 1,000 handshakes had completed (when at least 1,000 were opened).
        package var firstThousandSeconds: Double?
        package var retries: Int
        package var concurrency: Int
    }
    package struct Seat: Codable, Sendable {
        /// Time to say hello, create every room (and start it) and join every seat.
        package var seconds: Double
        package var seatsPerSecond: Double
    }
    package struct Messages: Codable, Sendable {
        package var seconds: Double
        package var generatorSentPerSecond: Double
        package var generatorReceivedPerSecond: Double
        package var generatorReceivedMiBPerSecond: Double
        package var serverInPerSecond: Double?
        package var serverOutPerSecond: Double?
        package var serverFramesEncodedPerSecond: Double?
        package var serverFramesDropped: Double?
        package var serverLogCommitsPerSecond: Double?
        package var serverLogCommitMeanMs: Double?
        /// Group commits that took over 10 ms and over 50 ms: the disk's stalls, which a chat or move waiting on
        /// them meets as latency (docs/performance.md, items 22–25).
        package var serverLogCommitsOver10Ms: Double?
        package var serverLogCommitsOver50Ms: Double?
    }
    package struct Lost: Codable, Sendable {
        package var timedOut: Int
        package var cancelled: Int
        package var strays: Int
        package var stillInFlight: Int
    }
    package struct Process: Codable, Sendable {
        package var pid: Int32
        package var name: String
        package var rssMiBBefore: Double?
        package var rssMiBAfter: Double?
        package var rssMiBPeakDuringRun: Double?
        package var peakRSSMiBSinceStart: Double?
        package var rssKiBPerConnection: Double?
        package var cpu: CPUShare?
        package var openFiles: Int?
    }
    package struct Window: Codable, Sendable {
        package var name: String
        package var latency: [String: LatencySummary]
    }
    package struct Turns: Codable, Sendable {
        package var cycles: Int
        package var roomTurns: Int
        /// Per cycle: rooms ÷ (last member of the last room seeing results − first lock sent). Median and worst.
        package var burstRoomTurnsPerSecondMedian: Double?
        package var burstRoomTurnsPerSecondMin: Double?
        /// Room-turns over the whole measured time, including the instructor's skips between turns.
        package var sustainedRoomTurnsPerSecond: Double
        package var roomsReplaced: Int
        package var draftsRefused: Int
        /// Locks answered orders_locked or wrong_phase because a teammate had locked first (expected).
        package var locksAlreadyDone: Int
    }
    package struct SlowReader: Codable, Sendable {
        package var joinedAfterSeconds: Double
        package var receiveBufferBytes: Int
        package var closedByServer: Bool
        /// Seconds from joining (and never reading) to the server closing the connection.
        package var closedAfterSeconds: Double?
        package var hotRoomChatPerSecond: Double
        package var hotRoomMovesPerSecond: Double
    }

    package var mode: LoadConfig.Mode
    package var target: LoadConfig.Target
    package var url: String
    package var rooms: Int
    package var clientsPerRoom: Int
    package var offeredPerSecond: Double
    package var machine: Machine
    package var connect: Connect
    package var seat: Seat?
    package var measuredSeconds: Double
    package var latency: [String: LatencySummary] = [:]
    package var windows: [Window] = []
    package var messages: Messages?
    package var errors: [String: Int] = [:]
    package var serverErrors: [String: Int]?
    package var closes: [String: Int] = [:]
    package var lost: [String: Lost] = [:]
    package var server: Process?
    package var generator: Process?
    package var turns: Turns?
    package var slowReader: SlowReader?
    package var notes: [String] = []

    package func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    package var text: String {
        func f(_ v: Double?, _ digits: Int = 1) -> String { v.map { String(format: "%.\(digits)f", $0) } ?? "-" }
        var lines: [String] = []
        lines.append("armistice loadtest: \(mode.rawValue) against \(target.rawValue) at \(url)")
        lines.append("  \(rooms) rooms x \(clientsPerRoom) clients = \(connect.connections) connections; offered \(f(offeredPerSecond)) /s; measured \(f(measuredSeconds)) s")
        lines.append("  machine: \(machine.cores) cores; load average before \(machine.loadAverageBefore.map { f($0, 2) }.joined(separator: " ")), after \(machine.loadAverageAfter.map { f($0, 2) }.joined(separator: " ")); open-file limit \(machine.openFileLimit)")
        lines.append("connect: \(connect.connections) WebSocket handshakes in \(f(connect.seconds, 2)) s (\(f(connect.perSecond, 0))/s, \(connect.concurrency) at once)"
                     + (connect.firstThousandSeconds.map { "; first 1,000 in \(f($0, 2)) s" } ?? "") + (connect.retries > 0 ? "; \(connect.retries) retried" : ""))
        if let seat { lines.append("seat:    hello + create/join for every client in \(f(seat.seconds, 2)) s (\(f(seat.seatsPerSecond, 0)) seats/s)") }
        for (name, l) in latency.sorted(by: { $0.key < $1.key }) { lines.append("latency \(name): \(l.text)") }
        for w in windows {
            for (name, l) in w.latency.sorted(by: { $0.key < $1.key }) { lines.append("  [\(w.name)] \(name): \(l.text)") }
        }
        if let t = turns {
            lines.append("turns: \(t.roomTurns) room-turns in \(t.cycles) cycles; burst \(f(t.burstRoomTurnsPerSecondMedian, 0)) room-turns/s median (worst cycle \(f(t.burstRoomTurnsPerSecondMin, 0))); sustained with skips \(f(t.sustainedRoomTurnsPerSecond, 1))/s")
            lines.append("       drafts refused \(t.draftsRefused); locks after a teammate's \(t.locksAlreadyDone) (expected); rooms replaced after their last turn \(t.roomsReplaced)")
        }
        if let m = messages {
            lines.append("messages/s: generator sent \(f(m.generatorSentPerSecond, 0)), received \(f(m.generatorReceivedPerSecond, 0)) (\(f(m.generatorReceivedMiBPerSecond, 1)) MiB/s)"
                         + (m.serverInPerSecond.map { "; server in \(f($0, 0)), out \(f(m.serverOutPerSecond, 0)), distinct frames encoded \(f(m.serverFramesEncodedPerSecond, 0))" } ?? ""))
            if let c = m.serverLogCommitsPerSecond {
                lines.append("log: \(f(c, 0)) group commits/s, mean \(f(m.serverLogCommitMeanMs, 2)) ms each, \(f(m.serverLogCommitsOver10Ms, 0)) over 10 ms "
                             + "(\(f(m.serverLogCommitsOver50Ms, 0)) over 50 ms); frames dropped for full queues \(f(m.serverFramesDropped, 0))")
            }
        }
        for (name, l) in lost.sorted(by: { $0.key < $1.key }) where l.timedOut + l.cancelled + l.stillInFlight > 0 {
            lines.append("lost \(name): \(l.timedOut) timed out, \(l.cancelled) refused, \(l.stillInFlight) still in flight at the end")
        }
        lines.append("errors seen by clients: " + (errors.isEmpty ? "none" : errors.sorted(by: { $0.key < $1.key }).map { "\($0.key) \($0.value)" }.joined(separator: ", ")))
        if let s = serverErrors { lines.append("errors by the server's /metrics: " + (s.isEmpty ? "none" : s.sorted(by: { $0.key < $1.key }).map { "\($0.key) \($0.value)" }.joined(separator: ", "))) }
        if !closes.isEmpty { lines.append("connections closed by the server during the run, by code: " + closes.sorted(by: { $0.key < $1.key }).map { "\($0.key) \($0.value)" }.joined(separator: ", ")) }
        for (label, p) in [("server", server), ("generator", generator)] {
            guard let p else { continue }
            var line = "\(label) (\(p.name), pid \(p.pid)): RSS \(f(p.rssMiBBefore)) -> \(f(p.rssMiBAfter)) MiB, peak in run \(f(p.rssMiBPeakDuringRun)) MiB"
            if let k = p.rssKiBPerConnection { line += " (\(f(k, 1)) KiB per connection)" }
            if let c = p.cpu {
                line += "; CPU \(f(c.percentOfOneCore, 0))% of one core ["
                line += c.threads.sorted { $0.value > $1.value }.prefix(4).map { "\($0.key) \(f($0.value, 0))%" }.joined(separator: ", ") + "]"
            }
            lines.append(line)
        }
        if let s = slowReader {
            lines.append("slow reader: an instructor joined room 1 after \(f(s.joinedAfterSeconds)) s with a \(s.receiveBufferBytes)-byte receive buffer and never read; room 1 had \(f(s.hotRoomMovesPerSecond, 0)) more moves/s and \(f(s.hotRoomChatPerSecond, 0)) chat/s; closed by the server: \(s.closedAfterSeconds.map { "after \(f($0)) s" } ?? (s.closedByServer ? "yes" : "not by the end"))")
        }
        for note in notes { lines.append("note: \(note)") }
        return lines.joined(separator: "\n")
    }
}
