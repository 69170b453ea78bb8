import ArmisticeBots
import ArmisticeEngine
import ArmisticeServer
import ArmisticeWire
import Foundation

extension LoadRun {
    /// Calls `body` `rate` times a second until the run stops (open loop: a late generator catches up, but
    /// never by more than a tenth of a second's worth at once; what it drops is returned).
    package func paced(rate: Double, _ body: () -> Void) async -> Int {
        guard rate > 0 else { return 0 }
        let start = Now.ns()
        var done = 0.0
        var dropped = 0
        while running.load(ordering: .relaxed) {
            let due = Double(Now.ns() - start) / 1e9 * rate
            if due - done > rate / 10 + 1 {
                let skip = (due - done - rate / 10).rounded(.down)
                dropped += Int(skip)
                done += skip
            }
            while done + 1 <= due {
                body()
                done += 1
            }
            try? await Task.sleep(for: .milliseconds(2))
        }
        return dropped
    }

    /// Everyone who may write in `all` takes turns chatting, `rate` messages a second in total; each message is
    /// timed until every member of the room has it.
    package func driveChat(rate: Double, rooms: [LoadRoom]) async -> Int {
        var senders = rooms.flatMap { room in room.members.filter { $0.role != .observer } }
        guard !senders.isEmpty else { return 0 }
        senders.shuffle()
        let readers = Dictionary(uniqueKeysWithValues: rooms.map { ($0.index, $0.members.count) })
        var counter = [Int: Int]()
        var next = 0
        let padding = String(repeating: "x", count: max(0, config.chatBytes))
        let mirror = config.target == .lwsMirror
        return await paced(rate: rate) {
            let c = senders[next % senders.count]
            next += 1
            let n = counter[c.index, default: 0] + 1
            counter[c.index] = n
            let marker = "lt|\(c.index)|\(n)|"
            chats.start(UInt64(c.index) << 32 | UInt64(n), by: c.index, expected: readers[c.room] ?? 1, at: Now.ns())
            c.send(mirror ? marker + padding : #"{"type":"chat","channel":"all","text":"\#(marker)\#(padding)"}"#)
        }
    }

    /// Three different drafts per team, for the first turn of a room with the run's seed, chosen by the greedy and
    /// random bots. A move sends the next one, so every move changes the draft and reaches the team.
    package func draftVariants() throws -> [[String]] {
        guard let ruleset else { return [] }
        let settings = RoomSettings(ruleset: ruleset.id, seed: config.seed, turns: config.turns, phases: Self.phaseSeconds)
        let engine = Engine(ruleset: settings.apply(to: ruleset))
        var state = engine.newGame(seed: config.seed)
        _ = try engine.apply(.start, to: &state)
        _ = try engine.apply(.advance, to: &state)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return try ruleset.teams.indices.map { t in
            var greedy = GreedyBot(seed: config.seed &+ UInt64(t))
            let best = greedy.orders(engine: engine, state: state, team: t).orders
            var candidates: [[Order]] = [best, Array(best.dropLast()), []]
            for s in 0..<20 {
                var random = RandomBot(seed: config.seed &+ UInt64(100 * t + s))
                candidates.append(random.orders(engine: engine, state: state, team: t).orders)
            }
            var distinct: [[Order]] = []
            for c in candidates where !distinct.contains(c) { distinct.append(c) }
            guard distinct.count >= 3 else { throw LoadFailure("the bots found fewer than three different drafts for \(ruleset.teams[t].id)") }
            return try distinct.prefix(3).map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        }
    }

    package static var phaseSeconds: [String: Int] {
        Dictionary(uniqueKeysWithValues: Phase.turnPhases.map { ($0.rawValue, 86_400) })
    }

    /// Students change their team's draft, `rate` moves a second in total, at most one move in flight per team;
    /// each move is timed until the last teammate and the instructor have the update. Returns the moves dropped
    /// because the generator fell behind, and those skipped because every team picked was still busy.
    package func driveMoves(rate: Double, rooms: [LoadRoom], variants: [[String]]) async -> (dropped: Int, busy: Int) {
        struct TeamSlot {
            package var room: Int
            package var team: Int
            package var students: [LoadClient]
            package var expected: Int
        }
        let slots = rooms.flatMap { room in
            room.studentsByTeam.enumerated().compactMap { (t, students) -> TeamSlot? in
                students.isEmpty ? nil : TeamSlot(room: room.index, team: t, students: students, expected: students.count + (room.instructor == nil ? 0 : 1))
            }
        }
        guard !slots.isEmpty else { return (0, 0) }
        var generator = SystemRandomNumberGenerator()
        var busy = 0
        let dropped = await paced(rate: rate) {
            for _ in 0..<8 {
                let i = Int.random(in: 0..<slots.count, using: &generator)
                let slot = slots[i]
                let key = teamKey(room: slot.room, team: slot.team)
                let mover = slot.students[Int.random(in: 0..<slot.students.count, using: &generator)]
                guard moves.start(key, by: mover.seat, expected: slot.expected, at: Now.ns()) else { continue }
                let n = draftCounts.withLock { counts -> Int in
                    counts[key, default: 0] += 1
                    return counts[key]!
                }
                let orders = variants[slot.team][n % 3]
                mover.send(#"{"type":"set_orders","id":"m\#(key)","orders":\#(orders)}"#)
                return
            }
            busy += 1
        }
        return (dropped, busy)
    }

    /// Samples a process's resident memory until the run stops; returns the largest value seen (bytes).
    package func peakMemory(of probe: ProcessProbe) async -> Int {
        var peak = 0
        while running.load(ordering: .relaxed) {
            if let m = probe.memory() { peak = max(peak, m.rss) }
            try? await Task.sleep(for: .milliseconds(250))
        }
        return peak
    }

    /// Gives up on whatever has waited longer than the run's timeout, every second, until the run stops.
    package func expireStale() async {
        while running.load(ordering: .relaxed) {
            let cutoff = Now.ns() &- UInt64(config.timeout * 1e9)
            moves.expire(sentBefore: cutoff)
            chats.expire(sentBefore: cutoff)
            try? await Task.sleep(for: .seconds(1))
        }
    }
}
