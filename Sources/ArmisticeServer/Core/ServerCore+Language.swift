import ArmisticeLocale
import ArmisticeWire

extension ServerCore {
    /// `set_language`: the connection reads another language from now on (answered with a snapshot in it, or with
    /// `language` before it holds a seat); with `room: true`, the instructor changes the room's default instead, and
    /// every observer that chose no language of its own gets a fresh snapshot. Never written to the match log.
    func setLanguage(_ r: ClientRequest.SetLanguage, from id: ClientID, requestID: JSONValue?, now: Int64, into out: inout CoreOutput) throws(ServerError) {
        let language = Language(parsing: r.lang)
        let seated: (Room, Seat)? = {
            guard let client = clients[id], let code = client.room, let seatID = client.seat, let room = rooms[code],
                  let i = room.seatIndex(seatID) else { return nil }
            return (room, room.seats[i])
        }()
        guard r.room == true else {
            clients[id]?.language = language
            if let (room, seat) = seated {
                sendSnapshot(room, seat: seat, requestID: requestID, to: id, now: now, into: &out)
            } else {
                out.send(encoder.encode(ServerMessage.LanguageSet(id: requestID, lang: language.rawValue)), to: [id])
            }
            return
        }
        guard let (room, seat) = seated else { throw ServerError(.notJoined, key: "error.not_joined.first") }
        guard seat.role == .instructor else { throw ServerError(.notInstructor, key: "error.not_instructor.room_language") }
        room.language = language
        sendSnapshot(room, seat: seat, requestID: requestID, to: id, now: now, into: &out)
        for other in room.seats where !other.removed && other.role == .observer {
            guard let c = other.connection, c != id, clients[c]?.language == nil, clients[c]?.closing != true else { continue }
            sendSnapshot(room, seat: other, requestID: nil, to: c, now: now, into: &out)
        }
    }
}
