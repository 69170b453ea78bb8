/// One change a student makes to the team's shared draft, kept with its `set_orders` so that it can be made again on
/// a newer draft: the request carries the draft it was made from (`base`), and when a teammate changed the draft
/// meanwhile the server refuses it (`draft_changed`, docs/protocol.md) after the teammate's update has arrived; the
/// client then makes the same change on the draft its view now shows and sends that (outside tester qa5, Wrong #1).
public enum DraftEdit: Sendable, Equatable {
    /// An order added at the end.
    case add(OrderInfo)
    /// The order at this index (from 0) taken out; on a newer draft, the same order wherever it now is.
    case remove(at: Int, OrderInfo)
    /// Every order the student saw taken out (a teammate's order added meanwhile stays).
    case clear([OrderInfo])
    /// A consent decision set (nil: undecided).
    case consent(action: String, decision: String?)

    /// How many times an edit is made again on a newer draft before the student is told it was not saved.
    public static let tries = 3

    /// This change made on `draft`; nil when the draft already is as the change would leave it (the order to remove
    /// is gone, the decision is already that one): nothing is left to send.
    public func applied(to draft: DraftInfo) -> DraftInfo? {
        var d = draft
        switch self {
        case .add(let order):
            d.orders.append(order)
        case .remove(let index, let order):
            let at = d.orders.indices.contains(index) && d.orders[index] == order ? index : d.orders.firstIndex(of: order)
            guard let at else { return nil }
            d.orders.remove(at: at)
        case .clear(let seen):
            for order in seen {
                if let at = d.orders.firstIndex(of: order) { d.orders.remove(at: at) }
            }
            if d == draft { return nil }
        case .consent(let action, let decision):
            guard d.consents[action] != decision else { return nil }
            d.consents[action] = decision
        }
        return d
    }
}
