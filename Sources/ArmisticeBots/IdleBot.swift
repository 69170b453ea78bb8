import ArmisticeEngine

/// Gives no orders and answers nothing: a team that sits the game out, to see what the others do without it.
public struct IdleBot: Bot {
    public init() {}

    public func orders(engine: Engine, state: GameState, team: Int) -> TeamOrders { TeamOrders() }
}
