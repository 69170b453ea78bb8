import ArmisticeBots
import ArmisticeEngine
import ArmisticeLog
import ArmisticeWire
import Foundation

/// Rebuilds a room from its log records, checking every recorded state hash along the way.
public enum MatchReplay {
    /// The result of replaying a log through the engine.
    public struct Result: Sendable {
        public var state: GameState
        public var finalHash: String
        /// The hash records that matched the replay.
        public var hashesChecked: Int
        public var inputs: Int
    }

    /// Replays a log's inputs through the engine from its own ruleset text. Throws if an input is refused or a hash differs.
    public static func replay(_ records: [LogRecord]) throws(MatchLogError) -> Result {
        let room = try rebuild(records, now: 0)
        let inputs = records.filter { $0.kind == .input }.count
        return Result(state: room.state, finalHash: room.engine.stateHash(room.state),
                      hashesChecked: records.filter { $0.kind == .hash }.count, inputs: inputs)
    }

    /// A room as its log leaves it: state, seats (all offline), chat, clock and seq. The log is checked as a replay
    /// checks it (`SeqCheck`, `HashLineCheck`): a record out of order, repeated or missing, a hash that differs or a
    /// hash line missing, anything `armistice replay` would call NOT VERIFIED, stops the rebuild. Only the hash lines
    /// of the last input may be missing, when nothing follows them (a write cut off there): see `rebuildOwing`.
    static func rebuild(_ records: [LogRecord], now: Int64, chatHistory: Int = 300) throws(MatchLogError) -> Room {
        try rebuildOwing(records, now: now, chatHistory: chatHistory).room
    }

    /// `rebuild`, and the hash lines the log's last input owes at its end (`HashLineCheck.owedLines`), which the
    /// server writes before anything else so the log verifies again.
    static func rebuildOwing(_ records: [LogRecord], now: Int64, chatHistory: Int = 300) throws(MatchLogError) -> (room: Room, owed: [LogRecord]) {
        guard let header = records.first, header.kind == .match, let code = header.room, let text = header.rulesetText,
              let settings = header.roomSettings else { throw MatchLogError("the first record is not a match header") }
        guard header.format == LogRecord.format else { throw MatchLogError("log format \(header.format ?? 0) is not \(LogRecord.format)") }
        let ruleset: Ruleset
        do { ruleset = try RulesetLoader.load(text: text, file: "\(code) (log)", variant: settings.variant) } catch {
            throw MatchLogError("the logged ruleset no longer loads: \(error.diagnostics.first.map { "\($0)" } ?? "")")
        }
        if let hash = header.rulesetHash, hash != ruleset.sourceHash { throw MatchLogError("the ruleset text does not match its hash") }
        let room = Room(code: code, createdAt: header.t ?? 0, rulesetText: text, ruleset: ruleset, settings: settings)
        room.owner = header.owner
        var hashLines = HashLineCheck()
        var seqs = SeqCheck(header: header.seq)
        for (i, r) in records.enumerated().dropFirst() {
            room.seq = max(room.seq, r.seq)
            if r.kind != .hash {
                // The first problem a replay would name: the rebuild stops there, as nothing after it can be trusted.
                if let missing = hashLines.otherLine(line: i + 1, turn: room.state.turn) { throw MatchLogError("line \(missing.line): \(missing.message)") }
                if r.kind != .match, let wrong = seqs.record(r, line: i + 1, turn: room.state.turn) { throw MatchLogError("line \(wrong.line): \(wrong.message)") }
            }
            switch r.kind {
            case .match: throw MatchLogError("a second match header at seq \(r.seq)")
            case .input:
                guard let input = r.input else { throw MatchLogError("input record \(r.seq) has no input") }
                let applied: [Record]
                let wasOver = room.state.isOver
                let turnBefore = room.state.turn
                do { applied = try room.engine.apply(input, to: &room.state) } catch {
                    throw MatchLogError("input \(r.seq) (\(input.type)) is refused on replay: \(error)")
                }
                hashLines.applied(line: i + 1, seq: r.seq, t: r.t ?? 0, records: applied,
                                  finalHash: room.state.isOver && !wasOver ? (room.state.turn, room.engine.stateHash(room.state)) : nil)
                room.noteDraftAuthor(of: input, by: r.by ?? "", turnBefore: turnBefore)
                if room.state.phase == .ended, room.finishedAt == nil { room.finishedAt = r.t ?? 0 }
            case .hash:
                let issues = hashLines.hashLine(r, line: i + 1, engine: room.engine, state: room.state)
                if let bad = issues.first(where: \.failsVerification) {
                    // The rebuild stops here: nothing is skipped, whatever a replay would do with the line.
                    throw MatchLogError("record \(r.seq): \(bad.message.hasSuffix(LogReader.skipped) ? String(bad.message.dropLast(LogReader.skipped.count)) : bad.message)")
                }
            case .join:
                guard let id = r.seat, let role = r.seatRole, let hash = r.tokenHash ?? (r.bot != nil ? "" : nil) else {
                    throw MatchLogError("join record \(r.seq) is incomplete")
                }
                room.seats.append(Seat(id: id, name: r.name ?? id, role: role, team: r.team.flatMap(ruleset.teamIndex), tokenHash: hash,
                                       bot: r.bot.flatMap(BotKind.init(rawValue:)), connection: nil, audienceSince: r.seq))
            case .seat:
                guard let id = r.seat, let i = room.seatIndex(id) else { throw MatchLogError("seat record \(r.seq) names an unknown seat") }
                if r.removed == true { room.seats[i].removed = true } else {
                    room.seats[i].role = r.seatRole ?? .player
                    room.seats[i].team = r.team.flatMap(ruleset.teamIndex)
                    room.seats[i].audienceSince = r.seq
                }
            case .presence: break
            case .chat:
                room.chat.append(ChatEntry(seq: r.seq, t: r.t ?? 0, seat: r.by ?? "", name: room.seats.first { $0.id == r.by }?.name ?? "",
                                           channel: r.channel ?? "all", text: r.text ?? ""))
                if room.chat.count > chatHistory { room.chat.removeFirst(room.chat.count - chatHistory) }
            case .clock: break
            case .joining:
                guard let open = r.open else { throw MatchLogError("joining record \(r.seq) says neither open nor closed") }
                room.joiningClosed = !open
            default: throw MatchLogError("record \(r.seq) is a \"\(r.kind)\" record, which log format \(LogRecord.format) does not have")
            }
            if let clock = r.clockState { room.clock = clock }
        }
        room.trimmedThrough = room.seq
        for audience in room.audiences { room.lastSent[audience] = room.seq }
        return (room, hashLines.owedLines)
    }
}
