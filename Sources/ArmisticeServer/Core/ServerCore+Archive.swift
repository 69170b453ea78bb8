import ArmisticeWire
extension ServerCore {
    /// Lets a match go before its log is deleted: refused (false) while it is live (open and not over, or suspended
    /// for storage); a finished room still open is closed, its connections told why.
    public func releaseForDeletion(_ code: String, into out: inout CoreOutput) -> Bool {
        if suspendedRooms.contains(code) { return false }
        guard let room = rooms[code] else { return true }
        guard room.isOver else { return false }
        for id in connections(in: code) {
            out.send(encoder.encode(ServerMessage.Removed(room: code, cause: .matchDeleted)), to: [id])
            clients[id]?.closing = true
            out.closes.append(.init(client: id, kind: .normal, reason: "match deleted"))
        }
        evict(code)
        return true
    }
}
