/// What a load run does, as given on the command line.
package struct LoadConfig: Sendable {
    package enum Mode: String, Sendable, CaseIterable, Codable {
        /// Everyone chats in their room's `all` channel: a broadcast to the whole room.
        case chat
        /// Students change their team's draft (`set_orders`); teammates and the instructor get the update.
        case moves
        /// Whole turns: every student locks at once, the phase ends early, everyone gets the results.
        case turns
    }

    package enum Target: String, Sendable, CaseIterable, Codable {
        /// `armistice serve`.
        case armistice
        /// libwebsockets' own test server (`libwebsockets-test-server`), protocol `lws-mirror-protocol`:
        /// every message goes to every client of the same `?mirror=NAME` instance. The ceiling for chat.
        case lwsMirror = "lws-mirror"
    }

    package var url: String
    package var host: String
    package var port: Int
    package var mode: Mode
    package var target: Target
    package var rooms: Int
    package var clientsPerRoom: Int
    package var observers: Int
    package var duration: Double
    package var warmup: Double
    /// Moves (or chat messages, in chat mode) per second, all rooms together.
    package var rate: Double
    /// Extra chat messages per second in moves mode.
    package var chatRate: Double
    package var instructorKey: String
    package var ruleset: String
    package var rulesetFile: String
    package var turns: Int
    package var connectConcurrency: Int
    package var slowReader: Bool
    package var hotChatRate: Double
    package var hotMoveRate: Double
    package var chatBytes: Int
    package var serverPID: Int32?
    package var seed: UInt64
    package var minCycleMs: Int
    package var timeout: Double

    package init(url: String,
                 host: String,
                 port: Int,
                 mode: Mode,
                 target: Target,
                 rooms: Int,
                 clientsPerRoom: Int,
                 observers: Int,
                 duration: Double,
                 warmup: Double,
                 rate: Double,
                 chatRate: Double,
                 instructorKey: String,
                 ruleset: String,
                 rulesetFile: String,
                 turns: Int,
                 connectConcurrency: Int,
                 slowReader: Bool,
                 hotChatRate: Double,
                 hotMoveRate: Double,
                 chatBytes: Int,
                 serverPID: Int32? = nil,
                 seed: UInt64,
                 minCycleMs: Int,
                 timeout: Double) {
        self.url = url
        self.host = host
        self.port = port
        self.mode = mode
        self.target = target
        self.rooms = rooms
        self.clientsPerRoom = clientsPerRoom
        self.observers = observers
        self.duration = duration
        self.warmup = warmup
        self.rate = rate
        self.chatRate = chatRate
        self.instructorKey = instructorKey
        self.ruleset = ruleset
        self.rulesetFile = rulesetFile
        self.turns = turns
        self.connectConcurrency = connectConcurrency
        self.slowReader = slowReader
        self.hotChatRate = hotChatRate
        self.hotMoveRate = hotMoveRate
        self.chatBytes = chatBytes
        self.serverPID = serverPID
        self.seed = seed
        self.minCycleMs = minCycleMs
        self.timeout = timeout
    }
}
