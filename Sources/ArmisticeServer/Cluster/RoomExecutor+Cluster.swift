import ArmisticeLog
import ArmisticeWire
import Foundation

/// The rooms thread's two hooks into a cluster (see `ClusterLink` and docs/scaling.md): before a batch, rooms that
/// clients ask for and this node does not hold are taken over from the shared store; after the local group commit,
/// the batch's lines are shipped. Both do nothing on a single node.
extension RoomExecutor {
    /// Takes over each room that a join or a resume of the batch names, when this node does not hold it and the
    /// cluster has it. A request for a room whose owner is still up is answered here with `storage_unavailable`
    /// (try again in a moment) and left out of the batch: returns the indices of such events.
    func takeOverUnknownRooms(_ batch: [Event], now: Int64, into out: inout CoreOutput) -> Set<Int> {
        guard let cluster else { return [] }
        var refused: Set<Int> = []
        var outcome: [String: ClusterRefusal?] = [:]
        for (index, event) in batch.enumerated() {
            guard case .inbound(let id, .request(let parsed)) = event else { continue }
            let named: String? = switch parsed.request {
            case .join(let join): Secrets.normalizeCode(join.code)
            case .resume(let resume): Secrets.roomOfToken(resume.token)
            default: nil
            }
            guard let code = named, code.count == Secrets.codeLength, core.rooms[code] == nil, !core.suspendedRooms.contains(code) else { continue }
            if outcome[code] == nil { outcome[code] = .some(takeOver(code, from: cluster, now: now, into: &out)) }
            guard let refusal = outcome[code]! else { continue }
            refused.insert(index)
            out.errors.append(ErrorCode(.storageUnavailable))
            out.send(MessageEncoder().encode(ServerMessage.Failure(
                id: parsed.id, code: ErrorCode.Own.storageUnavailable.rawValue,
                message: "room \(code) is moving between servers (\(refusal.code.rawValue)); nothing it acknowledged was lost: try again in a moment")),
                to: [id])
        }
        return refused
    }

    /// Brings one room over from the cluster: its lines are written to the local log (what the local copy lacks),
    /// then the room is rebuilt from them as after a restart. Nil when it worked or the cluster has no such room.
    private func takeOver(_ code: String, from cluster: any ClusterLink, now: Int64, into out: inout CoreOutput) -> ClusterRefusal? {
        let lines: [String]
        do {
            guard let found = try cluster.takeOver(code) else { return nil }
            lines = found
        } catch {
            logger.warning("room not taken over", metadata: ["room": "\(code)", "reason": "\(error)"])
            return error
        }
        let local = store.lines(code)
        guard local.count <= lines.count, Array(lines.prefix(local.count)) == local else {
            logger.critical("room not taken over: its local log disagrees with the cluster's", metadata: ["room": "\(code)"])
            return ClusterRefusal(.fenced, "the local log of \(code) disagrees with the cluster's")
        }
        let missing = lines.dropFirst(local.count).map { CoreOutput.LogAppend(room: code, line: $0) }
        if let reason = store.append(missing)[code] {
            logger.critical("room not taken over: its log cannot be written here", metadata: ["room": "\(code)", "error": "\(reason)"])
            return ClusterRefusal(.unavailable, "the log of \(code) cannot be written on this node")
        }
        do {
            let reader = try LogReader(bytes: Array((lines.joined(separator: "\n") + "\n").utf8)).restorable()
            let room = try core.restore(reader, now: now, into: &out)
            logger.notice("room taken over from the cluster", metadata: ["room": "\(code)", "lines": "\(lines.count)", "running": "\(room != nil)"])
            return nil
        } catch {
            logger.critical("room not taken over: its log cannot be replayed", metadata: ["room": "\(code)", "error": "\(error)"])
            return ClusterRefusal(.unavailable, "the log of \(code) cannot be replayed")
        }
    }

    /// After the local group commit, before anything is sent: hands the batch's lines to the cluster. A room whose
    /// lines another node wrote first is let go (its connections are closed and resume on the room's owner); a room
    /// whose lines the cluster could not take waits, as on a full disk, and comes back from its local log.
    func shipToCluster(_ out: inout CoreOutput) {
        guard let cluster, !out.logLines.isEmpty else { return }
        // Rooms the local commit suspended are not shipped: none of their lines of this batch is durable.
        let held = out.logLines.filter { core.rooms[$0.room] != nil }
        for (code, refusal) in cluster.ship(held, local: store).sorted(by: { $0.key < $1.key }) {
            store.close(code)
            switch refusal.code {
            case .fenced:
                logger.critical("room let go: another node owns it now", metadata: ["room": "\(code)", "reason": "\(refusal.message)"])
                core.suspendForStorage(code, hasLog: false, into: &out)
            case .unavailable, .ownerAlive:
                logger.critical("room suspended: the cluster's store refused its lines", metadata: ["room": "\(code)", "reason": "\(refusal.message)"])
                core.suspendForStorage(code, hasLog: true, into: &out)
            }
        }
    }
}
