import ArmisticeEngine
import ArmisticeLocale
import ArmisticeLog
import ArmisticeWire

/// One match in progress: the engine state, the seats, the chat, the clock, and what each audience was last sent.
/// Owned by `ServerCore` and touched only on its thread.
public final class Room {
    public let code: String
    public let createdAt: Int64
    public let rulesetText: String
    public let settings: RoomSettings
    public let engine: Engine
    public internal(set) var state: GameState
    public internal(set) var seats: [Seat] = []
    public internal(set) var seq = 0
    public internal(set) var chat: [ChatEntry] = []
    public internal(set) var clock = ClockState.stopped
    public internal(set) var finishedAt: Int64?
    /// The teacher who created the room (nil: the admin), from the log header.
    public internal(set) var owner: String?
    /// Whether the instructor has closed the room to new students (`set_joining`): a player's or an observer's
    /// `join` is refused; seats already taken resume. Room state, not engine state: kept in `joining` log records.
    public internal(set) var joiningClosed = false
    /// Per team: who last set its draft this turn (`drafted_by`); emptied at each new turn. Room state, not engine
    /// state: rebuilt from the log's inputs and their `by` (see `noteDraftAuthor`).
    public internal(set) var draftAuthors: [Int: DraftAuthor] = [:]

    /// Per audience: the seq of the last message it was sent (the next message's `prev`).
    var lastSent: [Audience: Int] = [:]
    /// Per audience: the last view it was sent (records stripped), to skip updates that change nothing.
    var lastView: [Audience: GameView] = [:]
    /// Per audience: the seq of the last update not built for it because nobody of it was connected (a resume
    /// from before it gets a snapshot).
    var unbuiltThrough: [Audience: Int] = [:]
    /// Audiences whose `lastView` is behind (updates were not built for them) until a snapshot is sent to one of them.
    var staleViews: Set<Audience> = []
    /// The room's default language: observers (and the projector) that chose none read it. Starts as the
    /// settings' and the instructor may change it; presentation only, never in the match log after the header.
    public internal(set) var language: Language
    /// Per language other than English: the view builder (made when a connection first reads that language).
    var localizers: [Language: ViewLocalizer] = [:]
    /// Per language other than English, per audience: the last view its readers were sent (the base of their diffs).
    var localViews: [Language: [Audience: GameView]] = [:]
    /// Recent messages per audience, for resuming clients.
    var backlog: [BacklogEntry] = []
    /// Messages with a seq at or below this may be gone from the backlog.
    var trimmedThrough = 0
    /// The running hash of the room's log lines other than hash lines, as written: each hash line carries it
    /// (`lines_hash`). A restored room continues it from its file (`LogReader.Restorable.linesHash`).
    var linesHash = LinesHash()

    /// Engine inputs applied whose update has not been sent yet (see `ServerCore.flushUpdates`).
    var pending: [PendingUpdate] = []
    /// Set while bots act, so an input a bot gives does not make bots act again inside it.
    var botsActing = false
    /// Per team: the turn whose negotiation its bot has drafted for (decided once per turn; not kept across restarts).
    var botDrafted: [Int: Int] = [:]

    struct PendingUpdate {
        var seq: Int
        var records: [Record]
        var cause: ServerMessage.Cause
        var audiences: [Audience]
        /// Whether the input changed who set a draft (a `set_orders`, a new turn): the update then says `drafted_by`.
        var draftAuthorsChanged = false
    }

    struct BacklogEntry {
        var seq: Int
        var audience: Audience
        /// The message as it went out (UTF-8 JSON).
        var bytes: [UInt8]
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    init(code: String, createdAt: Int64, rulesetText: String, ruleset: Ruleset, settings: RoomSettings) {
        self.code = code
        self.createdAt = createdAt
        self.rulesetText = rulesetText
        self.settings = settings
        engine = Engine(ruleset: settings.apply(to: ruleset))
        state = engine.newGame(seed: settings.seed)
        language = Language(parsing: settings.language)
    }

    /// The settings as they stand now: the creation's, with the room's default language and its door as they are now.
    var currentSettings: RoomSettings {
        var s = settings
        s.language = language == .en ? nil : language.rawValue
        s.joining = joiningClosed ? "closed" : nil
        return s
    }

    /// The view builder of a language other than English (made once per room and language).
    func localizer(_ language: Language) -> ViewLocalizer {
        if let made = localizers[language] { return made }
        let made = ViewLocalizer(engine, language: language)
        localizers[language] = made
        return made
    }

