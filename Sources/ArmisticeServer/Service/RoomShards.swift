import Foundation
import Synchronization
import ArmisticeWire

/// The rooms threads of one server and the router in front of them (see docs/performance.md, item 10). Each shard
/// is a `RoomExecutor` driving its own `ServerCore`, with its own batch, journal and group commit; `ShardMap` says
/// which shard holds a room.
///
/// A connection starts on a shard picked by its id and stays there until a `join` or `resume` names a room of
/// another shard: then its state (`hello`, protocol version, language, address) is handed over — the shard holding
/// it releases it and queues it, then the request, on the room's shard — and every later message of the connection
/// goes straight there. While a hand-over is under way, the connection's messages wait here, in order. A
/// connection that holds a seat is never handed over: its request is answered where it is (`already_joined`).
/// A `create_room` goes to the shards in turn (handed over the same way), so rooms spread evenly over the threads
/// whatever the connections' ids; the shard that takes it mints a code of its own.
///
/// Called from the transport's thread (`opened`, `forward`, `closed`) and from the rooms threads (`settle`).
final class RoomShards: Sendable {
    let executors: [RoomExecutor]
    let map: ShardMap
    /// Every shard's rooms' public summaries.
    let directory: RoomDirectory
    private let routes = Mutex<[ClientID: Route]>([:])
    /// Counts `create_room` requests, to send them to the shards in turn.
    private let creates = Atomic<Int>(0)

    /// Where one connection's messages go.
    private struct Route {
        var shard: Int
        /// While its state moves to this shard: its messages wait in `held`.
        var moving: Int?
        var held: [RoomExecutor.Event] = []
    }

    init(executors: [RoomExecutor], directory: RoomDirectory) {
        self.executors = executors
        self.map = ShardMap(count: executors.count)
        self.directory = directory
    }

    /// The rooms threads.
    var count: Int { executors.count }

    func start() { for executor in executors { executor.start() } }

    /// Stops every rooms thread; each finishes what is queued and checkpoints its journal.
    func stop() { for executor in executors { executor.stop() } }

    /// The shard that holds a room.
    func executor(for code: String) -> RoomExecutor { executors[map.shard(of: code)] }

    func opened(_ id: ClientID, address: String) {
        let shard = Int(id % UInt64(executors.count))
        routes.withLock { $0[id] = Route(shard: shard) }
        executors[shard].post(.opened(id, address))
    }

    func closed(_ id: ClientID) {
        routes.withLock { routes in
            guard var route = routes[id] else { return }
            if route.moving != nil {
                route.held.append(.closed(id))
                routes[id] = route
            } else {
                routes[id] = nil
                executors[route.shard].post(.closed(id))
            }
        }
    }

    /// Queues a request on the shard that must see it, unless its connection already has `perConnection` waiting,
    /// or that shard has its share of `total` (the server's limit, split evenly between the shards) waiting.
    /// Returns whether it was queued.
    func forward(_ id: ClientID, _ inbound: Inbound, perConnection: Int, total: Int) -> Bool {
        let share = max(1, total / executors.count)
        return routes.withLock { routes in
            let shard = routes[id]?.shard ?? Int(id % UInt64(executors.count))
            if var route = routes[id], route.moving != nil {
                guard route.held.count < perConnection else { return false }
                route.held.append(.inbound(id, inbound))
                routes[id] = route
                return true
            }
            guard let target = self.shard(for: inbound), target != shard else {
                return executors[shard].post(id, inbound, perConnection: perConnection, total: share)
            }
            routes[id, default: Route(shard: shard)].moving = target
            handOver(id, inbound, from: shard, to: target)
            return true
        }
    }

    /// The shard a request must run on when it is not the connection's: the room a `join` or `resume` names; the
    /// next shard in turn for a `create_room`.
    private func shard(for inbound: Inbound) -> Int? {
        guard executors.count > 1, case .request(let parsed) = inbound else { return nil }
        switch parsed.request {
        case .join(let join): return map.shard(of: Secrets.normalizeCode(join.code))
        case .resume(let resume): return Secrets.roomOfToken(resume.token).map(map.shard(of:))
        case .createRoom: return Int(UInt(bitPattern: creates.add(1, ordering: .relaxed).oldValue) % UInt(executors.count))
        default: return nil
        }
    }

    /// On the connection's shard, in order with its earlier messages: releases its state and queues it, then the
    /// request, on the target shard; a connection that holds a seat stays, and its request is answered here.
    private func handOver(_ id: ClientID, _ inbound: Inbound, from shard: Int, to target: Int) {
        executors[shard].post(.task { [self] here, now, out in
            guard let handed = here.core.release(id) else {
                here.core.received(id, inbound, now: now, into: &out)
                settle(id, at: shard)
                return
            }
            let there = executors[target]
            there.post(.task { there, _, _ in there.core.adopt(handed) })
            _ = there.post(id, inbound, perConnection: .max, total: .max)
            settle(id, at: target)
        })
    }

    /// A hand-over is done: the connection lives on `shard` now, and what waited for it is queued there, in order.
    private func settle(_ id: ClientID, at shard: Int) {
        routes.withLock { routes in
            guard var route = routes[id] else { return }
            route.shard = shard
            route.moving = nil
            var closed = false
            for event in route.held {
                switch event {
                case .inbound(let id, let inbound): _ = executors[shard].post(id, inbound, perConnection: .max, total: .max)
                case .closed: closed = true; executors[shard].post(event)
                default: executors[shard].post(event)
                }
            }
            route.held = []
            routes[id] = closed ? nil : route
        }
    }

    /// Deletes a match on the shard that holds its room (see `RoomExecutor.deleteMatch`).
    func deleteMatch(_ code: String, archive: MatchArchive, reports: ArchiveReports?, tickets: ArchiveTickets?, why: String) -> RoomExecutor.Deletion {
        executor(for: code).deleteMatch(code, archive: archive, reports: reports, tickets: tickets, why: why)
    }
}
