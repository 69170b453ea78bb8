import ArmisticeLog
import ArmisticeWire

extension ServerCore {
    /// A room whose log could not be written (a full disk): what it did since its last written record exists only
    /// in memory, so the room is let go and its connections closed, and nothing the batch would have sent them goes
    /// out. Unless its log is gone (a room whose creation failed), it stays suspended: its code and tokens answer
    /// `storage_unavailable` until `reopen` brings it back from its log.
    public func suspendForStorage(_ code: String, hasLog: Bool, into out: inout CoreOutput) {
        let ids = Set(connections(in: code))
        out.deliveries = out.deliveries.compactMap { d in
            let to = d.to.filter { !ids.contains($0) }
            return to.isEmpty ? nil : CoreOutput.Delivery(bytes: d.bytes, to: to, isResync: d.isResync)
        }
        for id in ids {
            clients[id]?.closing = true
            // A room whose log could not even be started (create_room on a full disk) has nothing to resume.
            out.closes.append(.init(client: id, kind: .internalError, reason: hasLog ? "the server cannot save this room now; resume in a minute"
                                        : "the server cannot save a new room now (disk full or failing); create it again in a minute"))
        }
        evict(code)
        if hasLog { suspendedRooms.insert(code) } else { takenCodes.remove(code) }
    }

    /// Brings a suspended room back from its log once the store can write again; the records this writes
    /// (a restart's clock change) are in `out` and must be written before anything else is sent.
    /// If that fails, the room is no longer suspended (its log cannot be used) and its tokens answer `token_expired`.
    public func reopen(_ code: String, log: LogReader.Restorable, now: Int64, into out: inout CoreOutput) throws(MatchLogError) {
        suspendedRooms.remove(code)
        try restore(log, now: now, into: &out)
    }

    /// The refusal for a room that is suspended, if `code` names one.
    func storageRefusal(_ code: String?) -> ServerError? {
        guard let code, suspendedRooms.contains(code) else { return nil }
        return ServerError(.storageUnavailable, key: "error.storage_unavailable.room", ["room": .text(code)])
    }
}
