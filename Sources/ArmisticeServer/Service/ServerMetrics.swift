import Foundation
import Synchronization
import ArmisticeWire

/// Counters for `/metrics`, written by the executor after each batch and read by the HTTP handler (under a lock).
public final class ServerMetrics: Sendable {
    struct Values {
        /// Each rooms thread's own figures, by its shard index; the server-wide ones are their sums.
        var threads: [Int: ThreadFigures] = [:]
        var messagesIn = 0
        var messagesOut = 0
        var framesOut = 0
        var errors: [ErrorCode: Int] = [:]
        var adjudications = Histogram(bounds: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1])
        var logCommits = Histogram(bounds: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5])
        var logLines = 0
        var batches = Histogram(bounds: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5])
        var batchEvents = 0
        var handleSeconds = 0.0
        var deliverSeconds = 0.0
        var slowReadersDropped = 0
        var floodsClosed = 0
    }

    /// One rooms thread's gauges (set after each of its batches) and its share of the work.
    struct ThreadFigures {
        var rooms = 0
        var roomsRunning = 0
        var seatsOnline = 0
        var connections = 0
        var logCheckpoints = 0
        var batchEvents = 0
        var handleSeconds = 0.0
    }

    struct Histogram {
        let bounds: [Double]
        var counts: [Int]
        var sum = 0.0
        var count = 0

        init(bounds: [Double]) {
            self.bounds = bounds
            counts = Array(repeating: 0, count: bounds.count)
        }

        mutating func observe(_ value: Double) {
            for (i, b) in bounds.enumerated() where value <= b { counts[i] += 1 }
            sum += value
            count += 1
        }
    }

    let values = Mutex(Values())

    public init() {}

    func update(_ body: (inout Values) -> Void) {
        values.withLock { body(&$0) }
    }

    /// The Prometheus text exposition.
    public func render(transport: [String: Int] = [:]) -> String {
        let v = values.withLock { $0 }
        var lines: [String] = []
        func gauge(_ name: String, _ help: String, _ value: Int) {
            lines += ["# HELP \(name) \(help)", "# TYPE \(name) gauge", "\(name) \(value)"]
        }
        func counter(_ name: String, _ help: String, _ value: Int) {
            lines += ["# HELP \(name) \(help)", "# TYPE \(name) counter", "\(name) \(value)"]
        }
        func sample(_ name: String, _ type: String, _ help: String, _ value: Double?) {
            guard let value else { return }
            lines += ["# HELP \(name) \(help)", "# TYPE \(name) \(type)", "\(name) \(value)"]
        }
        func histogram(_ name: String, _ help: String, _ h: Histogram) {
            lines += ["# HELP \(name) \(help)", "# TYPE \(name) histogram"]
            for (i, b) in h.bounds.enumerated() { lines.append("\(name)_bucket{le=\"\(b)\"} \(h.counts[i])") }
            lines += ["\(name)_bucket{le=\"+Inf\"} \(h.count)", "\(name)_sum \(h.sum)", "\(name)_count \(h.count)"]
        }
        let threads = v.threads.keys.sorted().map { ($0, v.threads[$0]!) }
        func total(_ value: (ThreadFigures) -> Int) -> Int { threads.reduce(0) { $0 + value($1.1) } }
        gauge("armistice_rooms", "Rooms in memory.", total(\.rooms))
        gauge("armistice_rooms_running", "Rooms whose match has started and not ended.", total(\.roomsRunning))
        gauge("armistice_connections", "Open WebSocket connections.", total(\.connections))
        gauge("armistice_seats_online", "Seats with a live connection.", total(\.seatsOnline))
        counter("armistice_messages_in_total", "Text messages received from clients.", v.messagesIn)
        counter("armistice_messages_out_total", "Messages queued to clients (one per recipient).", v.messagesOut)
        counter("armistice_frames_encoded_total", "Distinct outgoing messages encoded (shared by their recipients).", v.framesOut)
        lines += ["# HELP armistice_errors_total Errors sent to clients, by code.", "# TYPE armistice_errors_total counter"]
        for code in v.errors.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            lines.append("armistice_errors_total{code=\"\(code.rawValue)\"} \(v.errors[code]!)")
        }
        histogram("armistice_adjudication_seconds", "Time the engine took to adjudicate a turn.", v.adjudications)
        histogram("armistice_log_commit_seconds", "Time to write and fsync one batch of match-log records.", v.logCommits)
        counter("armistice_log_records_total", "Match-log records written.", v.logLines)
        counter("armistice_log_checkpoints_total", "Journal checkpoints done (room files synced, old journal deleted).", total(\.logCheckpoints))
        histogram("armistice_batch_seconds", "Time to handle one batch of events: decide, commit the log, send.", v.batches)
        counter("armistice_batch_events_total", "Events handled in batches.", v.batchEvents)
        lines += ["# HELP armistice_handle_seconds_total Time spent deciding (rooms, engine, encoding).", "# TYPE armistice_handle_seconds_total counter",
                  "armistice_handle_seconds_total \(v.handleSeconds)",
                  "# HELP armistice_deliver_seconds_total Time spent handing messages to the transport.", "# TYPE armistice_deliver_seconds_total counter",
                  "armistice_deliver_seconds_total \(v.deliverSeconds)"]
        gauge("armistice_rooms_threads", "Rooms threads (shards), each with its own rooms, batch and journal.", threads.count)
        func perThread(_ name: String, _ type: String, _ help: String, _ value: (ThreadFigures) -> String) {
            lines += ["# HELP \(name) \(help)", "# TYPE \(name) \(type)"] + threads.map { "\(name){thread=\"\($0.0)\"} \(value($0.1))" }
        }
        perThread("armistice_thread_rooms", "gauge", "Rooms held by each rooms thread.", { "\($0.rooms)" })
        perThread("armistice_thread_connections", "gauge", "Connections held by each rooms thread.", { "\($0.connections)" })
        perThread("armistice_thread_batch_events_total", "counter", "Events handled by each rooms thread.", { "\($0.batchEvents)" })
        perThread("armistice_thread_handle_seconds_total", "counter", "Time each rooms thread spent deciding.", { "\($0.handleSeconds)" })
        counter("armistice_slow_readers_dropped_total", "Connections closed for reading too slowly (1008 \"too slow\").", v.slowReadersDropped)
        counter("armistice_floods_closed_total", "Connections closed for sending too fast (1008 \"flood\").", v.floodsClosed)
        let process = ProcessStats.current
        sample("process_cpu_seconds_total", "counter", "Total user and system CPU time spent in seconds.", process.cpuSeconds())
        if let memory = process.memory() { gauge("process_resident_memory_bytes", "Resident memory size in bytes.", memory.rss) }
        if let files = process.openFiles() { gauge("process_open_fds", "Number of open file descriptors.", files) }
        sample("process_start_time_seconds", "gauge", "Start time of the process since unix epoch in seconds.", process.startTime())
        for key in transport.keys.sorted() {
            counter("armistice_transport_\(key)", "Transport counter \(key).", transport[key]!)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
