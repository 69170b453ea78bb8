import ArmisticeLog
import Foundation

extension ServerCore {
    /// Brings back a room from its log, checked as `armistice replay` checks them (`MatchReplay.rebuild`: a
    /// log a replay would not verify is refused). Hash lines the last input owes (a write cut off after its line) are
    /// logged first. A running phase gets at least `restartGraceMs` more, so
    /// students have time to reconnect; that change is logged. Returns the room, or nil if the match had finished.
    /// A finished match stays readable (resume, snapshot, debrief) until `finishedRoomLingerMs` after it finished,
    /// as it would have without the restart; it is then let go like any finished room.
    @discardableResult
    public func restore(_ saved: LogReader.Restorable, now: Int64, into out: inout CoreOutput) throws(MatchLogError) -> Room? {
        // A line that is not as the server wrote it (a chat or a replaced draft edited): as for a state hash that differs.
        if let differ = saved.linesDiffer { throw MatchLogError("line \(differ.line): \(differ.message)") }
        let (room, owed) = try MatchReplay.rebuildOwing(saved.records, now: now, chatHistory: limits.chatHistory)
        room.linesHash = saved.linesHash
        takenCodes.insert(room.code)
        let letGo = room.isOver && room.finishedAt.map({ now - $0 > limits.finishedRoomLingerMs }) ?? true
        guard letGo || rooms[room.code] == nil else { throw MatchLogError("room \(room.code) is already open") }
        for line in owed { log(room, line, into: &out) }
        if letGo { return nil }
        rooms[room.code] = room
        for seat in room.seats where !seat.removed && seat.bot == nil { tokens[seat.tokenHash] = (room.code, seat.id) }
        if room.isOver { return nil }
        if !room.clock.paused, let deadline = room.clock.deadline {
            var clock = room.clock
            clock.deadline = max(deadline, now + limits.restartGraceMs)
            setClock(room, clock, reason: "restart", by: "server", now: now, into: &out)
        }
        return room
    }

    /// Marks codes of logs on disk (finished or not) as taken, so a new room never reuses one.
    public func reserve(codes: some Sequence<String>) {
        takenCodes.formUnion(codes)
    }
}
