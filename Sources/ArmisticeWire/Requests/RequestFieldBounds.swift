import ArmisticeErrors

/// Byte bounds on the strings a request may carry before its sender holds a seat (`hello`, `set_language`, `join`,
/// `resume`, `create_room`), checked as soon as the request is decoded and before anything reads the text: a native
/// string's UTF-8 count costs nothing, while what the server does with these fields (cleaning a name, reading a
/// language tag, looking up a code or a token) costs in proportion to their length, by the character. An outside
/// tester's 60 KB `lang` cost the rooms thread 40 ms (68 ms of combining marks), a 60 KB name, code or token 15–36 ms:
/// a few strangers could keep a core busy inside their message budget (docs/reliability.md). Each bound is far above
/// any value a client means: a tag, a code, a token or an id is short by nature; a name is cut to
/// `ServerLimits.nameMaxBytes` (160) anyway.
public enum RequestFieldBounds {
    /// A language tag (`ko`, `ko-KR`, `ko_KR.UTF-8`), a protocol version, a role, a policy, a phase name.
    public static let wordBytes = 64
    /// A join code, a seat token (`CODE.` and 32 hex digits), a team, ruleset or variant id.
    public static let idBytes = 128
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
        default: break
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

        mutating func entries(_ count: Int?, _ field: String) {
            guard refusal == nil, let count, count > RequestFieldBounds.listEntries else { return }
            refusal = ServerError(.badRequest, key: "error.bad_request.too_many", ["type": .text(type), "field": .text(field), "max": .number(RequestFieldBounds.listEntries)])
        }
    }
}
