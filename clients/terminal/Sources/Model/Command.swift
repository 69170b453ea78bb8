import ArmisticeWire
import ArmisticeLocale

/// A typed command: the plain mode's whole interface, and the full-screen interface's `:` line. Every
/// request of the protocol can be made with one.
public enum Command: Sendable, Equatable {
    case help, quit, state, actions, draft, news, results, roster, deals, consents, resync
    /// `results N`: turn N's summary (`results` alone: the last adjudicated turn's).
    case resultsOf(turn: Int)
    case chatLog(String?)
    case add(action: String, params: [String: JSONValue])
    case remove(Int)
    case clear
    case consent(action: String, decision: String?)
    case lock
    case say(channel: String, text: String)
    case propose(commitments: [JSONValue], note: String)
    /// Accepts or rejects a deal. A reject not `confirmed` asks first (a stray `r` must not reject a deal a team
    /// negotiated): the full screen with a y/n question, the plain mode by saying to type `reject N yes`.
    case respond(deal: Int, accept: Bool, confirmed: Bool = false)
    case withdraw(Int)
    case start, pause, unpause, skip
    case extend(Int)
    case injectNews(String)
    case injectEvent(String)
    case adjust(target: String, value: Int, reason: String)
    case moveSeat(seat: String, team: String?, role: String?)
    case removeSeat(String)
    /// Puts a bot of a policy on a team (replacing one), or takes it off (nil).
    case setBot(team: String, policy: String?)
    /// Closes the room to new students (false: `close`) or opens it again (true: `open`).
    case setJoining(open: Bool)
    case end(String?)
    /// Reads the interface (and the server's texts) in another language from now on: `lang ko`, `lang en`;
    /// the instructor's `lang ko room` sets the room's default too (projector and report).
    case setLanguage(String, room: Bool)

    /// What confirms a typed `reject N` in the same line (`reject 2 yes`).
    static let confirmingWords: Set<String> = ["yes", "y", "네", "예"]

    /// The command a yes to its question performs: a reject confirmed.
    public var confirmed: Command {
        if case .respond(let deal, false, _) = self { return .respond(deal: deal, accept: false, confirmed: true) }
        return self
    }

    /// A reject, which its question confirms with `y` only (Enter accepts in the Deals pane: a stray Enter must not reject).
    public var isReject: Bool { if case .respond(_, false, _) = self { true } else { false } }

    /// The bot policies the server knows (`set_bot`, `create_room` `bots`).
    public static let botPolicies = ["greedy", "random", "block-all", "approve-all", "idle"]

    /// Why a line is not a command: a catalog key (`terminal.usage.*`) and its values, said in the interface's language.
    public struct ParseError: Error, Equatable, Sendable {
        public var key: String
        public var values: [String: String]
        init(_ key: String, _ values: [String: String] = [:]) { self.key = key; self.values = values }
        public func message(_ t: Catalog) -> String { t.phrase(key, values) }
        /// In English.
        public var message: String { message(Catalog(language: .en)) }
    }

    /// The plain mode's `help` in English (the interface's language: `helpLines(_:)`).
    public static var helpLines: [String] { helpLines(Catalog(language: .en)) }

