import ArgumentParser
import ArmisticeServer
import Foundation
import Synchronization

/// `armistice bench rooms`: the room server's logic alone (no sockets, no disk): rooms of students lock in together,
/// in one batch as the executor would take them, and each member's update is built. Prints µs per room-turn and
/// per draft, so the server's own cost can be told apart from the network's and the load generator's. With
/// `--threads N`, the rooms are spread over N threads each with its own core, as `serve --threads N` shards them,
/// and the figures are the sums: how room-turns per second scale with rooms threads.
struct BenchRoomsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rooms",
        abstract: "Time the room server's logic (requests in, updates out) without sockets or disk.")
    @Option(help: "Directory of scenarios.") var rulesets: String = "rulesets"
    @Option(help: "Rooms, each with an instructor, an observer and two students per team.") var rooms: Int = 50
    @Option(help: "Turn cycles to time.") var cycles: Int = 20
    @Option(help: "Teams played by the greedy bot instead of students (the first N of dprk, rok, usa, un).") var botTeams: Int = 0
    @Option(help: "Rooms threads, each with its own core and share of the rooms (as serve --threads).") var threads: Int = 1
    @Flag(help: "Print the figures as JSON.") var json = false

    func validate() throws {
        guard (1...256).contains(threads) else { throw ValidationError("--threads must be between 1 and 256") }
        guard rooms >= threads else { throw ValidationError("--rooms must be at least --threads") }
        guard (0...3).contains(botTeams) else { throw ValidationError("--bot-teams must be between 0 and 3") }
    }

    /// What one rooms thread measured.
    struct Shard: Sendable {
        var lockTime = Duration.zero
        var flushTime = Duration.zero
        var phaseTime = Duration.zero
        var draftTime = Duration.zero
        var drafts = 0
        var messagesOut = 0
        var replaced = 0
        var roomTurns = 0
        var failure: String?
    }

    /// The threads' results, gathered.
    final class Collected: Sendable {
        let shards = Mutex<[Shard]>([])
    }

    func run() async throws {
        let (catalog, failures) = RulesetCatalog.load(directory: rulesets)
        guard failures.isEmpty, catalog["koreanization"] != nil else { throw ValidationError("cannot load \(rulesets)/koreanization.yaml: \(failures)") }
        let (wall, shards) = Self.spread(catalog: catalog, rooms: rooms, threads: threads, cycles: cycles, botTeams: botTeams)
        if let failure = shards.compactMap(\.failure).first { throw ValidationError(failure) }
        func us(_ d: Duration) -> Double { (Double(d.components.seconds) * 1e6 + Double(d.components.attoseconds) / 1e12) }
        let roomTurns = shards.reduce(0) { $0 + $1.roomTurns }
        let lockTime = shards.reduce(Duration.zero) { $0 + $1.lockTime }
        let flushTime = shards.reduce(Duration.zero) { $0 + $1.flushTime }
        let phaseTime = shards.reduce(Duration.zero) { $0 + $1.phaseTime }
        let draftTime = shards.reduce(Duration.zero) { $0 + $1.draftTime }
        let drafts = shards.reduce(0) { $0 + $1.drafts }
        let messagesOut = shards.reduce(0) { $0 + $1.messagesOut }
        let replaced = shards.reduce(0) { $0 + $1.replaced }
        // Each thread's rate over its own lock phases, summed: the threads run at once.
        let perSecond = shards.reduce(0.0) { $0 + Double($1.roomTurns) / (us($1.lockTime) / 1e6) }
        let figures: [(String, Double, String)] = [
            ("room_turn_us", us(lockTime) / Double(roomTurns), "µs per room-turn on its thread: the students' locks, the adjudication and every member's update"),
            ("room_turn_updates_us", us(flushTime) / Double(roomTurns), "µs of it building and encoding the members' updates (views, changes, records)"),
            ("room_turns_per_second", perSecond, "room-turns per second in total over \(threads) thread\(threads == 1 ? "" : "s") (each thread's rate in its lock phases, summed)"),
            ("cycle_room_turns_per_second", Double(roomTurns) / (us(wall) / 1e6), "room-turns per second of wall time for whole cycles (drafts, locks, skips, replaced matches)"),
            ("phase_changes_us", us(phaseTime) / Double(roomTurns), "µs per room-turn of the instructor's four skips to the next orders phase (bots decide there)"),
            ("draft_us", us(draftTime) / Double(drafts), "µs per draft (set_orders) with its updates to the team and the instructor"),
            ("messages_per_room_turn", Double(messagesOut) / Double(roomTurns), "messages sent per room-turn (acks, refusals, updates)"),
            ("rooms_replaced", Double(replaced), "matches that ended and were replaced between cycles"),
            ("threads", Double(threads), "rooms threads, each with its own core"),
        ]
        if json {
            let object = Dictionary(uniqueKeysWithValues: figures.map { ($0.0, $0.1) })
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else {
            let teams = 4 - botTeams
            print("room server logic, \(rooms) rooms over \(threads) thread\(threads == 1 ? "" : "s") (\(teams) teams of two students, \(botTeams) played by bots), \(cycles) turn cycles (no sockets, no disk):")
            for (_, value, label) in figures { print(String(format: "  %10.1f  %@", value, label)) }
        }
    }

    /// Runs one `measure` per thread at once (their timed cycles start together); returns the wall time from that
    /// start until the last finished, and each thread's figures.
    static func spread(catalog: RulesetCatalog, rooms: Int, threads: Int, cycles: Int, botTeams: Int) -> (Duration, [Shard]) {
        let map = ShardMap(count: threads)
        let results = Collected()
        let ready = DispatchGroup()
        let done = DispatchGroup()
        let go = DispatchSemaphore(value: 0)
        for k in 0..<threads {
            let share = rooms / threads + (k < rooms % threads ? 1 : 0)
            ready.enter()
            done.enter()
            let thread = Thread {
                let result = measure(catalog: catalog, shard: (k, map), rooms: share, cycles: cycles, botTeams: botTeams,
                                     ready: { ready.leave(); go.wait() })
                results.shards.withLock { $0.append(result) }
                done.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        ready.wait()
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<threads { go.signal() }
        done.wait()
        return (clock.now - start, results.shards.withLock { $0 })
    }

    /// One rooms thread's run: its own core and rooms; `ready` is called once the rooms are made, before the timed
    /// cycles (it waits until every thread is ready).
    static func measure(catalog: RulesetCatalog, shard: (index: Int, map: ShardMap), rooms: Int, cycles: Int, botTeams: Int,
                        ready: () -> Void) -> Shard {
        var result = Shard()
        var readied = false
        func once() { if !readied { readied = true; ready() } }
        do {
            try measure(catalog: catalog, shard: shard, rooms: rooms, cycles: cycles, botTeams: botTeams, ready: once, into: &result)
        } catch {
            result.failure = "\(error)"
        }
        once()   // a thread that failed before its timed cycles must not hold the others
        return result
    }

    private static func measure(catalog: RulesetCatalog, shard: (index: Int, map: ShardMap), rooms: Int, cycles: Int, botTeams: Int,
                                ready: () -> Void, into result: inout Shard) throws {
        let key = "bench-instructor-key"
        let core = ServerCore(instructorKey: key, catalog: catalog)
        core.shard = shard
        var now: Int64 = 1_800_000_000_000
        var nextID: ClientID = 1
        func send(_ id: ClientID, _ text: String) -> CoreOutput {
            var out = CoreOutput()
            core.received(id, text: text, now: now, into: &out)
            return out
        }
        func connect() -> ClientID {
            let id = nextID
            nextID += 1
            var out = CoreOutput()
            core.opened(id, address: "10.\(id >> 16 & 255).\(id >> 8 & 255).\(id & 255)", now: now, into: &out)
            _ = send(id, #"{"type":"hello","protocol":"armistice.v2"}"#)
            return id
        }
        let allTeams = ["dprk", "rok", "usa", "un"]
        let botJSON = allTeams.prefix(botTeams).map { #""\#($0)":"greedy""# }.joined(separator: ",")
        let teams = Array(allTeams.dropFirst(botTeams))
        let day = 86_400
        func makeRoom() throws -> (instructor: ClientID, members: [ClientID], code: String) {
            let instructor = connect()
            let created = send(instructor, #"{"type":"create_room","key":"\#(key)","ruleset":"koreanization","seed":1,"turns":100,"phases":{"briefing":\#(day),"negotiation":\#(day),"orders":\#(day),"adjudication":\#(day),"results":\#(day)},"bots":{\#(botJSON)}}"#)
            guard let text = created.deliveries.first?.text, let range = text.range(of: #""room":""#) else { throw ValidationError("no room: \(created.deliveries.first?.text ?? "no answer")") }
            let code = String(text[range.upperBound...].prefix(6))
            var members: [ClientID] = []
            for team in teams {
                for i in 0..<2 {
                    let s = connect()
                    _ = send(s, #"{"type":"join","code":"\#(code)","name":"\#(team) \#(i)","team":"\#(team)"}"#)
                    members.append(s)
                }
            }
            _ = send(connect(), #"{"type":"join","code":"\#(code)","name":"Projector","role":"observer"}"#)
            _ = send(instructor, #"{"type":"start"}"#)
            for _ in 0..<2 { _ = send(instructor, #"{"type":"skip"}"#) }
            return (instructor, members, code)
        }
        var all = try (0..<rooms).map { _ in try makeRoom() }
        ready()
        let clock = ContinuousClock()
        for _ in 0..<cycles {
            now += 1000
            // Drafts: one student per team changes the team's draft (one batch).
            let draftStart = clock.now
            var out = CoreOutput()
            core.beginBatch()
            for (_, members, _) in all {
                for t in 0..<teams.count {
                    let action = ["missile_test", "fund_aid", "press_seoul", "food_aid"][t + botTeams]
                    core.received(members[t * 2], text: #"{"type":"set_orders","orders":[{"action":"\#(action)"}]}"#, now: now, into: &out)
                    result.drafts += 1
                }
            }
            core.endBatch(now: now, into: &out)
            result.draftTime += clock.now - draftStart
            now += 1000
            lockPhase(core: core, members: all.map(\.members), now: now, into: &result)
            // Back to the next turn's orders phase.
            now += 1000
            let phaseStart = clock.now
            for i in all.indices { for _ in 0..<4 { _ = send(all[i].instructor, #"{"type":"skip"}"#) } }
            result.phaseTime += clock.now - phaseStart
            for i in all.indices {
                // A match that ended (the scenario's crises end it early) is replaced, untimed. Its people leave and
                // its room goes, as the server lets a finished room go, so a long run stays under `maxRooms`.
                if core.rooms[all[i].code]?.isOver ?? true {
                    var gone = CoreOutput()
                    for id in Set(core.connections(in: all[i].code) + [all[i].instructor]) { core.closed(id, now: now, into: &gone) }
                    core.evict(all[i].code)
                    all[i] = try makeRoom()
                    result.replaced += 1
                }
            }
        }
        result.roomTurns = rooms * cycles
    }

    /// The timed lock phase: every student locks at once, in one batch, as the executor takes what arrived together.
    /// Not inlined, so that a profiler can be told to count only this (`valgrind --toggle-collect='*lockPhase*'`).
    @inline(never)
    private static func lockPhase(core: ServerCore, members: [[ClientID]], now: Int64, into result: inout Shard) {
        let clock = ContinuousClock()
        let lockStart = clock.now
        var out = CoreOutput()
        core.beginBatch()
        for room in members { for s in room { core.received(s, text: #"{"type":"lock"}"#, now: now, into: &out) } }
        let flushStart = clock.now
        core.endBatch(now: now, into: &out)
        result.flushTime += clock.now - flushStart
        result.lockTime += clock.now - lockStart
        result.messagesOut += out.deliveries.reduce(0) { $0 + $1.to.count }
    }
}
