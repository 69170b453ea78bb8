import ArmisticeTransport
import ArmisticeWire

/// A room of the Koreanization scenario with its instructor and eight students (two a team), and an observer when
/// asked: the classroom the benchmarks and the campaign measure or load.
package struct SeatedRoom {
    package static let teams = ["dprk", "rok", "usa", "un"]
    package let code: String
    package let instructor: BenchClient
    /// The students (and the observer, last), each with its seat.
    package let members: [BenchClient]
    /// Each member's seat token, in the order of `members`.
    package let tokens: [String]

    package var everyone: [BenchClient] { [instructor] + members }

    package static func open(_ pool: WebSocketClientPool, url: String, key: String, seed: Int, name: String, observer: Bool = true) async throws -> SeatedRoom {
        let instructor = try await BenchClient.connect(pool, url: url, name: "\(name)i")
        let created = try await instructor.request(ClientRequest.CreateRoom(key: key, ruleset: "koreanization", seed: UInt64(clamping: seed)).message().text)
        guard let code = JSONValue.parse(created)?["room"]?.string else { throw BenchFailure("create_room failed: \(created.prefix(200))") }
        var members: [BenchClient] = []
        var tokens: [String] = []
        for i in 0..<(observer ? 9 : 8) {
            let c = try await BenchClient.connect(pool, url: url, name: "\(name)m\(i)")
            let join = i < 8 ? ClientRequest.Join(code: code, name: "student \(i)", team: teams[i / 2])
                : ClientRequest.Join(code: code, name: "student \(i)", role: "observer")
            let joined = try await c.request(join.message().text)
            let reply = JSONValue.parse(joined)
            guard let seat = reply?["seat"]?.string, let token = reply?["token"]?.string else {
                throw BenchFailure("join failed: \(joined.prefix(200))")
            }
            c.seat = seat
            c.team = i < 8 ? i / 2 : -1
            members.append(c)
            tokens.append(token)
        }
        return SeatedRoom(code: code, instructor: instructor, members: members, tokens: tokens)
    }
}
