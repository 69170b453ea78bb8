import Foundation

/// Everything a load run measured. `--json` prints it as is (snake_case keys); otherwise `text` is printed.
struct LoadReport: Codable, Sendable {
    struct Machine: Codable, Sendable {
        var cores: Int
        var loadAverageBefore: [Double]
        var loadAverageAfter: [Double]
        var openFileLimit: Int
    }
    struct Connect: Codable, Sendable {
        var connections: Int
        var seconds: Double
        var perSecond: Double
        /// Time until the first 1,000 handshakes had completed (when at least 1,000 were opened).
        var firstThousandSeconds: Double?
        var retries: Int
        var concurrency: Int
    }
    struct Seat: Codable, Sendable {
        /// Time to say hello, create every room (and start it) and join every seat.
        var seconds: Double
        var seatsPerSecond: Double
    }
    struct Messages: Codable, Sendable {
        var seconds: Double
        var generatorSentPerSecond: Double
        var generatorReceivedPerSecond: Double
        var generatorReceivedMiBPerSecond: Double
        var serverInPerSecond: Double?
        var serverOutPerSecond: Double?
        var serverFramesEncodedPerSecond: Double?
        var serverFramesDropped: Double?
        var serverLogCommitsPerSecond: Double?
        var serverLogCommitMeanMs: Double?
    }
    struct Lost: Codable, Sendable {
        var timedOut: Int
        var cancelled: Int
        var strays: Int
        var stillInFlight: Int
    }
    struct Process: Codable, Sendable {
        var pid: Int32
        var name: String
        var rssMiBBefore: Double?
        var rssMiBAfter: Double?
        var rssMiBPeakDuringRun: Double?
        var peakRSSMiBSinceStart: Double?
        var rssKiBPerConnection: Double?
        var cpu: CPUShare?
        var openFiles: Int?
    }
    struct Window: Codable, Sendable {
        var name: String
        var latency: [String: LatencySummary]
    }
    struct Turns: Codable, Sendable {
        var cycles: Int
        var roomTurns: Int
        /// Per cycle: rooms ÷ (last member of the last room seeing results − first lock sent). Median and worst.
        var burstRoomTurnsPerSecondMedian: Double?
        var burstRoomTurnsPerSecondMin: Double?
        /// Room-turns over the whole measured time, including the instructor's skips between turns.
        var sustainedRoomTurnsPerSecond: Double
        var roomsReplaced: Int
        var draftsRefused: Int
        /// Locks answered orders_locked or wrong_phase because a teammate had locked first (expected).
        var locksAlreadyDone: Int
    }
    struct SlowReader: Codable, Sendable {
        var joinedAfterSeconds: Double
        var receiveBufferBytes: Int
        var closedByServer: Bool
        /// Seconds from joining (and never reading) to the server closing the connection.
        var closedAfterSeconds: Double?
        var hotRoomChatPerSecond: Double
        var hotRoomMovesPerSecond: Double
    }

    var mode: LoadConfig.Mode
    var target: LoadConfig.Target
    var url: String
    var rooms: Int
    var clientsPerRoom: Int
    var offeredPerSecond: Double
    var machine: Machine
    var connect: Connect
    var seat: Seat?
    var measuredSeconds: Double
    var latency: [String: LatencySummary] = [:]
    var windows: [Window] = []
    var messages: Messages?
    var errors: [String: Int] = [:]
    var serverErrors: [String: Int]?
    var closes: [String: Int] = [:]
    var lost: [String: Lost] = [:]
    var server: Process?
    var generator: Process?
    var turns: Turns?
    var slowReader: SlowReader?
    var notes: [String] = []

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    var text: String {
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
            if let c = m.serverLogCommitsPerSecond { lines.append("log: \(f(c, 0)) group commits/s, mean \(f(m.serverLogCommitMeanMs, 2)) ms each; frames dropped for full queues \(f(m.serverFramesDropped, 0))") }
        }
        for (name, l) in lost.sorted(by: { $0.key < $1.key }) where l.timedOut + l.cancelled + l.stillInFlight > 0 {
            lines.append("lost \(name): \(l.timedOut) timed out, \(l.cancelled) refused, \(l.stillInFlight) still in flight at the end")
        }
        lines.append("errors seen by clients: " + (errors.isEmpty ? "none" : errors.sorted(by: { $0.key < $1.key }).map { "\($0.key) \($0.value)" }.joined(separator: ", ")))
        if let s = serverErrors { lines.append("errors by the server's /metrics: " + (s.isEmpty ? "none" : s.sorted(by: { $0.key < $1.key }).map { "\($0.key) \($0.value)" }.joined(separator: ", "))) }
        if !closes.isEmpty { lines.append("connections closed during the run, by code: " + closes.sorted(by: { $0.key < $1.key }).map { "\($0.key) \($0.value)" }.joined(separator: ", ")) }
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
