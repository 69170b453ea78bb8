import ArmisticeWire

/// What `ServerCore.admit` found a request's sender may do: act as a connection, or as a seat in a room.
enum Admission {
    case connection
    case seated(Room, Seat)

    /// The room and seat of a request whose authority needs a seat (`admit` has checked it has one).
    func seat() throws(ServerError) -> (Room, Seat) {
        guard case .seated(let room, let seat) = self else {
            throw ServerError(.internalError, key: "error.internal_error.admission")
        }
        return (room, seat)
    }
}
