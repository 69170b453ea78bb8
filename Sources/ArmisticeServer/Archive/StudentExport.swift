import ArmisticeLog
import ArmisticeWire

/// Everything the archive holds about one student, for a teacher answering a data request: across the teacher's
/// matches, each seat whose name is the one asked for (compared without regard to case or surrounding spaces), with
/// its team, role, chat and accepted inputs, as in the match logs.
public struct StudentExport: Sendable, Codable {
    public struct Match: Sendable, Codable {
        public var code: String
        public var scenario: String
        public var created: Int64
        public var seats: [SeatData]
        /// The chat records the student's seats wrote (as in the log).
        public var chat: [LogRecord]
        /// The inputs the student's seats gave (as in the log).
        public var inputs: [LogRecord]
    }
    public struct SeatData: Sendable, Codable {
        public var seat: String
        public var name: String
        public var role: SeatRole?
        /// The team the seat ended on (moves are in `moves`).
        public var team: String?
        public var joined: Int64
        /// The instructor's moves of this seat, as in the log.
        public var moves: [LogRecord]
    }

    public var name: String
    public var exported: Int64
    public var matches: [Match]

    /// Collects a student's data from match logs (`logs`: each match's code and records).
    public static func collect(name: String, from logs: [(code: String, records: [LogRecord])], now: Int64) -> StudentExport {
        let wanted = Self.key(name)
        var matches: [Match] = []
        for (code, records) in logs {
            guard let header = records.first, let settings = header.roomSettings else { continue }
            var seats: [SeatData] = []
            for r in records where r.kind == .join && r.bot == nil {
                guard let seat = r.seat, let seatName = r.name, Self.key(seatName) == wanted else { continue }
                let moves = records.filter { $0.kind == .seat && $0.seat == seat }
                let last = moves.last { $0.removed != true }
                seats.append(SeatData(seat: seat, name: seatName, role: last?.seatRole ?? r.seatRole, team: last.map { $0.team } ?? r.team,
                                      joined: r.t ?? 0, moves: moves))
            }
            guard !seats.isEmpty else { continue }
            let ids = Set(seats.map(\.seat))
            matches.append(Match(code: code, scenario: settings.ruleset, created: header.t ?? 0, seats: seats,
                                 chat: records.filter { $0.kind == .chat && ids.contains($0.by ?? "") },
                                 inputs: records.filter { $0.kind == .input && ids.contains($0.by ?? "") }))
        }
        return StudentExport(name: name, exported: now, matches: matches.sorted { $0.created < $1.created })
    }

    static func key(_ name: String) -> String { name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }
}