    /// The plain mode's `help`, one command a line, in a catalog's language.
    public static func helpLines(_ t: Catalog) -> [String] {
        t.text("terminal.commands.help").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    public static func parse(_ line: String) throws(ParseError) -> Command {
        let trimmed = line.trimmingSpaces
        guard !trimmed.isEmpty else { throw ParseError("terminal.usage.empty") }
        let words = trimmed.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let verb = words[0].lowercased()
        let args = Array(words.dropFirst())
        let rest = trimmed.dropFirst(words[0].count).trimmingSpaces
        func int(_ s: String?, _ problem: String) throws(ParseError) -> Int {
            guard let s, let n = Int(s) else { throw ParseError(problem, ["verb": verb]) }
            return n
        }
        switch verb {
        case "help", "?", "h": return .help
        case "quit", "exit", "q": return .quit
        case "state", "board", "s": return .state
        case "actions", "a": return .actions
        case "draft", "orders", "o": return .draft
        case "news", "n": return rest.isEmpty ? .news : .injectNews(rest) // with text: the instructor publishes
        case "results", "r":
            guard let turn = args.first else { return .results }
            return .resultsOf(turn: try int(turn, "terminal.usage.results"))
        case "roster", "who": return .roster
        case "deals": return .deals
        case "consents": return .consents
        case "resync": return .resync
        case "chat", "c": return .chatLog(args.first)
        case "add":
            guard let action = args.first else { throw ParseError("terminal.usage.add") }
            return .add(action: action, params: try parseParams(args.dropFirst()))
        case "remove", "rm":
            return .remove(try int(args.first, "terminal.usage.order_number"))
        case "clear": return .clear
        case "consent":
            guard args.count == 2, args[1].lowercased() == "none" || decisionWords[args[1].lowercased()] != nil else {
                throw ParseError("terminal.usage.consent")
            }
            return .consent(action: args[0], decision: decisionWords[args[1].lowercased()])
        case "lock": return .lock
        case "say", "tell":
            guard args.count >= 2 else { throw ParseError("terminal.usage.say") }
            let text = rest.dropFirst(args[0].count).trimmingSpaces
            return .say(channel: args[0], text: text)
        case "deal", "propose":
            let parts = (" " + rest + " ").split(separator: " -- ", omittingEmptySubsequences: false).map(String.init)
            let note = parts.count > 1 ? parts.dropFirst().joined(separator: " -- ").trimmingSpaces : ""
            let tokens = parts[0].split(separator: " ").map(String.init).filter { $0 != "--" && !$0.isEmpty }
            guard !tokens.isEmpty else { throw ParseError("terminal.usage.deal") }
            return .propose(commitments: try tokens.map(parseCommitment), note: note)
        case "accept": return .respond(deal: try int(args.first, "terminal.usage.deal_number"), accept: true)
        case "reject", "refuse":
            let yes = args.count > 1 && Self.confirmingWords.contains(args[1].lowercased())
            return .respond(deal: try int(args.first, "terminal.usage.deal_number"), accept: false, confirmed: yes)
        case "withdraw": return .withdraw(try int(args.first, "terminal.usage.deal_number"))
        case "start": return .start
        case "pause": return .pause
        case "resume", "unpause": return .unpause
        case "skip", "next": return .skip
        case "extend": return .extend(try int(args.first?.replacing("+", with: ""), "terminal.usage.seconds"))
        case "inject-news", "inject_news", "publish":
            guard !rest.isEmpty else { throw ParseError("terminal.usage.news") }
            return .injectNews(rest)
        case "event", "inject", "inject-event", "inject_event":
            guard let id = args.first else { throw ParseError("terminal.usage.event") }
            return .injectEvent(id)
        case "adjust", "set":
            guard args.count >= 3 else { throw ParseError("terminal.usage.adjust") }
            let value = try int(args[1], "terminal.usage.value")
            let reason = args.dropFirst(2).joined(separator: " ")
            return .adjust(target: args[0], value: value, reason: reason)
        case "move":
            guard args.count == 2 else { throw ParseError("terminal.usage.move") }
            let to = args[1].lowercased()
            if to == "observer" || to == "player" { return .moveSeat(seat: args[0], team: nil, role: to) }
            return .moveSeat(seat: args[0], team: args[1], role: nil)
        case "kick", "remove-seat":
            guard let seat = args.first else { throw ParseError("terminal.usage.kick") }
            return .removeSeat(seat)
        case "bot", "set-bot", "set_bot":
            let policies = botPolicies.joined(separator: "|")
            guard args.count == 2 else { throw ParseError("terminal.usage.bot", ["policies": policies]) }
            let policy = args[1].lowercased()
            if ["off", "none", "students"].contains(policy) { return .setBot(team: args[0], policy: nil) }
            guard botPolicies.contains(policy) else {
                throw ParseError("terminal.usage.bot_policy", ["policy": TerminalText.truncate(TerminalText.sanitize(args[1]), to: 20), "policies": policies])
            }
            return .setBot(team: args[0], policy: policy)
        case "close", "close-joining", "lock-room": return .setJoining(open: false)
        case "open", "open-joining", "unlock-room": return .setJoining(open: true)
        case "end": return .end(rest.isEmpty ? nil : rest)
        case "lang", "language", "언어":
            guard let tag = args.first?.lowercased(), ["en", "ko"].contains(tag), args.count <= 2,
                  args.count == 1 || args[1].lowercased() == "room" else { throw ParseError("terminal.usage.lang") }
            return .setLanguage(tag, room: args.count == 2)
        default:
            throw ParseError("terminal.usage.unknown", ["verb": TerminalText.truncate(TerminalText.sanitize(verb), to: 20)])
        }
    }

    static func parseParams(_ words: ArraySlice<String>) throws(ParseError) -> [String: JSONValue] {
        var params: [String: JSONValue] = [:]
        for word in words {
            let kv = word.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2, !kv[0].isEmpty else { throw ParseError("terminal.usage.param", ["word": TerminalText.truncate(TerminalText.sanitize(word), to: 30)]) }
            params[kv[0]] = Int(kv[1]).map { JSONValue.number(Double($0)) } ?? JSONValue.string(kv[1])
        }
        return params
    }

    /// A consent's decision as typed, in either language: `approve` or `승인`, `block` or `거부`.
    static let decisionWords = ["approve": "approve", "block": "block", "승인": "approve", "거부": "block"]

    /// `team:action`, `team:action(p=v,q=w)`, or `team:approve:action` / `team:block:action` (`승인`, `거부`).
    static func parseCommitment(_ token: String) throws(ParseError) -> JSONValue {
        var body = token
        var params: [String: JSONValue] = [:]
        if let open = token.firstIndex(of: "("), token.hasSuffix(")") {
            body = String(token[..<open])
            let inside = token[token.index(after: open)..<token.index(before: token.endIndex)]
            params = try parseParams(inside.split(separator: ",").map(String.init)[...])
        }
        let parts = body.split(separator: ":").map(String.init)
        if parts.count == 2 {
            var c: [String: JSONValue] = ["team": .string(parts[0]), "action": .string(parts[1])]
            if !params.isEmpty { c["params"] = .object(params) }
            return .object(c)
        }
        if parts.count == 3, let decision = decisionWords[parts[1].lowercased()] {
            return ["team": .string(parts[0]), "consent": .string(parts[2]), "decision": .string(decision)]
        }
        throw ParseError("terminal.usage.commitment_names", ["token": TerminalText.truncate(TerminalText.sanitize(token), to: 30)])
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).reversed())
    }
}
