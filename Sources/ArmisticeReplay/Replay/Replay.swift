import ArmisticeEngine
import ArmisticeLocale
import ArmisticeLog

/// A match log run back through the engine: every input re-applied from the log's own ruleset and seed, every
/// logged state hash compared with the replay's. The steps it keeps let a debrief show the match at any moment,
/// as any viewer saw it.
public struct Replay: Sendable {
    /// One engine input of the log, and what it did. Step 0 is the match before any input (the header).
    public struct Step: Sendable {
        public var index: Int
        /// The log line of the input (1 for step 0).
        public var line: Int
        public var seq: Int
        /// Milliseconds since 1970, as logged.
        public var t: Int64
        /// The seat, "clock" or "server" that gave the input.
        public var by: String
        /// Why the clock advanced (`deadline`, `all_locked`), when it did.
        public var reason: String?
        public var input: Input?
        /// Everything the engine recorded for this input (with who may see it).
        public var records: [Record]
        /// The state after the input. Its record history is empty: `Replay.state(at:)` fills it in.
        public var state: GameState
        /// Why the engine refused the input on replay (the log and the engine disagree); the state is then unchanged.
        public var refused: EngineError?
    }

    /// A chat message, and the step it was written during.
    public struct ChatMessage: Sendable, Hashable, Codable {
        public var line: Int
        public var seq: Int
        public var t: Int64
        public var by: String
        public var name: String
        public var channel: String
        public var text: String
        /// The index of the last step before the message.
        public var step: Int
    }

