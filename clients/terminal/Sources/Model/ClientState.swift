import ArmisticeEngine
import ArmisticeWire
import ArmisticeLocale

/// Everything the client shows: the last view the server sent, the records, chat, roster and clock, the
/// connection state, and the interface's own state (focus, cursors, open dialogs).
///
/// It is a value changed only by pure functions: `apply(message:now:)` for what the server sends,
/// `handle(key:now:)` for the keyboard and `perform(_:)` for typed commands. Each returns the effects the
/// shell must carry out (requests to send, lines to print, quitting). No I/O happens here.
public struct ClientState: Sendable {
    /// The state of the connection, as shown in the header.
    public enum Connection: Sendable, Equatable {
        case connecting
        case online
        case reconnecting(attempt: Int)
        /// For good: the seat was removed, or the server refused it.
        case closed(Closure)
    }

    /// Why the connection ended for good, said in the interface's language (`closureText`).
    public enum Closure: Sendable, Equatable {
        /// The server took the seat away: its `reason_code` when it is one this client knows (said in the interface's
        /// language), else its reason as sent (empty when it gave none).
        case removed(ServerMessage.Removed.Cause?, String)
        /// The server refused the seat, with its message.
        case refused(String)
        /// There was no token to resume and no seat to ask for.
        case noSeat
    }

    public struct You: Sendable, Equatable {
        public var seat = "", name = "", role = "", team: String?
    }

    public var connection: Connection = .connecting
    /// The server's address as the student gave it (`ws://host:port/ws`), to name it when it cannot be reached.
    public var server = ""
    public var room = ""
    /// The room's teams with their names in every language the room gives them (the join's look-up), so a deal
    /// typed with `북한` or `North Korea` names the team as `join --team` does (`typedTeam`).
    public var teamChoices: [JoinCheck.TeamChoice] = []
    public var you = You()
    public var view = GameViewInfo()
    /// The view's fields as the server sent them (records left out): armistice.v2 updates change some of them.
    var viewFields: [String: JSONValue] = [:]
    public var records: [RecordInfo] = []
    public var chat: [ChatInfo] = []
    public var roster: [SeatInfo] = []
    /// Whether the instructor has closed the room to new students (`set_joining`): the snapshot's `settings.joining`
    /// and every `roster` event's `joining` say `closed`.
    public var joiningClosed = false
    /// Who last set each team's draft this turn, by team id (`drafted_by`: the snapshot's, then any update's that
    /// carries it; docs/protocol.md).
    public var draftedBy: [String: JSONValue] = [:]
    public var clock = ClockInfo()
    /// Local time (ms) when `clock` arrived: the countdown runs from there on this machine's clock.
    public var clockReceivedAt: Int64 = 0
    /// The largest `seq` seen, for gap detection and `resume`.
    public var lastSeq = 0
    public var unread: [String: Int] = [:]
    /// Whether a snapshot has arrived (before it there is nothing to show).
    public var hasSnapshot = false
    /// The last message for the footer: a refusal, a confirmation, a hint. It is shown only while the moment it was
    /// said in lasts (`StatusMoment`): once that is over the message goes, whatever it said.
    public var status: String? {
        get { statusText.flatMap { statusMoment.map { $0.lasts(into: moment(for: statusIsError)) } ?? true ? $0 : nil } }
        set { statusText = newValue; statusMoment = stamp() }
    }
    var statusText: String?
    var statusMoment: StatusMoment?
    public var statusIsError = false {
        didSet { statusMoment = stamp() }
    }
    /// Counts the messages said, so that `expireStatus(now:)` knows when the one shown was said.
    var statusSerial = 0
    var statusSince = (serial: 0, at: Int64(0))
    public var ui = UIState()
    /// Whether colour may be used (false under NO_COLOR).
    public var color = true
    /// The language the interface is read in (`--lang`, else the environment's); `:lang` changes it.
    public var language: Language = .en {
        didSet { t = Catalog(language: language) }
    }
    /// The interface's messages in `language`.
    public private(set) var t = Catalog(language: .en)
    var nextRequestID = 1
    var pending: [Int: Said] = [:]
    /// Draft changes refused `draft_changed` before the teammate's draft reached this view: made again once it has.
    var parkedEdits: [(id: Int, what: Said)] = []
    var hasSnapshotFocusSet = false
    /// The catalog key of the `[room]` line not yet said (it waits for the snapshot's team names).
    var roomNotice: String?
    /// How many news items this seat had read in its last window (the seat file keeps it): a resumed seat marks only
    /// those after them as unread. Nil for a new seat, or one kept before the count was.
    public var newsSeenBefore: Int?
    /// Chat said while the connection was down (`say`, in the plain mode or on the `:` line): each is sent once the
    /// seat is back, as the Talk pane keeps an unsent message in its input line.
    public internal(set) var keptChat: [Command] = []
    /// Plain-mode lines waiting their turn: those read before the first snapshot (a script piping commands in), and
    /// those read while the line before waits for its answer (`lineWait`); run in order.
    public internal(set) var queuedLines: [String] = []
    /// Plain mode: the requests the last line sent, waited for before the next line runs, so that a `draft` after an
    /// `add` shows the draft with the order in it (README: lines run in order, each after the answer to the one before).
    public internal(set) var lineWait: LineWait?

