import ArmisticeEngine

// The body of each request: its fields, its name on the wire, the authority it needs and the request it makes.
// A new request is a case of `ClientRequest`, a body here, a line in `ClientRequest.bodies` and a handler in the server.
extension ClientRequest {
    public struct Hello: RequestBody {
        public static let type = "hello"
        public static let authority = RequestAuthority.greeting
        public var request: ClientRequest { .hello(self) }
        public var `protocol`: String?
        public var versions: [String]?
        public var client: String?
        /// The language this connection reads (`en`, `ko`; a tag such as `ko-KR` too; anything else is English).
        public var lang: String?

        public init(protocol: String? = nil, versions: [String]? = nil, client: String? = nil, lang: String? = nil) {
            self.protocol = `protocol`
            self.versions = versions
            self.client = client
            self.lang = lang
        }
    }
    public struct CreateRoom: RequestBody {
        public static let type = "create_room"
        public static let authority = RequestAuthority.any
        public var request: ClientRequest { .createRoom(self) }
        public var key: String
        public var ruleset: String
        public var seed: UInt64?
        public var turns: Int?
        /// Seconds per phase, keyed by phase name.
        public var phases: [String: Int]?
        public var name: String?
        /// One of the ruleset's variants (`GET /api/rulesets` lists them); nil for the base rules.
        public var variant: String?
        /// Teams played by bots from the start: team id → policy.
        public var bots: [String: String]?
        /// `nothing` (default), `hold` or `bot`: see `AbsentPolicy`.
        public var absent: String?
        /// A practice room: see `RoomSettings.practice`.
        public var practice: Bool?
        /// A nickname-only room: see `RoomSettings.nicknames`.
        public var nicknames: Bool?
        /// The room's default language (`en`, `ko`): for observers and the projector, and for the report.
        public var language: String?

        public init(key: String, ruleset: String, seed: UInt64? = nil, turns: Int? = nil, phases: [String: Int]? = nil, name: String? = nil, variant: String? = nil, bots: [String: String]? = nil, absent: String? = nil, practice: Bool? = nil, nicknames: Bool? = nil, language: String? = nil) {
            self.key = key
            self.ruleset = ruleset
            self.seed = seed
            self.turns = turns
            self.phases = phases
            self.name = name
            self.variant = variant
            self.bots = bots
            self.absent = absent
            self.practice = practice
            self.nicknames = nicknames
            self.language = language
        }
    }
    public struct Join: RequestBody {
        public static let type = "join"
        public static let authority = RequestAuthority.any
        public var request: ClientRequest { .join(self) }
        public var code: String
        public var name: String
        public var team: String?
        /// "player" (default), "observer" or "instructor" (with `key`).
        public var role: String?
        public var key: String?

        public init(code: String, name: String, team: String? = nil, role: String? = nil, key: String? = nil) {
            self.code = code
            self.name = name
            self.team = team
            self.role = role
            self.key = key
        }
    }
    public struct Resume: RequestBody {
        public static let type = "resume"
        public static let authority = RequestAuthority.any
        public var request: ClientRequest { .resume(self) }
        public var token: String
        public var seq: Int?

        public init(token: String, seq: Int? = nil) {
            self.token = token
            self.seq = seq
        }
    }
    /// `resync`: no fields.
    public struct Resync: RequestBody {
        public static let type = "resync"
        public static let authority = RequestAuthority.seat
        public var request: ClientRequest { .resync }

        public init() {}
    }
    /// `ping`: no fields.
    public struct Ping: RequestBody {
        public static let type = "ping"
        public static let authority = RequestAuthority.any
        public var request: ClientRequest { .ping }

        public init() {}
    }
    public struct SetOrders: RequestBody {
        public static let type = "set_orders"
        public static let authority = RequestAuthority.seat
        public var request: ClientRequest { .setOrders(self) }
        public var team: String?
        public var orders: [Order]
        public var consents: [String: ConsentDecision]?
        /// The draft this one was made from (`{orders, consents}` as the view showed it): when given and the team's
        /// draft is no longer that (a teammate changed it meanwhile), the request is refused `draft_changed` and the
        /// draft is left as the teammate made it, instead of being replaced by a list that lacks their change.
        public var base: TeamOrders?

        public init(team: String? = nil, orders: [Order], consents: [String: ConsentDecision]? = nil, base: TeamOrders? = nil) {
            self.team = team
            self.orders = orders
            self.consents = consents
            self.base = base
        }
    }
    public struct Lock: RequestBody {
        public static let type = "lock"
        public static let authority = RequestAuthority.seat
        public var request: ClientRequest { .lock(self) }
        public var team: String?

        public init(team: String? = nil) {
            self.team = team
        }
    }
    public struct ProposeDeal: RequestBody {
        public static let type = "propose_deal"
        public static let authority = RequestAuthority.seat
        public var request: ClientRequest { .proposeDeal(self) }
        public var team: String?
        public var commitments: [Commitment]
        public var note: String?

        public init(team: String? = nil, commitments: [Commitment], note: String? = nil) {
            self.team = team
            self.commitments = commitments
            self.note = note
        }
    }
    public struct RespondDeal: RequestBody {
        public static let type = "respond_deal"
        public static let authority = RequestAuthority.seat
        public var request: ClientRequest { .respondDeal(self) }
        public var team: String?
        public var deal: Int
        public var accept: Bool

