/// The whole state of one match. A value: copying it is cheap, and the engine is the only thing that changes it.
public struct GameState: Sendable, Hashable {
    public var seed: UInt64
    public var turn: Int
    public var phase: Phase
    public var tracks: [Int]
    public var flags: [Bool]
    public var projects: [Int]
    /// Per track: the teams that can see it now (the ruleset's visibility plus reveals).
    public var trackVisibility: [UInt32]
    public var random: SplitMix64
    public var budgets: [Int]
    public var drafts: [TeamOrders]
    public var locked: [Bool]
    public var deals: [Deal]
    /// Per event: how many times it has fired.
    public var eventsFired: [Int]
    /// The index of the outcome, once the match has an ending.
    public var outcome: Int?
    public var scores: [Int]?
    public var endReason: String?
    /// Every record so far, for views. Not part of the state hash: it follows from the inputs.
    public var records: [Record]

    public var isOver: Bool { phase == .ended }
}

/// A small, fast, seedable random source (SplitMix64). Its state is part of the game state, so dice replay exactly.
public struct SplitMix64: Sendable, Hashable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in 1...sides (Lemire's multiply-shift; bias below 2^-50 for small sides).
    public mutating func roll(_ sides: Int) -> Int {
        Int((UInt64(sides).multipliedFullWidth(by: next())).high) + 1
    }
}