    /// The requests a plain-mode line sent and are not answered yet; once all are, the `seq` their acks named, which
    /// the update showing the change carries (the ack comes before it: docs/protocol.md).
    public struct LineWait: Sendable, Equatable {
        var ids: Set<Int>
        var seq = 0
        var since: Int64
        var answeredAt: Int64?
    }

    /// How long a plain-mode line waits for the answer to the one before it, before going on with a warning (ms).
    public static let lineTimeout: Int64 = 10_000
    /// How long, after its ack, a line waits for the update that shows its change (a request that changed nothing
    /// gets no update) (ms).
    public static let updateGrace: Int64 = 1_000

    public init() {}

    public var isInstructor: Bool { you.role == "instructor" }

    /// The team a typed word means: its id, or its name in the view's language or any the room gives it, in any case,
    /// as `join --team` reads it (`JoinCheck.team`). Nil when no team of this match has it.
    public func typedTeam(_ word: String) -> String? {
        let teams = view.teams.map { team in
            JoinCheck.TeamChoice(id: team.id, name: TerminalText.sanitize(team.name), names: teamChoices.first { $0.id == team.id }?.names ?? [])
        }
        return JoinCheck.team(word, among: teams.isEmpty ? teamChoices : teams)
    }
    public var myTeam: String? { isInstructor ? nil : you.team }
    public var myDraft: DraftInfo { myTeam.flatMap { view.orders[$0] } ?? DraftInfo() }
    public var myBudget: Int? { myTeam.flatMap { view.team($0)?.budget } }
    public var mySpent: Int { myTeam.flatMap { view.spent[$0] } ?? 0 }
    public var myTeamLocked: Bool { myTeam.flatMap { view.team($0)?.locked } ?? false }
    /// Whether a bot set my team's draft this turn and the team may still change it (REPORT-browser E #20): a student
    /// who comes online on a team the bot played is told to review the bot's orders before locking them.
    public var draftIsTheBots: Bool {
        guard let team = myTeam, !myTeamLocked, view.phase == "negotiation" || view.phase == "orders" else { return false }
        return draftedBy[team]?["bot"]?.bool == true
    }

    /// The bot seat on a team, if one sits there (issue 15): it plays the team whenever none of its students is online.
    public func bot(of team: String) -> SeatInfo? { roster.first { $0.bot != nil && $0.team == team } }

    /// "bot (greedy)", with ", standing by" while one of the team's students is online; nil when no bot sits there.
    public func botWords(_ team: String) -> String? {
        guard let policy = bot(of: team)?.bot else { return nil }
        let standing = roster.contains { $0.bot == nil && $0.role == "player" && $0.team == team && $0.online }
        return t.text(standing ? "terminal.bot.standing_by" : "terminal.bot.words", ["policy": policyName(policy)])
    }

    /// A bot policy's name in the reader's language (적극형 for greedy), as the replay, the report and the browser name
    /// it (`RecordText.policyName`); an unknown one as sent.
    public func policyName(_ policy: String) -> String { RecordText.policyName(policy, t) ?? TerminalText.sanitize(policy) }

    /// The badge after a team's name on screen: "🤖 bot (greedy)"; nil when no bot sits there.
    public func botBadge(_ team: String) -> String? { botWords(team).map { "🤖 " + $0 } }

