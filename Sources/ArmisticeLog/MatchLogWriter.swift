import ArmisticeEngine
import Foundation

/// Writes a match log in the documented format (docs/match-log.md) for a match played without a server: simulations,
/// tests and benchmarks. It applies each input to the engine as the server does and logs the same records: the
/// header, inputs with the clock on phase changes, a hash line after every adjudication and a final one at the end.
public struct MatchLogWriter {
    public let engine: Engine
    public private(set) var state: GameState
    /// The log so far, one JSON record per element (no line ends).
    public private(set) var lines: [String] = []
    public private(set) var seq = 0
    /// The clock of the log, in milliseconds since 1970; each record advances it by `tick`.
    public var now: Int64
    public var tick: Int64 = 1000
    private let settings: LogRecord.Settings
    private let encoder = LogRecordEncoder()
    /// The lines other than hash lines so far, as each hash line carries them (`lines_hash`), as the server writes it.
    private var linesHash = LinesHash()

    /// Starts a log: loads the ruleset text, applies the settings and writes the header.
    public init(rulesetText: String, settings: LogRecord.Settings, room: String = "SIMLOG", start: Int64 = 1_800_000_000_000) throws(LogError) {
        let ruleset: Ruleset
        do { ruleset = try RulesetLoader.load(text: rulesetText, file: "\(room) (ruleset)", variant: settings.variant) } catch {
            throw LogError(.rulesetInvalid, key: "log.error.writer_ruleset_invalid", ["reason": .text(error.diagnostics.first.map { "\($0)" } ?? "")])
        }
        var settings = settings
        if settings.ruleset == nil { settings.ruleset = ruleset.id }
        if settings.turns == nil { settings.turns = ruleset.calendar.turns }
        if settings.phases == nil {
            settings.phases = Dictionary(uniqueKeysWithValues: Phase.turnPhases.map { ($0.rawValue, ruleset.phaseDurations[$0] ?? 60) })
        }
        self.settings = settings
        engine = Engine(ruleset: settings.apply(to: ruleset), keepsHistory: false)
        state = engine.newGame(seed: settings.seed)
        now = start
        var header = LogRecord(kind: .match, seq: 0, t: now, by: "instructor")
        header.format = MatchLog.supportedFormat
        header.room = room
        header.rulesetText = rulesetText
        header.rulesetHash = ruleset.sourceHash
        header.settings = settings
        write(header)
    }

    /// The log as file bytes: every record followed by a line end.
    public var text: String { lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n") }

    /// Applies an input and logs it (and the hash lines it produces). A refused input is not logged, as on the server.
    @discardableResult
    public mutating func apply(_ input: Input, by: String, reason: String? = nil) throws(EngineError) -> [Record] {
        let before = (state.turn, state.phase)
        let records = try engine.apply(input, to: &state)
        seq += 1
        now += tick
        var line = LogRecord(kind: .input, seq: seq, t: now, by: by)
        line.input = input
        line.reason = reason
        if before != (state.turn, state.phase), let seconds = settings.phases?[state.phase.rawValue], Phase.turnPhases.contains(state.phase) {
            line.clock = LogRecord.Clock(deadline: now + Int64(seconds) * 1000, paused: false)
        } else if before != (state.turn, state.phase) {
            line.clock = LogRecord.Clock(paused: false)
        }
        write(line)
        for h in HashLinePolicy.lines(after: seq, t: now, records: records, engine: engine, state: state, endedMatch: state.phase == .ended) { write(h) }
        return records
    }

    /// Logs a seat taken by a student, observer or instructor.
    public mutating func join(seat: String, name: String, role: String = "player", team: String? = nil) {
        seq += 1
        now += tick
        var line = LogRecord(kind: .join, seq: seq, t: now, by: seat)
        line.seat = seat
        line.name = name
        line.role = role
        line.team = team
        line.tokenHash = String(repeating: "0", count: 64)
        write(line)
    }

    /// Logs a chat message.
    public mutating func chat(by seat: String, channel: String, text: String) {
        seq += 1
        now += tick
        var line = LogRecord(kind: .chat, seq: seq, t: now, by: seat)
        line.channel = channel
        line.text = text
        write(line)
    }

    private mutating func write(_ record: LogRecord) {
        // The record's fields are plain values: encoding cannot fail.
        lines.append((try? linesHash.line(for: record, encode: encoder.line)) ?? "")
    }
}

extension MatchLogWriter {
    /// Plays a whole match the way the bots of `armistice simulate` do, logging every input: one student per team
    /// joins; in each orders phase every team sets the orders `orders` gives (`drafts` times, as students revise them)
    /// and locks; `chat` messages per team per turn. `negotiate` gives each negotiation phase's inputs (deals), each
    /// with the team index whose student gives it. Stops when the match ends, or with an `end` once the log has
    /// `maxLines` lines.
    public mutating func playWhole(drafts: Int = 1, chat chatPerTurn: Int = 0, maxLines: Int = .max,
                                   negotiate: ((Engine, GameState) -> [(input: Input, team: Int)])? = nil,
                                   orders: (Engine, GameState, Int) -> TeamOrders) throws(EngineError) {
        let teams = engine.ruleset.teams
        join(seat: "s1", name: "Instructor", role: "instructor")
        for (t, team) in teams.enumerated() { join(seat: "s\(t + 2)", name: "\(team.name) player", team: team.id) }
        try apply(.start, by: "s1")
        while !state.isOver {
            if lines.count >= maxLines {
                try apply(.end(reason: "the log is long enough"), by: "s1")
                break
            }
            if state.phase == .orders {
                for (t, team) in teams.enumerated() {
                    for k in 0..<chatPerTurn {
                        chat(by: "s\(t + 2)", channel: k % 2 == 0 ? "all" : "team:\(team.id)", text: "turn \(state.turn): message \(k + 1) from \(team.name)")
                    }
                    let chosen = orders(engine, state, t)
                    for _ in 0..<max(1, drafts) { try apply(.setOrders(team: team.id, orders: chosen), by: "s\(t + 2)") }
                    try apply(.lockOrders(team: team.id), by: "s\(t + 2)")
                }
                try apply(.advance, by: "clock", reason: "all_locked")
            } else if state.phase == .negotiation, let negotiate {
                for (input, t) in negotiate(engine, state) { try apply(input, by: "s\(t + 2)") }
                try apply(.advance, by: "clock", reason: "deadline")
            } else {
                try apply(.advance, by: "clock", reason: "deadline")
            }
        }
    }
}
