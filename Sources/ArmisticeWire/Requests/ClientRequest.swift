import ArmisticeEngine
import Foundation

/// One decoded request from a client. See docs/protocol.md for each message's fields; `ClientRequest.bodies` lists them
/// all, each body with its wire name and the authority it needs.
public enum ClientRequest: Sendable, Hashable {
    case hello(Hello)
    case createRoom(CreateRoom)
    case join(Join)
    case resume(Resume)
    case resync
    case ping
    case setOrders(SetOrders)
    case lock(Lock)
    case proposeDeal(ProposeDeal)
    case respondDeal(RespondDeal)
    case withdrawDeal(WithdrawDeal)
    case chat(Chat)
    // The instructor's commands
    case start
    case skip
    case pause
    case unpause
    case extend(Extend)
    case injectEvent(InjectEvent)
    case injectNews(InjectNews)
    case adjust(Adjust)
    case end(End)
    case moveSeat(MoveSeat)
    case removeSeat(RemoveSeat)
    case setBot(SetBot)
    case setJoining(SetJoining)
    case setLanguage(SetLanguage)
}