    /// In negotiation or orders: whether every team with players has locked in (nothing then says so but this).
    /// "⚠ not possible now: …" for a drafted action whose requirement the state does not meet (the view's reason
    /// when it is the requirement, or its `requirement` when another reason comes first, as once it is drafted);
    /// nil otherwise.
    public func orderWarning(_ action: String) -> String? {
        guard let team = myTeam, let reason = requirementFailure(action, team: team) else { return nil }
        return t.text("terminal.draft.not_possible", ["reason": TerminalText.sanitize(reason)])
    }

    /// The scenario's reason why a team's action fails its requirement now, from the view's `actions` (the view's
    /// reason when `reason_code` is `requirement`, else its `requirement` when another reason comes first); nil when
    /// it meets them, or when the view does not hold that team's actions (a player sees only its own team's, the
    /// instructor every team's).
    public func requirementFailure(_ action: String, team: String) -> String? {
        guard let a = view.actions.first(where: { $0.id == action && ($0.team.isEmpty || $0.team == team) }), !a.available else { return nil }
        return a.reasonCode == "requirement" ? a.reason ?? "" : a.requirement
    }

    public var everyPlayedTeamLocked: Bool {
        guard view.phase == "negotiation" || view.phase == "orders" else { return false }
        let played = Set(roster.filter { $0.role == "player" }.compactMap(\.team))
        let teams = view.teams.filter { played.contains($0.id) }
        return !teams.isEmpty && teams.allSatisfy(\.locked)
    }

    /// Milliseconds left in the phase, counted down locally from the last clock; nil when untimed.
    public func remaining(now: Int64) -> Int64? {
        guard let r = clock.remaining ?? clock.deadline.flatMap({ d in clock.now.map { d - $0 } }) else { return nil }
        if clock.paused { return max(0, r) }
        return max(0, r - max(0, now - clockReceivedAt))
    }

    /// The chat channels this seat may read or write, in a stable order, then any others seen in chat.
    public var channels: [String] {
        var list = ["all"]
        let teamIDs = view.teams.map(\.id)
        if isInstructor {
            list += teamIDs.map { "team:\($0)" }
        } else if let team = myTeam {
            list.append("team:\(team)")
            list += teamIDs.filter { $0 != team }.map { ClientState.pairChannel(team, $0) }
        }
        for message in chat where !list.contains(message.channel) { list.append(message.channel) }
        return list
    }

    /// The server's name for a pair channel: the two ids sorted.
    public static func pairChannel(_ a: String, _ b: String) -> String { "pair:" + [a, b].sorted().joined(separator: "+") }

    /// A channel's label for the screen: `all`, `team`, or the other team's name.
    public func channelLabel(_ channel: String) -> String {
        if channel == "all" { return t.text("terminal.channel.all") }
        if channel.hasPrefix("team:") {
            let id = String(channel.dropFirst(5))
            return isInstructor ? t.text("terminal.channel.team_of", ["team": shortTeamName(id)]) : t.text("terminal.channel.team")
        }
        if channel.hasPrefix("pair:") {
            let ids = channel.dropFirst(5).split(separator: "+").map(String.init)
            if let team = myTeam, ids.contains(team), let other = ids.first(where: { $0 != team }) { return "↔" + shortTeamName(other) }
            return ids.map(shortTeamName).joined(separator: "↔")
        }
        return channel
    }

    /// A team's name short enough for a channel label: the part before a bracket ("DPRK" of "DPRK (North Korea)"),
    /// longer than 18 columns its first whole words ("Regional Fisheries": no "…", no word cut); the id when the view
    /// does not name the team.
    public func shortTeamName(_ id: String) -> String {
        var name = TerminalText.sanitize(view.teamName(id))
        if let open = name.range(of: " ("), open.lowerBound > name.startIndex { name = String(name[..<open.lowerBound]) }
        guard TerminalText.width(name) > 18 else { return name }
        return TerminalText.wrap(name, to: 18).first ?? name
    }

    /// A seat's name as shown: a bot seat is named for its team in the reader's language ("유엔 봇"), whatever
    /// the server called it.
    public func seatName(_ seat: SeatInfo) -> String {
        if seat.bot != nil, let team = seat.team {
            return t.text("terminal.bot.seat_name", ["team": TerminalText.sanitize(view.teamName(team))])
        }
        return TerminalText.sanitize(seat.name)
    }

    /// The name a chat message is shown under: a bot seat's as `seatName` says it (in the reader's language: "미국 봇",
    /// not the "United States bot" the server named the seat), anyone else's as sent.
    public func chatName(_ message: ChatInfo) -> String {
        if let seat = roster.first(where: { $0.seat == message.seat && $0.bot != nil }) { return seatName(seat) }
        return TerminalText.sanitize(message.name)
    }