    /// What an audience sees of a state, in a language.
    func view(of state: GameState, for audience: Audience, in language: Language) -> GameView {
        language == .en ? engine.view(of: state, for: viewer(audience)) : localizer(language).view(of: state, for: viewer(audience))
    }

    public var teamIDs: [String] { engine.ruleset.teams.map(\.id) }

    public var isOver: Bool { state.phase == .ended }

    /// Every audience of this room.
    public var audiences: [Audience] { [.instructor, .observer] + engine.ruleset.teams.indices.map { .team($0) } }

    func nextSeq() -> Int {
        seq += 1
        return seq
    }

    func seatIndex(_ id: String) -> Int? { seats.firstIndex { $0.id == id && !$0.removed } }

    /// Seats still in the room.
    public var activeSeats: [Seat] { seats.filter { !$0.removed } }

    /// Teams that have a player's seat (a student's or a bot's). Read in place: `activeSeats` would copy every seat
    /// with its strings.
    public var staffedTeams: Set<Int> {
        var teams = Set<Int>()
        for i in seats.indices where !seats[i].removed && seats[i].role == .player {
            if let team = seats[i].team { teams.insert(team) }
        }
        return teams
    }

    /// Whether every team with a player's seat (a student's, not a bot's, when `studentsOnly`) has locked its orders;
    /// false when no team has one. Read in place, with no set built: every lock asks.
    func playedTeamsLocked(studentsOnly: Bool) -> Bool {
        var any = false
        for i in seats.indices where !seats[i].removed && seats[i].role == .player && !(studentsOnly && seats[i].bot != nil) {
            guard let team = seats[i].team else { continue }
            if !state.locked[team] { return false }
            any = true
        }
        return any
    }

    /// The engine's viewer for an audience.
    func viewer(_ audience: Audience) -> Viewer {
        switch audience {
        case .instructor: .instructor
        case .observer: .observer
        case .team(let t): .team(t)
        }
    }

    /// Whether an audience may see a record.
    func sees(_ audience: Audience, _ record: Record) -> Bool { sees(audience, visibleTo: record.visibleTo) }

    /// Whether an audience sees a record that is `visibleTo` these teams (nil: everyone).
    func sees(_ audience: Audience, visibleTo: [String]?) -> Bool {
        switch audience {
        case .instructor: true
        case .observer: visibleTo == nil
        case .team(let t): Record.isVisible(visibleTo, to: engine.ruleset.teams[t].id)
        }
    }

    /// The clock for the phase just entered.
    func clockForCurrentPhase(now: Int64) -> ClockState {
        guard let duration = settings.durationMs(state.phase) else { return .stopped }
        return clock.paused ? ClockState(deadline: nil, remaining: duration, paused: true) : ClockState(deadline: now + duration)
    }

    /// Bytes of text held in the backlog.
    var backlogBytes = 0

    /// Keeps a sent message for resumes, within a count and a byte budget (a client further behind gets a snapshot).
    func remember(_ entry: BacklogEntry, limit: Int, byteLimit: Int) {
        backlog.append(entry)
        backlogBytes += entry.bytes.count
        guard backlog.count > limit || backlogBytes > byteLimit else { return }
        var drop = 0
        var freed = 0
        let targetCount = limit - limit / 4
        let targetBytes = byteLimit - byteLimit / 4
        while drop < backlog.count - 1, backlog.count - drop > targetCount || backlogBytes - freed > targetBytes {
            freed += backlog[drop].bytes.count
            drop += 1
        }
        // Never split one seq's messages: a resume from there must find them all or none.
        while drop < backlog.count, drop > 0, backlog[drop].seq == backlog[drop - 1].seq {
            freed += backlog[drop].bytes.count
            drop += 1
        }
        guard drop > 0 else { return }
        trimmedThrough = max(trimmedThrough, backlog[drop - 1].seq)
        backlog.removeFirst(drop)
        backlogBytes -= freed
    }

    /// The roster as clients see it.
    var roster: [RosterEntry] {
        activeSeats.map { RosterEntry(seat: $0.id, name: $0.name, role: $0.role, team: $0.team.map { engine.ruleset.teams[$0].id },
                                      online: $0.connection != nil || $0.bot != nil, bot: $0.bot?.rawValue) }
    }
}
