import ArmisticeLog
import ArmisticeWire

/// The server's types as a log record carries them: the record keeps them as the format writes them (strings,
/// optionals), the room keeps them checked.
extension LogRecord {
    /// The seat's role, if the record names one the server knows.
    var seatRole: SeatRole? {
        get { role.flatMap(SeatRole.init(rawValue:)) }
        set { role = newValue?.rawValue }
    }

    /// The header's settings, if they are whole (the server always writes turns and phases) and name a known absent policy.
    var roomSettings: RoomSettings? {
        get {
            guard let s = settings, let ruleset = s.ruleset, let turns = s.turns, let phases = s.phases else { return nil }
            var absent: AbsentPolicy?
            if let name = s.absent { guard let policy = AbsentPolicy(rawValue: name) else { return nil }; absent = policy }
            return RoomSettings(ruleset: ruleset, seed: s.seed, turns: turns, phases: phases, variant: s.variant, absent: absent,
                                practice: s.practice, nicknames: s.nicknames, language: s.language)
        }
        set { settings = newValue.map(Settings.init) }
    }

    /// The clock after this record, when it changed.
    var clockState: ClockState? {
        get { clock.map { ClockState(deadline: $0.deadline, remaining: $0.remaining, paused: $0.paused ?? false) } }
        set { clock = newValue.map { Clock(deadline: $0.deadline, remaining: $0.remaining, paused: $0.paused) } }
    }
}

extension LogRecord.Settings {
    /// A room's settings as its header writes them.
    init(_ s: RoomSettings) {
        self.init(ruleset: s.ruleset, seed: s.seed, turns: s.turns, phases: s.phases, variant: s.variant, absent: s.absent?.rawValue,
                  practice: s.practice, nicknames: s.nicknames, language: s.language)
    }
}
