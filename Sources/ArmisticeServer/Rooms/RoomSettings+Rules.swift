import ArmisticeEngine
import ArmisticeLog
import ArmisticeWire

/// What the server derives from a room's settings (the settings themselves are a wire type).
extension RoomSettings {
    /// The duration of a phase in milliseconds, or nil for phases that wait for the instructor (setup, ended).
    public func durationMs(_ phase: Phase) -> Int64? {
        guard Phase.turnPhases.contains(phase) else { return nil }
        return Int64(phases[phase.rawValue] ?? 60) * 1000
    }

    /// The ruleset with these settings applied (as a replay of the room's log applies them).
    public func apply(to ruleset: Ruleset) -> Ruleset { LogRecord.Settings(self).apply(to: ruleset) }
}