    /// A seat of the room, as its join and seat records left it.
    public struct Seat: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var role: String
        public var team: String?
        public var removed: Bool
        /// The policy of the bot that held the seat, for a bot seat.
        public var bot: String? = nil
    }

    /// Something done to the room's seats, its door or its clock, as its join, seat, joining and clock records say: a
    /// seat removed, a seat moved, a bot put on a team or taken off, the room closed or opened to new seats, a seat
    /// joining once the match has begun, the instructor pausing, resuming or extending the phase clock, the clock
    /// running again after a server restart. Not the engine's (no state hash changes), but a debrief needs it: who was
    /// removed, when the class was given more time.
    public struct SeatChange: Sendable, Hashable, Codable {
        public enum Kind: String, Sendable, Hashable, Codable {
            case removed, moved, bot, botOff = "bot_off", joined, joiningClosed = "joining_closed", joiningOpened = "joining_opened"
            case paused, resumed, extended, restarted
        }
        public var line: Int
        public var seq: Int
        public var t: Int64
        /// Who did it: the instructor's seat, or the seat that joined.
        public var by: String
        public var kind: Kind
        /// The seat it concerns (none for the door).
        public var seat: String?
        /// Where the seat went or joined: its team, else its role (`observer`, or `player` with no team).
        public var team: String?
        public var role: String?
        /// A bot's policy.
        public var bot: String?
        /// The index of the last step before it.
        public var step: Int
        /// By how many seconds the instructor extended the phase (negative: shortened), for `extended`, when the
        /// clock before it is in the log.
        public var seconds: Int? = nil
        /// The team a moved seat left, for `moved`.
        public var fromTeam: String? = nil
    }

    public let log: MatchLog
    /// The engine for the logged ruleset (settings applied). It keeps no record history: steps hold the records.
    public let engine: Engine
    /// Every step, when kept (`keepSteps`); otherwise only step 0.
    public private(set) var steps: [Step] = []
    public private(set) var chat: [ChatMessage] = []
    public private(set) var seats: [Seat] = []
    /// The room's seat and door changes, in log order.
    public private(set) var seatChanges: [SeatChange] = []
    /// The log's reading issues, then every divergence found on replay, in line order of discovery.
    public private(set) var issues: [LogIssue]
    /// Hash lines compared, and how many of them matched.
    public private(set) var hashesChecked = 0
    public private(set) var hashesMatched = 0
    /// Input records replayed (refused ones included).
    public private(set) var inputCount = 0
    /// Records read after the header.
    public var recordCount: Int { log.entries.count }
    public private(set) var finalState: GameState

    /// The first issue that breaks verification: the first divergence of the log from the engine, or the first damaged line.
    /// The earliest line's: a reading issue is found before the replay's, and a hash line that proves the lines before it
    /// (`lines_hash`) fails after the line that was changed, which the replay may name on its own line (or, on the hash
    /// line itself, as a state hash that differs).
    public var firstDivergence: LogIssue? {
        issues.filter(\.failsVerification).min { ($0.line, $0.isLinesHash ? 1 : 0) < ($1.line, $1.isLinesHash ? 1 : 0) }
    }
    /// Whether every input was accepted, every hash matched and no line was damaged or altered.
    public var isVerified: Bool { firstDivergence == nil }
    public var finalHash: String { engine.stateHash(finalState) }

    /// Replays a log. With `keepSteps` false only the verification is done (faster; `steps` then holds step 0 only).
    public init(log: MatchLog, keepSteps: Bool = true) {
        let engine = Engine(ruleset: log.ruleset, keepsHistory: false)
        var state = engine.newGame(seed: log.settings.seed)
        self.log = log
        self.engine = engine
        issues = log.issues
        finalState = state
        steps = [Step(index: 0, line: 1, seq: log.header.seq, t: log.header.t ?? 0, by: log.header.by ?? "instructor", reason: nil,
                      input: nil, records: [], state: state, refused: nil)]
        var stepCount = 1
        var seqs = SeqCheck(header: log.header.seq)
        var hashLines = HashLineCheck()
        var seatIndex: [String: Int] = [:]
        // The phase clock as the last record that carried it left it: an extension is the difference.
        var clock: LogRecord.Clock?

        for entry in log.entries {
            let r = entry.record
            let line = entry.line
            defer { if let c = r.clock { clock = c } }
            if r.kind == .hash {
                issues += hashLines.hashLine(r, line: line, engine: engine, state: state)
                continue
            }
            if let missing = hashLines.otherLine(line: line, turn: state.turn) { issues.append(missing) }
            if r.kind != .match, let wrong = seqs.record(r, line: line, turn: state.turn) { issues.append(wrong) }
            switch r.kind {
            case .input:
                guard let input = r.input else {
                    issues.append(LogIssue(.damagedLine, line: line, turn: state.turn, key: "log.issue.no_input"))
                    continue
                }
                inputCount += 1
                var refused: EngineError?
                var records: [Record] = []
                let wasOver = state.isOver
                do {
                    records = try engine.apply(input, to: &state)
                } catch {
                    refused = error
                    // The engine's refusal is said again from its own key, in the reader's language, names and all.
                    issues.append(LogIssue(.inputRefused, line: line, turn: state.turn, key: "log.issue.input_refused",
                                           ["type": .text("\(input.type)"), "by": .text(r.by ?? "?"), "seq": .text(String(r.seq)),
                                            "code": .text(error.code.rawValue), "reason": error.detail.map { .phrase($0) } ?? .text(error.message)],
                                           names: engine.ruleset))
                }
                hashLines.applied(line: line, seq: r.seq, t: r.t ?? 0, records: records,
                                  finalHash: state.isOver && !wasOver ? (state.turn, engine.stateHash(state)) : nil)
                if keepSteps {
                    steps.append(Step(index: stepCount, line: line, seq: r.seq, t: r.t ?? 0, by: r.by ?? "", reason: r.reason, input: input,
                                      records: records, state: state, refused: refused))
                }
                stepCount += 1
            case .join:
                guard let id = r.seat else {
                    issues.append(LogIssue(.damagedLine, line: line, turn: state.turn, key: "log.issue.no_seat"))
                    continue
                }
                seatIndex[id] = seats.count
                seats.append(Seat(id: id, name: r.name ?? id, role: r.role ?? "player", team: r.team, removed: false, bot: r.bot))
                // A bot put on a team, or a student or observer arriving once the match has begun (the class seated
                // before the start is the roster, not an event).
                if r.bot != nil || (stepCount > 1 && r.role != "instructor") {
                    // A bot's join is logged by its own seat; the instructor put it there (or the room's settings did).
                    seatChanges.append(SeatChange(line: line, seq: r.seq, t: r.t ?? 0, by: r.bot != nil ? "instructor" : r.by ?? id, kind: r.bot != nil ? .bot : .joined, seat: id,
                                                  team: r.team, role: r.role ?? "player", bot: r.bot, step: stepCount - 1))
                }
            case .seat:
                guard let id = r.seat, let i = seatIndex[id] else {
                    issues.append(LogIssue(.damagedLine, line: line, turn: state.turn, key: "log.issue.unknown_seat"))
                    continue
                }
                let before = seats[i].team
                if r.removed == true { seats[i].removed = true } else {
                    seats[i].role = r.role ?? "player"
                    seats[i].team = r.team
                }
                seatChanges.append(SeatChange(line: line, seq: r.seq, t: r.t ?? 0, by: r.by ?? "", kind: r.removed == true ? (seats[i].bot != nil ? .botOff : .removed) : .moved,
                                              seat: id, team: seats[i].team, role: seats[i].role, bot: seats[i].bot, step: stepCount - 1,
                                              fromTeam: r.removed == true ? nil : before))
            case .chat:
                let by = r.by ?? ""
                chat.append(ChatMessage(line: line, seq: r.seq, t: r.t ?? 0, by: by, name: seatIndex[by].map { seats[$0].name } ?? by,
                                        channel: r.channel ?? "all", text: r.text ?? "", step: stepCount - 1))
            case .joining:
                // Whether the room took new seats: nothing in the engine, but the debrief shows it.
                seatChanges.append(SeatChange(line: line, seq: r.seq, t: r.t ?? 0, by: r.by ?? "", kind: r.open == true ? .joiningOpened : .joiningClosed,
                                              step: stepCount - 1))
            case .clock:
                // The instructor's pause, resume and extension, and a restart's clock: nothing in the engine, but a
                // debrief needs it ("the teacher gave us more time here").
                let kind: SeatChange.Kind? = switch r.reason {
                case "pause": .paused
                case "unpause": .resumed
                case "extend": .extended
                case "restart": .restarted
                default: nil
                }
                guard let kind else { break }
                var seconds: Int?
                if kind == .extended, let before = clock, let after = r.clock {
                    let ms = after.paused == true ? before.remaining.flatMap { b in after.remaining.map { $0 - b } }
                        : before.deadline.flatMap { b in after.deadline.map { $0 - b } }
                    seconds = ms.map { Int(($0 + ($0 < 0 ? -500 : 500)) / 1000) }
                }
                seatChanges.append(SeatChange(line: line, seq: r.seq, t: r.t ?? 0, by: r.by ?? "", kind: kind, step: stepCount - 1, seconds: seconds))
            case .presence:
                // Who was online: nothing in the engine.
                break
            case .match:
                issues.append(LogIssue(.extraHeader, line: line, turn: state.turn, key: "log.issue.extra_header"))
            default:
                issues.append(LogIssue(.unknownKind, line: line, turn: state.turn, key: "log.issue.unknown_kind",
                                       ["kind": .text("\(r.kind)"), "format": .text(String(MatchLog.supportedFormat))]))
            }
        }
        if let missing = hashLines.end(tornTail: issues.contains { $0.code == .tornTail }) { issues.append(missing) }
        hashesChecked = hashLines.checked
        hashesMatched = hashLines.matched
        finalState = state
    }

    /// Reads and replays a log file.
    public init(path: String, keepSteps: Bool = true) throws(LogError) {
        self.init(log: try MatchLog(path: path), keepSteps: keepSteps)
    }

    /// Who gave an input, for a `by` field, in the reader's language: a seat's display name with its id (a bot's as
    /// the reader's language names it, `유엔 봇 (s6)`), or the clock, the server or the instructor (a log's header
    /// written without a seat).
    public func name(of by: String, text: MatchText) -> String {
        let phrases = text.phrases
        switch by {
        case "clock": return phrases.text("report.who.clock")
        case "server": return phrases.text("report.who.server")
        case "instructor": return phrases.text("report.who.instructor")
        default: return seats.first { $0.id == by }.map { "\(seatName($0, text: text)) (\(by))" } ?? by
        }
    }

    /// A seat's name: a student's as they typed it, a bot seat's in the reader's language (the log keeps the
    /// server's English, `United Nations bot`).
    public func seatName(_ seat: Seat, text: MatchText) -> String {
        guard seat.bot != nil, let team = seat.team else { return seat.name }
        return text.phrases.text("bot.seat_name", ["team": text.team(team)])
    }

    /// A seat's name by its id (the id itself for a seat that never joined).
    public func seatName(_ id: String, text: MatchText) -> String {
        seats.first { $0.id == id }.map { seatName($0, text: text) } ?? id
    }
}
