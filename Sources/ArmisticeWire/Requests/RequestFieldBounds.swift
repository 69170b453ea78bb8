import ArmisticeEngine
import ArmisticeErrors

/// Byte bounds on the strings a request carries: every string of the requests sent before a seat (`hello`,
/// `set_language`, `join`, `resume`, `create_room`) and every id of a seated one (a team, a channel, an action, a
/// seat, an event, a target, a policy), checked as soon as the request is decoded and before anything reads the
/// text (free text, a chat message, a deal note, news or a reason, is bounded by the server's limits): a native
/// string's UTF-8 count costs nothing, while what the server does with these fields (cleaning a name, reading a
/// language tag, looking up a code or a token) costs in proportion to their length, by the character. An outside
/// tester's 60 KB `lang` cost the rooms thread 40 ms (68 ms of combining marks), a 60 KB name, code or token 15–36 ms:
/// a few strangers could keep a core busy inside their message budget (docs/reliability.md). A seated request's 60 KB
/// chat channel, team or seat cost 13–18 ms and was echoed whole in the refusal; an adjustment target, 330 ms. Each bound is far above
/// any value a client means: a tag, a code, a token or an id is short by nature; a name is cut to
/// `ServerLimits.nameMaxBytes` (160) anyway.
public enum RequestFieldBounds {
    /// A language tag (`ko`, `ko-KR`, `ko_KR.UTF-8`), a protocol version, a role, a policy, a phase name.
    public static let wordBytes = 64
    /// A join code, a seat token (`CODE.` and 32 hex digits), a team, ruleset, variant, seat, action, event or
    /// adjustment target id.
    public static let idBytes = 128
    /// A chat channel: `all`, `team:` and a team id, or `pair:` and two.
    public static let channelBytes = 2 * idBytes + 8
    /// The client's own description in `hello`.
    public static let clientBytes = 256
    /// A display name or a room name before it is cleaned (then cut to 160 bytes).
    public static let nameBytes = 1_024
    /// An instructor key, a teacher's secret or a sign-in session.
    public static let keyBytes = 1_024
    /// Entries of `hello`'s `versions`, `create_room`'s `phases` and `bots`.
    public static let listEntries = 16

    /// The refusal of the first field of `request` over its bound, nil when all fit.
    public static func refusal(_ request: ClientRequest, type: String) -> ServerError? {
        var check = Check(type: type)
        switch request {
        case .hello(let r):
            check.bytes(r.protocol, "protocol", wordBytes)
            check.entries(r.versions?.count, "versions")
            for v in r.versions ?? [] { check.bytes(v, "versions", wordBytes) }
            check.bytes(r.client, "client", clientBytes)
            check.bytes(r.lang, "lang", wordBytes)
        case .setLanguage(let r):
            check.bytes(r.lang, "lang", wordBytes)
        case .join(let r):
            check.bytes(r.code, "code", idBytes)
            check.bytes(r.team, "team", idBytes)
            check.bytes(r.role, "role", wordBytes)
            check.bytes(r.key, "key", keyBytes)
            if check.refusal == nil, r.name.utf8.count > nameBytes {
                check.refusal = ServerError(.badName, key: "error.bad_name.too_long", ["max": .number(nameBytes)])
            }
        case .resume(let r):
            check.bytes(r.token, "token", idBytes)
        case .createRoom(let r):
            check.bytes(r.key, "key", keyBytes)
            check.bytes(r.ruleset, "ruleset", idBytes)
            check.bytes(r.variant, "variant", idBytes)
            check.bytes(r.name, "name", nameBytes)
            check.bytes(r.absent, "absent", wordBytes)
            check.bytes(r.language, "language", wordBytes)
            check.entries(r.phases?.count, "phases")
            for p in r.phases?.keys.map({ $0 }) ?? [] { check.bytes(p, "phases", wordBytes) }
            check.entries(r.bots?.count, "bots")
            for (team, policy) in r.bots ?? [:] {
                check.bytes(team, "bots", idBytes)
                check.bytes(policy, "bots", wordBytes)
            }
        case .setOrders(let r):
            check.bytes(r.team, "team", idBytes)
            for o in r.orders {
                check.bytes(o.action, "orders", idBytes)
                check.params(o.params, "orders")
            }
            for action in r.consents?.keys.map({ $0 }) ?? [] { check.bytes(action, "consents", idBytes) }
        case .lock(let r):
            check.bytes(r.team, "team", idBytes)
        case .proposeDeal(let r):
            check.bytes(r.team, "team", idBytes)
            for c in r.commitments {
                check.bytes(c.team, "commitments", idBytes)
                check.bytes(c.action, "commitments", idBytes)
                check.bytes(c.consent, "commitments", idBytes)
                check.params(c.params, "commitments")
            }
        case .respondDeal(let r):
            check.bytes(r.team, "team", idBytes)
        case .withdrawDeal(let r):
            check.bytes(r.team, "team", idBytes)
        case .chat(let r):
            check.bytes(r.channel, "channel", channelBytes)
        case .injectEvent(let r):
            check.bytes(r.event, "event", idBytes)
        case .adjust(let r):
            check.bytes(r.target, "target", idBytes)
        case .moveSeat(let r):
            check.bytes(r.seat, "seat", idBytes)
            check.bytes(r.team, "team", idBytes)
            check.bytes(r.role, "role", wordBytes)
        case .removeSeat(let r):
            check.bytes(r.seat, "seat", idBytes)
        case .setBot(let r):
            check.bytes(r.team, "team", idBytes)
            check.bytes(r.policy, "policy", wordBytes)
        // Free text (chat, a deal note, news, a reason) is bounded by the server's limits, before it is cleaned.
        case .resync, .ping, .start, .skip, .pause, .unpause, .extend, .end, .injectNews, .setJoining:
            break
        }
        return check.refusal
    }

    private struct Check {
        let type: String
        var refusal: ServerError?

        mutating func bytes(_ value: String?, _ field: String, _ max: Int) {
            guard refusal == nil, let value, value.utf8.count > max else { return }
            refusal = ServerError(.badRequest, key: "error.bad_request.too_long", ["type": .text(type), "field": .text(field), "max": .number(max)])
        }

        /// An order's or a commitment's parameters: their names and the ids they hold.
        mutating func params(_ params: [String: ParameterValue]?, _ field: String) {
            for (name, value) in params ?? [:] {
                bytes(name, field, RequestFieldBounds.idBytes)
                if case .id(let id) = value { bytes(id, field, RequestFieldBounds.idBytes) }
            }
        }

        mutating func entries(_ count: Int?, _ field: String) {
            guard refusal == nil, let count, count > RequestFieldBounds.listEntries else { return }
            refusal = ServerError(.badRequest, key: "error.bad_request.too_many", ["type": .text(type), "field": .text(field), "max": .number(RequestFieldBounds.listEntries)])
        }
    }
}
