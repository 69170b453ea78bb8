import ArmisticeEngine
import ArmisticeTransport
import Foundation
import Synchronization

extension LoadRun {
    /// Connects and seats every bot, runs the load for the warm-up and the measured time, and reports.
    package func execute() async throws -> LoadReport {
        let loadBefore = ProcessProbe.loadAverage()
        let server: ProcessProbe? = config.serverPID.map { ProcessProbe(pid: $0) }
            ?? (["127.0.0.1", "localhost", "::1"].contains(config.host) ? ProcessProbe.listening(on: config.port) : nil)
        let me = ProcessProbe.current
        let serverIdle = server?.memory()
        var notes: [String] = []
        if server == nil { notes.append("server process not found on this machine: no RSS or CPU figures (give --server-pid)") }

        // 1. Connections, then seats.
        let allPlans = (0..<config.rooms).flatMap { plans(forRoom: $0) }
        let (clients, timing) = try await connect(allPlans, concurrency: config.connectConcurrency)
        var byRoom = [[LoadClient]](repeating: [], count: config.rooms)
        for c in clients { byRoom[c.room].append(c) }
        let seatStart = Now.ns()
        let rooms = try await seatAll(byRoom, upTo: config.mode == .turns ? .orders : .negotiation, concurrency: 64)
        let seatSeconds = Double(Now.ns() - seatStart) / 1e9
        let variants = config.mode == .moves ? try draftVariants() : []

        // 2. Load: warm-up, then the measured time.
        running.store(true, ordering: .relaxed)
        let measureFrom = Box<UInt64>(.max)
        let turnStats = Box(TurnStats())
        var drivers: [Task<Int, Never>] = []
        var turnDriver: Task<Void, any Error>?
        switch config.mode {
        case .chat:
            drivers.append(Task { await driveChat(rate: config.rate, rooms: rooms) })
        case .moves:
            drivers.append(Task { let r = await driveMoves(rate: config.rate, rooms: rooms, variants: variants); return r.dropped + r.busy })
            if config.chatRate > 0 { drivers.append(Task { await driveChat(rate: config.chatRate, rooms: rooms) }) }
        case .turns:
            turnDriver = Task { try await driveTurns(rooms: rooms, measureFrom: measureFrom, stats: turnStats) }
        }
        if config.slowReader, config.hotChatRate > 0 {
            drivers.append(Task { await driveChat(rate: config.hotChatRate, rooms: [rooms[0]]) })
        }
        if config.slowReader, config.hotMoveRate > 0 {
            drivers.append(Task { let r = await driveMoves(rate: config.hotMoveRate, rooms: [rooms[0]], variants: variants); return r.dropped })
        }
        let expiry = Task { await expireStale() }
        try await Task.sleep(for: .milliseconds(Int(config.warmup * 1000)))

        moves.reset()
        chats.reset()
        turnResults.reset()
        counters.resetErrors()
        locksAlreadyDone.store(0, ordering: .relaxed)
        let closesBefore = counters.closes
        let closedEarly = closesBefore.values.reduce(0, +)
        if closedEarly > 0 { notes.append("\(closedEarly) connections were closed by the server before the measurement began: their rooms are short of members") }
        let metricsBefore = config.target == .armistice ? MetricsScrape.fetch(host: config.host, port: config.port) : nil
        let serverCPUBefore = server?.cpu()
        let serverBefore = server?.memory()
        let myCPUBefore = me.cpu()
        let myMemoryBefore = me.memory()
        let sentBefore = counters.sent.load(ordering: .relaxed)
        let receivedBefore = counters.received.load(ordering: .relaxed)
        let bytesBefore = counters.bytesReceived.load(ordering: .relaxed)
        let start = Now.ns()
        measureFrom.withLock { $0 = start }
        let serverPeak = server.map { probe in Task { await peakMemory(of: probe) } }

        var stalled: StalledReader?
        var stallAt: UInt64?
        var closedAt: UInt64?
        if config.slowReader, config.target == .armistice {
            try await Task.sleep(for: .milliseconds(Int(config.duration * 500)))
            stallAt = Now.ns()
            let join = #"{"type":"join","code":"\#(rooms[0].code)","name":"Stalled reader","role":"instructor","key":"\#(config.instructorKey)"}"#
            let (host, port) = (config.host, config.port)
            stalled = try await Task.detached { try StalledReader(host: host, port: port, join: join) }.value
            let half = Now.ns() + UInt64(config.duration * 0.5e9)
            while Now.ns() < half {
                if closedAt == nil, stalled?.serverClosed == true { closedAt = Now.ns() }
                try await Task.sleep(for: .milliseconds(250))
            }
        } else {
            try await Task.sleep(for: .milliseconds(Int(config.duration * 1000)))
        }
        let end = Now.ns()
        let seconds = Double(end - start) / 1e9
        let sent = counters.sent.load(ordering: .relaxed) - sentBefore
        let received = counters.received.load(ordering: .relaxed) - receivedBefore
        let bytes = counters.bytesReceived.load(ordering: .relaxed) - bytesBefore
        let serverCPUAfter = server?.cpu()
        let myCPUAfter = me.cpu()
        let metricsAfter = config.target == .armistice ? MetricsScrape.fetch(host: config.host, port: config.port) : nil
        let serverAfter = server?.memory()
        let errors = counters.errors
        running.store(false, ordering: .relaxed)
        var dropped = 0
        for d in drivers { dropped += await d.value }
        if let turnDriver {
            do { try await turnDriver.value } catch { notes.append("the turn cycle stopped early: \(error)") }
        }
        expiry.cancel()
        let peak = await serverPeak?.value
        // Let what is in flight arrive, then count what never did.
        try? await Task.sleep(for: .seconds(1))
        let closedByServer = stalled?.serverClosed ?? false
        stalled?.close()
        let loadAfter = ProcessProbe.loadAverage()

        // 3. The report.
        var report = LoadReport(
            mode: config.mode, target: config.target, url: config.url, rooms: config.rooms, clientsPerRoom: config.clientsPerRoom,
            offeredPerSecond: config.mode == .turns ? 0 : config.rate,
            machine: .init(cores: ProcessInfo.processInfo.activeProcessorCount, loadAverageBefore: loadBefore, loadAverageAfter: loadAfter,
                           openFileLimit: FileLimit.raiseToHardLimit()),
            connect: .init(connections: clients.count, seconds: timing.seconds, perSecond: Double(clients.count) / timing.seconds,
                           firstThousandSeconds: timing.firstThousand, retries: timing.retries, concurrency: config.connectConcurrency),
            seat: config.target == .armistice ? .init(seconds: seatSeconds, seatsPerSecond: Double(clients.count) / seatSeconds) : nil,
            measuredSeconds: seconds)
        var lat: [String: LatencySummary] = [:]
        switch config.mode {
        case .chat: lat["chat_to_last_room_member"] = chats.summary(from: start, to: end)
        case .moves:
            lat["move_to_last_recipient"] = moves.summary(from: start, to: end)
            if config.chatRate > 0 || config.slowReader { lat["chat_to_last_room_member"] = chats.summary(from: start, to: end) }
        case .turns: lat["last_lock_to_last_member_results"] = turnResults.summary(from: start, to: end)
        }
        if config.slowReader, config.mode != .chat, config.hotChatRate > 0 { lat["chat_to_last_room_member"] = chats.summary(from: start, to: end) }
        report.latency = lat
        if let stallAt {
            func window(_ from: UInt64, _ to: UInt64) -> [String: LatencySummary] {
                var w: [String: LatencySummary] = [:]
                switch config.mode {
                case .chat: w["chat_to_last_room_member"] = chats.summary(from: from, to: to)
                case .moves: w["move_to_last_recipient"] = moves.summary(from: from, to: to)
                case .turns: w["last_lock_to_last_member_results"] = turnResults.summary(from: from, to: to)
                }
                if config.mode != .chat, config.hotChatRate > 0 { w["chat_to_last_room_member"] = chats.summary(from: from, to: to) }
                return w
            }
            report.windows = [.init(name: "before the slow reader", latency: window(start, stallAt)),
                              .init(name: "with the slow reader", latency: window(stallAt, end))]
            report.slowReader = .init(joinedAfterSeconds: Double(stallAt - start) / 1e9, receiveBufferBytes: stalled?.receiveBuffer ?? 0,
                                      closedByServer: closedByServer,
                                      closedAfterSeconds: closedAt.map { Double($0 - stallAt) / 1e9 },
                                      hotRoomChatPerSecond: config.hotChatRate,
                                      hotRoomMovesPerSecond: config.hotMoveRate)
        }
        var m = LoadReport.Messages(seconds: seconds, generatorSentPerSecond: Double(sent) / seconds,
                                    generatorReceivedPerSecond: Double(received) / seconds,
                                    generatorReceivedMiBPerSecond: Double(bytes) / seconds / 1_048_576)
        if let a = metricsBefore, let b = metricsAfter {
            let d = b.delta(since: a)
            m.serverInPerSecond = (d["armistice_messages_in_total"] ?? 0) / seconds
            m.serverOutPerSecond = (d["armistice_messages_out_total"] ?? 0) / seconds
            m.serverFramesEncodedPerSecond = d["armistice_frames_encoded_total"].map { $0 / seconds }
            m.serverFramesDropped = d["armistice_transport_frames_dropped_total"]
            let commits = d["armistice_log_commit_seconds_count"] ?? 0
            m.serverLogCommitsPerSecond = commits / seconds
            m.serverLogCommitMeanMs = commits > 0 ? (d["armistice_log_commit_seconds_sum"] ?? 0) / commits * 1000 : nil
            // The histogram's buckets count the commits at or under their bound.
            m.serverLogCommitsOver10Ms = d[#"armistice_log_commit_seconds_bucket{le="0.01"}"#].map { commits - $0 }
            m.serverLogCommitsOver50Ms = d[#"armistice_log_commit_seconds_bucket{le="0.05"}"#].map { commits - $0 }
            var byCode: [String: Int] = [:]
            for (k, v) in d where k.hasPrefix("armistice_errors_total{code=\"") && v > 0 {
                byCode[String(k.dropFirst("armistice_errors_total{code=\"".count).dropLast(2))] = Int(v)
            }
            report.serverErrors = byCode
        } else if config.target == .armistice {
            notes.append("the server's /metrics could not be read")
        }
        report.messages = m
        report.errors = errors
        let closesAfter = counters.closes
        for (code, count) in closesAfter where count > closesBefore[code] ?? 0 { report.closes[code] = count - (closesBefore[code] ?? 0) }
        func lost(_ t: DeliveryTracker) -> LoadReport.Lost {
            let stillInFlight = t.expire(sentBefore: .max)
            let c = t.counts
            return .init(timedOut: c.timedOut - stillInFlight, cancelled: c.cancelled, strays: c.strays, stillInFlight: stillInFlight)
        }
        report.lost = ["moves": lost(moves), "chat": lost(chats), "turns": lost(turnResults)]
        if let server, let serverCPUBefore, let serverCPUAfter {
            report.server = .init(pid: server.pid, name: server.name, rssMiBBefore: serverBefore.map { Double($0.rss) / 1_048_576 },
                                  rssMiBAfter: serverAfter.map { Double($0.rss) / 1_048_576 },
                                  rssMiBPeakDuringRun: peak.map { Double($0) / 1_048_576 },
                                  peakRSSMiBSinceStart: serverAfter.map { Double($0.peak) / 1_048_576 },
                                  rssKiBPerConnection: serverAfter.map { after in Double(after.rss - (serverIdle?.rss ?? 0)) / 1024 / Double(clients.count) },
                                  cpu: CPUShare(from: serverCPUBefore, to: serverCPUAfter, seconds: seconds), openFiles: server.openFiles())
        }
        if let myCPUBefore, let myCPUAfter {
            report.generator = .init(pid: me.pid, name: "armistice loadtest", rssMiBBefore: myMemoryBefore.map { Double($0.rss) / 1_048_576 },
                                     rssMiBAfter: me.memory().map { Double($0.rss) / 1_048_576 }, rssMiBPeakDuringRun: nil,
                                     peakRSSMiBSinceStart: me.memory().map { Double($0.peak) / 1_048_576 }, rssKiBPerConnection: nil,
                                     cpu: CPUShare(from: myCPUBefore, to: myCPUAfter, seconds: seconds), openFiles: nil)
        }
        if config.mode == .turns {
            let s = turnStats.value
            let rates = s.burstRates.sorted()
            report.turns = .init(cycles: s.measuredCycles, roomTurns: s.measuredRoomTurns,
                                 burstRoomTurnsPerSecondMedian: rates.isEmpty ? nil : rates[rates.count / 2],
                                 burstRoomTurnsPerSecondMin: rates.first,
                                 sustainedRoomTurnsPerSecond: Double(s.measuredRoomTurns) / seconds, roomsReplaced: s.replaced,
                                 draftsRefused: s.draftsRefused, locksAlreadyDone: locksAlreadyDone.load(ordering: .relaxed))
            notes.append("in turns mode every student sends lock; the server takes the first of each team and answers the others orders_locked or wrong_phase, which the errors include")
        }
        if dropped > 0 { notes.append("\(dropped) sends were skipped: the generator fell behind its schedule or every team picked still had a move in flight") }
        if let l = loadBefore.first, l > 2 {
            notes.append("the 1-minute load average was \(String(format: "%.2f", l)) when the run began: other work may have competed (a load run that ended less than a minute before also counts); check before quoting")
        }
        report.notes = notes
        return report
    }
}
