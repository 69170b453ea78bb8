import ArmisticeLog

/// A room's log that cannot be written, restored or replayed by the server.
public struct MatchLogError: Error, Sendable, CustomStringConvertible {
    public var description: String
    /// Whether `description` already says what to do about it.
    public var saysWhatToDo = false
    public init(_ description: String) { self.description = description }
    /// A log that cannot be read at all.
    public init(_ error: LogError) { description = error.message }

    /// Why a room was not brought back from its log at start, with what that means and what to do: the match is not
    /// reopened (a room is rebuilt only from every record of its log, each depending on the ones before), the archive
    /// lists it as stopped, and a good copy of the log brings it back.
    public static func notRestored(_ error: any Error, path: String) -> MatchLogError {
        if let error = error as? MatchLogError, error.saysWhatToDo { return error }
        var advised = MatchLogError("\(path): \(error). The room is not reopened: it is rebuilt only from every record of its log. "
                                    + "Its match is listed as stopped in the archive (GET /api/teacher/rooms, My rooms), where the admin "
                                    + "(and its owner, when its header can be read) can download its log (`armistice replay LOG` reads what it holds) or delete it. To play on, "
                                    + "put back a good copy of the log (or mend the line) and restart the server")
        advised.saysWhatToDo = true
        return advised
    }
}
