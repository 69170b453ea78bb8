import Logging

extension RoomServer {
    /// At a cluster node's start: rooms rebuilt from local logs that another node took over meanwhile (this node
    /// was down) are let go, so their clients resume on the room's current owner instead of a stale copy here.
    static func letGoOfMovedRooms(cores: [ServerCore], store: MatchStore, cluster: any ClusterLink, recovery: inout Recovery, logger: Logger) {
        let local = Dictionary(uniqueKeysWithValues: recovery.resumed.map { ($0, store.lines($0).count) })
        let moved = cluster.stale(local)
        guard !moved.isEmpty else { return }
        for code in moved {
            for core in cores {
                core.evict(code)
                core.takenCodes.remove(code)
            }
        }
        recovery.resumed.removeAll { moved.contains($0) }
        logger.notice("rooms held by another node now were let go", metadata: ["rooms": "\(moved.sorted().joined(separator: ","))"])
    }
}
