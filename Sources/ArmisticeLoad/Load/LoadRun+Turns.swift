import ArmisticeBots
import ArmisticeEngine
import ArmisticeServer
import ArmisticeWire
import Foundation
import Synchronization

extension LoadRun {
    /// The generator's copy of a room's match. The engine is deterministic and the bots send every input the room
    /// gets (no deadline passes), so applying the same inputs here keeps the same state, and the greedy bot can
    /// choose real orders for each turn.
    package struct TurnModel: Sendable {
        package var engine: Engine
        package var state: GameState
        package var bots: [GreedyBot]

        package init(ruleset: Ruleset, seed: UInt64, turns: Int) throws {
            let settings = RoomSettings(ruleset: ruleset.id, seed: seed, turns: turns, phases: LoadRun.phaseSeconds)
            engine = Engine(ruleset: settings.apply(to: ruleset))
            state = engine.newGame(seed: seed)
            bots = ruleset.teams.indices.map { GreedyBot(seed: seed &+ UInt64($0) &* 7919) }
            _ = try engine.apply(.start, to: &state)
            _ = try engine.apply(.advance, to: &state)
            _ = try engine.apply(.advance, to: &state)
        }
    }

    package struct TurnStats: Sendable {
        package var cycles = 0
        package var roomTurns = 0
        package var burstRates: [Double] = []
        package var replaced = 0
        package var draftsRefused = 0
        package var measuredCycles = 0
        package var measuredRoomTurns = 0
    }

    /// Turn cycles until the run stops: each team's first student sends the greedy bot's draft; then, in every room
    /// at once, every student locks; the last member to see the results ends the room's measurement. The instructor
    /// then skips to the next turn's orders phase. A room whose match ends is replaced by a fresh one.
    package func driveTurns(rooms initial: [LoadRoom], measureFrom: Box<UInt64>, stats: Box<TurnStats>) async throws {
        guard let ruleset else { return }
        var rooms = initial
        var models = try rooms.map { try TurnModel(ruleset: ruleset, seed: seed(forRoom: $0.index), turns: config.turns) }
        while running.load(ordering: .relaxed) {
            let cycleStarted = Now.ns()
            // 1. Drafts (a teammate sees them at once; they are not timed here).
            var refused = 0
            models = try await withThrowingTaskGroup(of: (Int, TurnModel, Int).self) { group in
                for (i, room) in rooms.enumerated() {
                    group.addTask { [self, model = models[i]] in
                        var model = model
                        var refused = 0
                        for (t, students) in room.studentsByTeam.enumerated() where !students.isEmpty {
                            let orders = model.bots[t].orders(engine: model.engine, state: model.state, team: t)
                            var next = model.state
                            guard (try? model.engine.apply(.setOrders(team: teamIDs[t], orders: orders), to: &next)) != nil else { continue }
                            // The whole draft: its orders and its consent decisions (the copy applied both).
                            let request = ClientRequest.SetOrders(orders: orders.orders, consents: orders.consents).message().text
                            let reply = await students[0].call(request, timeout: .seconds(config.timeout))
                            if let reply, JSONScan.messageType(reply) == "ack" {
                                model.state = next
                            } else {
                                refused += 1
                            }
                        }
                        return (i, model, refused)
                    }
                }
                var out = models
                for try await (i, m, r) in group {
                    out[i] = m
                    refused += r
                }
                return out
            }
            // 2. Everyone locks at once.
            for room in rooms { turnResults.start(UInt64(room.index), by: 0, expected: room.members.count, at: Now.ns()) }
            let firstLock = Now.ns()
            for room in rooms {
                for s in room.students { s.send(#"{"type":"lock","id":"k\#(s.index)"}"#) }
                turnResults.restamp(UInt64(room.index), at: Now.ns())
            }
            // 3. Wait for the last member of the last room.
            let deadline = Now.ns() + UInt64(config.timeout * 1e9)
            while turnResults.inFlight > 0, Now.ns() < deadline { try? await Task.sleep(for: .milliseconds(1)) }
            let timedOut = turnResults.expire(sentBefore: .max)
            let burst = timedOut == 0 ? Double(rooms.count) / (Double(turnResults.lastDoneNs &- firstLock) / 1e9) : nil
            let measured = firstLock >= measureFrom.value
            stats.withLock { s in
                s.cycles += 1
                s.roomTurns += rooms.count
                s.draftsRefused += refused
                if measured {
                    s.measuredCycles += 1
                    s.measuredRoomTurns += rooms.count - timedOut
                    if let burst { s.burstRates.append(burst) }
                }
            }
            // 4. The same inputs on the generator's copies; then the instructor moves each room to its next orders phase.
            for i in models.indices {
                for t in rooms[i].studentsByTeam.indices where !rooms[i].studentsByTeam[t].isEmpty {
                    _ = try? models[i].engine.apply(.lockOrders(team: teamIDs[t]), to: &models[i].state)
                }
                _ = try? models[i].engine.apply(.advance, to: &models[i].state)
            }
            let next = try await withThrowingTaskGroup(of: (Int, LoadRoom, TurnModel, Bool).self) { group in
                for (i, room) in rooms.enumerated() {
                    group.addTask { [self, model = models[i]] in
                        var model = model
                        while model.state.phase != .orders, model.state.phase != .ended {
                            try await expect(room.instructor!, #"{"type":"skip"}"#, "ack")
                            _ = try model.engine.apply(.advance, to: &model.state)
                        }
                        guard model.state.phase == .ended else { return (i, room, model, false) }
                        for c in room.members { c.close() }
                        let (clients, _) = try await connect(plans(forRoom: room.index), concurrency: 16)
                        let fresh = try await seat(clients, room: room.index, upTo: .orders)
                        return (i, fresh, try TurnModel(ruleset: ruleset, seed: seed(forRoom: room.index), turns: config.turns), true)
                    }
                }
                var out: [(LoadRoom, TurnModel, Bool)] = rooms.indices.map { (rooms[$0], models[$0], false) }
                for try await (i, room, model, replaced) in group { out[i] = (room, model, replaced) }
                return out
            }
            rooms = next.map(\.0)
            models = next.map(\.1)
            let replaced = next.filter(\.2).count
            if replaced > 0 { stats.withLock { $0.replaced += replaced } }
            let elapsed = Double(Now.ns() - cycleStarted) / 1e6
            if elapsed < Double(config.minCycleMs) { try? await Task.sleep(for: .milliseconds(Int(Double(config.minCycleMs) - elapsed))) }
        }
    }
}
