extension ServerCore {
    /// What one connection is to the core before it holds a seat (its `hello`, protocol version, language, address
    /// and bad-token count), as it moves from one shard's core to another's. Opaque outside the server.
    struct HandedOver: Sendable {
        let connection: Connection
    }

    /// Lets go of a connection that holds no seat, so another shard's core can take it (`adopt`); nil when it
    /// holds a seat here, is closing, or is not known here (its messages then stay here).
    func release(_ id: ClientID) -> HandedOver? {
        guard let client = clients[id], client.seat == nil, client.room == nil, !client.closing else { return nil }
        clients[id] = nil
        return HandedOver(connection: client)
    }

    /// Takes a connection another shard's core released, with everything it had there.
    func adopt(_ handed: HandedOver) {
        clients[handed.connection.id] = handed.connection
        watched.insert(handed.connection.id)
    }
}