    /// What a request is said to have done when the server acknowledges it, and what it could not do when the server
    /// refuses it (a refusal is never worded as a success).
    struct Said: Sendable, Equatable {
        var done: String
        var failed: String
        /// A `resync`: its success is the snapshot itself, said by nothing.
        var quiet = false
        /// The input line the request was typed on: a refusal opens it again with its text, to correct (as a line this
        /// client refuses stays open), unless another line is being typed by then.
        var line: TextInput?
        /// A change to the team's draft: the change, the draft it was made on, and how many times it was made again
        /// on a newer one (`redoEdit`).
        var edit: DraftEdit?
        var base: DraftInfo?
        var tries = 0
    }

    /// Both wordings of a request, from a `terminal.status.*` key and its `terminal.failed.*` counterpart.
    func said(_ done: String, _ failed: String, _ values: [String: String] = [:]) -> Said {
        Said(done: t.phrase(done, values), failed: t.phrase(failed, values))
    }

    /// Makes a request with a fresh id, remembering what it was for, to report its answer.
    mutating func request(_ body: some RequestBody, _ what: Said) -> Effect {
        let id = nextRequestID
        nextRequestID += 1
        pending[id] = what
        return .send(body.message(id: .number(Double(id))))
    }

    mutating func resyncRequest() -> Effect {
        request(ClientRequest.Resync(), Said(done: "resync", failed: t.text("terminal.failed.resync"), quiet: true))
    }

    mutating func say(_ text: String, error: Bool = false) {
        statusIsError = error
        status = text
        statusSerial += 1
    }

    /// What a footer message is about, so that it goes once that is over (not message by message): the turn and the
    /// phase (a new phase or turn ends any message), and a message said while the connection was down ("not
    /// connected", "kept until the seat is back") ends once it is back. A refusal or warning is about the team's draft
    /// and lock too: the draft changed (by this window or a teammate) or the team locked, the thing refused may be
    /// fixed, and the message goes. A confirmation is not ended by the change it confirms (the update showing it comes
    /// after the ack that said it).
    struct StatusMoment: Equatable {
        var turn: Int
        var phase: String
        var online: Bool
        var draft: DraftInfo?
        var locked: Bool?

        /// Whether a message said at this moment still applies at `now`.
        func lasts(into now: StatusMoment) -> Bool {
            turn == now.turn && phase == now.phase && (online || !now.online) && draft == now.draft && locked == now.locked
        }
    }

    /// The moment of the message shown now; none before the first snapshot (nothing is known to end yet: it lives its
    /// lifetime).
    func stamp() -> StatusMoment? { statusText == nil || !hasSnapshot ? nil : moment(for: statusIsError) }

    func moment(for error: Bool) -> StatusMoment {
        StatusMoment(turn: view.turn, phase: view.phase, online: connection == .online,
                     draft: error ? myDraft : nil, locked: error ? myTeamLocked : nil)
    }

    /// The longest display name the server keeps (docs/protocol.md, "Names": cut to 40 characters).
    public static let nameLimit = 40

    /// How long a footer message stays (ms): a confirmation 10 s, a refusal 20 s; a key press, or the end of the moment
    /// it speaks of (`StatusMoment`), ends it sooner.
    public static let statusLifetime: Int64 = 10_000
    public static let errorLifetime: Int64 = 20_000

    /// Forgets the footer's message once it has been shown long enough; true when it went. The shell calls it as it
    /// draws, with the local time.
    @discardableResult
    public mutating func expireStatus(now: Int64) -> Bool {
        guard statusText != nil else { return false }
        // One whose moment is over goes now (the shell redraws without it).
        if status == nil { status = nil; statusIsError = false; return true }
        if statusSince.serial != statusSerial { statusSince = (statusSerial, now); return false }
        guard now - statusSince.at >= (statusIsError ? Self.errorLifetime : Self.statusLifetime) else { return false }
        status = nil
        statusIsError = false
        return true
    }

    /// Whether this window will not reconnect: its seat was removed, taken over by another window, or refused.
    public var isClosed: Bool { if case .closed = connection { true } else { false } }
}

/// What the shell must do after the state changed.
public enum Effect: Sendable, Equatable {
    /// Send this request to the server.
    case send(JSONValue)
    /// A line for the plain mode (and the log of what happened).
    case notice(String)
    /// Leave the program.
    case quit
}
