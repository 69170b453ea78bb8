/// The one list of request types. A new request is a case of `ClientRequest`, its body (`RequestBody`: fields, wire
/// name, authority), a line here, and its handler in the server's `handle` switch.
extension ClientRequest {
    /// Every request's body, in the order the `unknown_type` hint considers them.
    public static let bodies: [any RequestBody.Type] = [
        Hello.self, CreateRoom.self, Join.self, Resume.self, Resync.self, Ping.self, SetOrders.self, Lock.self, ProposeDeal.self,
        RespondDeal.self, WithdrawDeal.self, Chat.self, Start.self, Skip.self, Pause.self, Unpause.self, Extend.self,
        InjectEvent.self, InjectNews.self, Adjust.self, End.self, MoveSeat.self, RemoveSeat.self, SetBot.self, SetJoining.self, SetLanguage.self,
    ]

    /// The message types a client may send, for the `unknown_type` error's hint.
    public static let types = bodies.map { $0.type }

    private static let byType: [String: any RequestBody.Type] = Dictionary(uniqueKeysWithValues: bodies.map { ($0.type, $0) })

    /// The body type of a request `type`, nil for a type the server does not know.
    public static func body(ofType type: String) -> (any RequestBody.Type)? { byType[type] }
}