        public init(team: String? = nil, deal: Int, accept: Bool) {
            self.team = team
            self.deal = deal
            self.accept = accept
        }
    }
    public struct WithdrawDeal: RequestBody {
        public static let type = "withdraw_deal"
        public static let authority = RequestAuthority.seat
        public var request: ClientRequest { .withdrawDeal(self) }
        public var team: String?
        public var deal: Int

        public init(team: String? = nil, deal: Int) {
            self.team = team
            self.deal = deal
        }
    }
    public struct Chat: RequestBody {
        public static let type = "chat"
        public static let authority = RequestAuthority.seat
        public var request: ClientRequest { .chat(self) }
        public var channel: String
        public var text: String

        public init(channel: String, text: String) {
            self.channel = channel
            self.text = text
        }
    }
    /// `start`: no fields.
    public struct Start: RequestBody {
        public static let type = "start"
        public static let authority = RequestAuthority.instructor
        public var request: ClientRequest { .start }

        public init() {}
    }
    /// `skip`: no fields.
    public struct Skip: RequestBody {
        public static let type = "skip"
        public static let authority = RequestAuthority.instructor
        public var request: ClientRequest { .skip }

        public init() {}
    }
    /// `pause`: no fields.
    public struct Pause: RequestBody {
        public static let type = "pause"
        public static let authority = RequestAuthority.instructor
        public var request: ClientRequest { .pause }

        public init() {}
    }
    /// `unpause`: no fields.
    public struct Unpause: RequestBody {
        public static let type = "unpause"
        public static let authority = RequestAuthority.instructor
        public var request: ClientRequest { .unpause }

        public init() {}
    }
    public struct Extend: RequestBody {
        public static let type = "extend"
        public static let authority = RequestAuthority.instructor
        public var request: ClientRequest { .extend(self) }
        public var seconds: Int

        public init(seconds: Int) {
            self.seconds = seconds
        }
    }
    public struct InjectEvent: RequestBody {
        public static let type = "inject_event"
        public static let authority = RequestAuthority.instructor
        public var request: ClientRequest { .injectEvent(self) }
        public var event: String

        public init(event: String) {
            self.event = event
        }
    }
    public struct InjectNews: RequestBody {
        public static let type = "inject_news"
        public static let authority = RequestAuthority.instructor
        public var request: ClientRequest { .injectNews(self) }
        public var text: String

        public init(text: String) {
            self.text = text
        }
    }
    public struct Adjust: RequestBody {
        public static let type = "adjust"
        public static let authority = RequestAuthority.instructor
        public var request: ClientRequest { .adjust(self) }
        public var target: String
        public var value: Int
        /// Required: a missing reason is refused with `bad_parameter` (as an empty one is).
        public var reason: String?

        public init(target: String, value: Int, reason: String? = nil) {
            self.target = target
            self.value = value
            self.reason = reason
        }
    }
    public struct End: RequestBody {
        public static let type = "end"
        public static let authority = RequestAuthority.instructor
        public var request: ClientRequest { .end(self) }
        public var reason: String?

        public init(reason: String? = nil) {
            self.reason = reason
        }
    }
    public struct MoveSeat: RequestBody {
        public static let type = "move_seat"
        public static let authority = RequestAuthority.instructor
        public var request: ClientRequest { .moveSeat(self) }
        public var seat: String
        public var team: String?
        public var role: String?

        public init(seat: String, team: String? = nil, role: String? = nil) {
            self.seat = seat
            self.team = team
            self.role = role
        }
    }
    public struct RemoveSeat: RequestBody {
        public static let type = "remove_seat"
        public static let authority = RequestAuthority.instructor
        public var request: ClientRequest { .removeSeat(self) }
        public var seat: String

        public init(seat: String) {
            self.seat = seat
        }
    }
    public struct SetBot: RequestBody {
        public static let type = "set_bot"
        public static let authority = RequestAuthority.instructor
        public var request: ClientRequest { .setBot(self) }
        public var team: String
        /// A bot policy (`greedy`, `random`, `block-all`, `approve-all`, `idle`); absent or null takes the bot off.
        public var policy: String?

        public init(team: String, policy: String? = nil) {
            self.team = team
            self.policy = policy
        }
    }
    /// Closes the room to new students (`open: false`) or opens it again: while it is closed a player's or an
    /// observer's `join` is refused (`joining_closed`); seats already taken resume, and the instructor still joins.
    public struct SetJoining: RequestBody {
        public static let type = "set_joining"
        public static let authority = RequestAuthority.instructor
        public var request: ClientRequest { .setJoining(self) }
        public var open: Bool

        public init(open: Bool) {
            self.open = open
        }
    }
    /// Changes the language this connection reads; with `room: true` (the instructor only) the room's default too.
    public struct SetLanguage: RequestBody {
        public static let type = "set_language"
        public static let authority = RequestAuthority.any
        public var request: ClientRequest { .setLanguage(self) }
        public var lang: String
        public var room: Bool?

        public init(lang: String, room: Bool? = nil) {
            self.lang = lang
            self.room = room
        }
    }
}
