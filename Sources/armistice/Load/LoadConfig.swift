import ArgumentParser

/// What a load run does, as given on the command line.
struct LoadConfig: Sendable {
    enum Mode: String, Sendable, CaseIterable, ExpressibleByArgument, Codable {
        /// Everyone chats in their room's `all` channel: a broadcast to the whole room.
        case chat
        /// Students change their team's draft (`set_orders`); teammates and the instructor get the update.
        case moves
        /// Whole turns: every student locks at once, the phase ends early, everyone gets the results.
        case turns
    }

    enum Target: String, Sendable, CaseIterable, ExpressibleByArgument, Codable {
        /// `armistice serve`.
        case armistice
        /// libwebsockets' own test server (`libwebsockets-test-server`), protocol `lws-mirror-protocol`:
        /// every message goes to every client of the same `?mirror=NAME` instance. The ceiling for chat.
        case lwsMirror = "lws-mirror"
    }

    var url: String
    var host: String
    var port: Int
    var mode: Mode
    var target: Target
    var rooms: Int
    var clientsPerRoom: Int
    var observers: Int
    var duration: Double
    var warmup: Double
    /// Moves (or chat messages, in chat mode) per second, all rooms together.
    var rate: Double
    /// Extra chat messages per second in moves mode.
    var chatRate: Double
    var instructorKey: String
    var ruleset: String
    var rulesetFile: String
    var turns: Int
    var connectConcurrency: Int
    var slowReader: Bool
    var hotChatRate: Double
    var hotMoveRate: Double
    var chatBytes: Int
    var serverPID: Int32?
    var seed: UInt64
    var minCycleMs: Int
    var timeout: Double
}
