import ArmisticeEngine
import ArmisticeLocale
import ArmisticeLog
import Foundation
import ArmisticeWire

extension ServerCore {
    /// Applies an engine input for a seat and acknowledges it; then lets the clock move on if every team has locked.
    func play(_ input: Input, in room: Room, by seat: Seat, from client: ClientID, requestID: JSONValue?, now: Int64,
              into out: inout CoreOutput) throws(ServerError) {
        let seq = try apply(input, to: room, by: seat.id, reason: nil, now: now, into: &out)
        ack(room, seq: seq, client: client, requestID: requestID, into: &out)
        autoAdvance(room, now: now, into: &out)
        botsAct(room, now: now, into: &out)
    }

    /// An event or an adjustment once the scenario has decided the ending (the last turn's results, before the match
    /// closes) could change nothing that counts, and would leave the debrief a state that no longer matches its ending:
    /// refused here, for new requests. The engine still takes them, so a log written before this rule replays as it was.
    func refuseOnceTheEndingIsDecided(_ room: Room) throws(ServerError) {
        guard room.state.outcome != nil, room.state.phase != .ended else { return }
        throw ServerError(.gameOver, key: "error.game_over.decided")
    }

    /// The instructor's `end` once the scenario has decided the ending: the phases left (the adjudication's, the
    /// results') close as the clock would close them, one logged `advance` each, and the request is acknowledged
    /// with the last of them. The ending, its reason and the scores stay the scenario's.
    func closeDecidedMatch(_ room: Room, by seat: Seat, from client: ClientID, requestID: JSONValue?, now: Int64,
                           into out: inout CoreOutput) throws(ServerError) {
        var seq = 0
        for _ in 0..<Phase.allCases.count where room.state.phase != .ended {
            seq = try apply(.advance, to: room, by: seat.id, reason: nil, now: now, into: &out)
        }
        ack(room, seq: seq, client: client, requestID: requestID, into: &out)
    }

    /// Applies one engine input: logs it, moves the clock on a phase change, and sends each audience what changed for it.
    @discardableResult
    func apply(_ input: Input, to room: Room, by: String, reason: String?, now: Int64, into out: inout CoreOutput) throws(ServerError) -> Int {
        var state = room.state
        // The room's copy lets go of the record history, so the engine appends to it in place instead of copying
        // the whole history on every input (the history is appended only on success: a refusal leaves it as it was).
        room.state.records = []
        let started = DispatchTime.now().uptimeNanoseconds
        let records: [Record]
        do {
            records = try room.engine.apply(input, to: &state)
        } catch {
            room.state.records = state.records
            throw ServerError(error)
        }
        let phaseChanged = state.phase != room.state.phase || state.turn != room.state.turn
        let turnBefore = room.state.turn
        if state.phase == .adjudication, phaseChanged {
            out.adjudications.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
        }
        room.state = state
        let authorsChanged = room.noteDraftAuthor(of: input, by: by, turnBefore: turnBefore)
        let seq = room.nextSeq()
        var rec = LogRecord(kind: .input, seq: seq, t: now, by: by)
        rec.input = input
        rec.reason = reason
        if phaseChanged {
            room.clock = room.clockForCurrentPhase(now: now)
            rec.clockState = room.clock
        }
        log(room, rec, into: &out)
        let endedMatch = state.phase == .ended && room.finishedAt == nil
        if endedMatch { room.finishedAt = now }
        for line in HashLinePolicy.lines(after: seq, t: now, records: records, engine: room.engine, state: state, endedMatch: endedMatch) {
            log(room, line, into: &out)
        }
        // A new draft changes only its team's view and the instructor's: the other views need not be rebuilt.
        var audiences = room.audiences
        if case .setOrders(let team, _) = input, let t = room.engine.ruleset.teamIndex(team) { audiences = [.instructor, .team(t)] }
        if room.pending.isEmpty { roomsWithPending.append(room) }
        room.pending.append(.init(seq: seq, records: records, cause: .init(type: input.type, by: by, reason: reason), audiences: audiences,
                                  draftAuthorsChanged: authorsChanged))
        if !batching { flushUpdates(now: now, into: &out) }
        return seq
    }

    /// Sends every room's pending updates (see `flushUpdates(_:now:into:)`).
    func flushUpdates(now: Int64, into out: inout CoreOutput) {
        let rooms = roomsWithPending
        roomsWithPending = []
        for room in rooms { flushUpdates(room, now: now, into: &out) }
    }

    /// Sends each audience one update for the room's inputs applied since the last one (usually one input; several
    /// when a batch of requests brought several, e.g. every team locking at once): their new records and what
    /// changed in its view. Audiences for which nothing changed get nothing. Called before anything else is sent
    /// about the room, so events keep their order.
    func flushUpdates(_ room: Room, now: Int64, into out: inout CoreOutput) {
        guard !room.pending.isEmpty else { return }
        let pending = room.pending
        room.pending = []
        let clock = clockView(room, now: now)
        // What is the same for every audience is encoded once: each record, each cause, the clock.
        let clockJSON = encoder.encode(clock)
        let causeJSON = pending.map { encoder.encode($0.cause) }
        let recordJSON = pending.map { $0.records.map { encoder.encode($0) } }
        // Who sees each record, read once (reading a record out of the list copies all of it).
        let recordVisibility = pending.map { $0.records.map(\.visibleTo) }
        // A change a covert action made, as those who did not order it read it (without its cause): encoded once,
        // for the few records that have such a cause.
        let concealedJSON = pending.map { $0.records.map { r in
            room.engine.hidesCause(of: r, from: .observer) ? encoder.encode(room.engine.record(r, as: .observer)) : nil
        } }
        // Updates carry only the new records: build the views from a copy without the history (cheap: arrays are shared).
        var bare = room.state
        bare.records = []
        // Each team's actions (availability, chance) and consent questions are computed once for all the views of
        // this state (the team's and the instructor's), per language.
        var parts = ViewParts()
        var localParts: [Language: ViewParts] = [:]
        for audience in room.audiences {
            let inputs = pending.indices.filter { pending[$0].audiences.contains(audience) }
            guard let last = inputs.last else { continue }
            var visible: [[UInt8]] = []
            for i in inputs {
                for r in recordVisibility[i].indices where room.sees(audience, visibleTo: recordVisibility[i][r]) {
                    if let concealed = concealedJSON[i][r], room.engine.hidesCause(of: pending[i].records[r], from: room.viewer(audience)) {
                        visible.append(concealed)
                    } else {
                        visible.append(recordJSON[i][r])
                    }
                }
            }
            let seq = pending[last].seq
            // Who set the drafts, when one of these inputs changed it and the audience may know it (not observers).
            let authorsJSON = inputs.contains { pending[$0].draftAuthorsChanged } ? room.draftAuthors(for: audience).map { encoder.encode($0) } : nil
            // Nobody of the audience is connected and keeping up: its view is not built. Whoever comes back gets a
            // snapshot (a resume from before this seq cannot replay it), and that snapshot is the base of later diffs.
            guard hasReaders(room, audience) else {
                room.unbuiltThrough[audience] = seq
                room.staleViews.insert(audience)
                continue
            }
            emit(room, seq: seq, to: audience, into: &out) { prev -> Texts? in
                let view = room.engine.view(of: bare, for: room.viewer(audience), sharing: &parts)
                // Moved out, not copied (a copy retains every list and string of the view): the new view replaces
                // it, and is the same where it matters when nothing changed (records are not diffed).
                let old = room.lastView.removeValue(forKey: audience)
                let changes = ViewChanges(from: old, to: view)
                if visible.isEmpty, changes.isEmpty, authorsJSON == nil {
                    room.lastView[audience] = view
                    return nil
                }
                let encoder = self.encoder
                func text(_ view: GameView, old: GameView?, _ changes: ViewChanges, records: [[UInt8]]) -> [UInt8] {
                    encoder.write { json in
                        json.append(#"{"type":"update","room":""#)
                        json.append(raw: room.code)
                        json.append(#"","seq":"#)
                        json.writeInteger(seq)
                        json.append(#","prev":"#)
                        json.writeInteger(prev)
                        json.append(#","cause":"#)
                        json.append(raw: causeJSON[last])
                        if inputs.count > 1 {
                            json.append(#","causes":["#)
                            for (n, i) in inputs.enumerated() {
                                if n > 0 { json.append(",") }
                                json.append(raw: causeJSON[i])
                            }
                            json.append("]")
                        }
                        json.append(#","records":["#)
                        for (n, record) in records.enumerated() {
                            if n > 0 { json.append(",") }
                            json.append(raw: record)
                        }
                        json.append("]")
                        try changes.write(from: old, to: view, into: json)
                        if let authorsJSON {
                            json.append(#","drafted_by":"#)
                            json.append(raw: authorsJSON)
                        }
                        json.append(#","clock":"#)
                        json.append(raw: clockJSON)
                        json.append("}")
                    }
                }
                func legacyText(_ view: GameView, _ records: [Record]) -> [UInt8] {
                    encoder.encode(ServerMessage.Update(room: room.code, seq: seq, prev: prev, cause: pending[last].cause,
                                                       causes: inputs.count > 1 ? inputs.map { pending[$0].cause } : nil,
                                                       records: records, view: view, clock: clock))
                }
                // As the audience may read them: seen by it, and without the cause of a change a covert action made
                // unless the audience ordered it (the same rule as the view's records and the encoded ones above).
                let records = { inputs.flatMap { pending[$0].records.filter { room.sees(audience, $0) }.map { room.engine.record($0, as: room.viewer(audience)) } } }
                // Readers of another language: the same update with the view and records in their language, diffed
                // from the last view they were sent.
                let localized = { (language: Language, legacy: Bool) -> [UInt8] in
                    let localizer = room.localizer(language)
                    let view = localizer.view(of: bare, for: room.viewer(audience), sharing: &localParts[language, default: ViewParts()])
                    let translated = records().map(localizer.records.translate)
                    if legacy { return legacyText(view, translated) }
                    let old = room.localViews[language]?[audience]
                    room.localViews[language, default: [:]][audience] = view
                    return text(view, old: old, ViewChanges(from: old, to: view), records: translated.map { encoder.encode($0) })
                }
                let current = text(view, old: old, changes, records: visible)
                // Moved in, not copied; the rare armistice.v1 reader's text reads it back from there.
                room.lastView[audience] = view
                return Texts(current: current, legacy: { legacyText(room.lastView[audience]!, records()) }, localized: localized)
            }
        }
    }

    /// In the orders phase (and in a practice room's negotiation), once every team with students has locked in, the
    /// phase ends at once.
    func autoAdvance(_ room: Room, now: Int64, into out: inout CoreOutput) {
        guard room.state.phase == .orders || (room.state.phase == .negotiation && room.settings.practice == true) else { return }
        // In negotiation bots lock only when orders open, so there only the students' teams count.
        guard room.playedTeamsLocked(studentsOnly: room.state.phase != .orders) else { return }
        clockAdvance(room, reason: "all_locked", now: now, into: &out)
    }

    /// The clock ends a phase. The engine refusing is a bug in the room's state, not a client's doing: it is
    /// reported, and the room's clock stops (so it is not retried every tick) until the instructor moves it on.
    @discardableResult
    func clockAdvance(_ room: Room, reason: String, now: Int64, into out: inout CoreOutput) -> Bool {
        do throws(ServerError) {
            _ = try apply(.advance, to: room, by: "clock", reason: reason, now: now, into: &out)
            botsAct(room, now: now, into: &out)
            return true
        } catch {
            out.problems.append("room \(room.code): the clock could not end \(room.state.phase.rawValue) (\(reason)): \(error.code.rawValue): \(error.message)")
            room.clock.deadline = nil
            return false
        }
    }

    // MARK: - Chat

    func chat(_ r: ClientRequest.Chat, room: Room, seat: Seat, client: ClientID, requestID: JSONValue?, now: Int64, into out: inout CoreOutput) throws(ServerError) {
        guard let channel = ChatChannel(r.channel, teams: room.teamIDs) else {
            throw ServerError(.badChannel, key: "error.bad_channel.unknown", ["channel": .text(String(r.channel.prefix(40)))])
        }
        guard channel.canWrite(seat) else {
            throw seat.role == .observer ? ServerError(.badChannel, key: "error.bad_channel.observer")
                : ServerError(.badChannel, key: "error.bad_channel.not_yours", ["channel": .text(channel.name(teams: room.teamIDs))])
        }
        guard let text = TextSanitizer.chat(r.text, maxBytes: limits.chatMaxBytes), !TextSanitizer.chatIsOverLimit(text, limits: limits) else {
            throw ServerError(.chatTooLong, key: "error.chat_too_long.size", sizeArguments(chatTimes: 1))
        }
        guard TextSanitizer.isVisible(text) else { throw ServerError(.emptyMessage, key: "error.empty_message.chat") }
        let seq = postChat(room, by: seat, channel: channel, text: text, now: now, into: &out)
        ack(room, seq: seq, client: client, requestID: requestID, into: &out)
    }

    /// Logs and sends one chat message (already checked); returns its seq.
    @discardableResult
    func postChat(_ room: Room, by seat: Seat, channel: ChatChannel, text: String, now: Int64, into out: inout CoreOutput) -> Int {
        let seq = room.nextSeq()
        let entry = ChatEntry(seq: seq, t: now, seat: seat.id, name: seat.name, channel: channel.name(teams: room.teamIDs), text: text)
        room.chat.append(entry)
        if room.chat.count > limits.chatHistory { room.chat.removeFirst(room.chat.count - limits.chatHistory) }
        var rec = LogRecord(kind: .chat, seq: seq, t: now, by: seat.id)
        rec.channel = entry.channel
        rec.text = text
        log(room, rec, into: &out)
        let message = encoder.encode(entry)
        publish(room, seq: seq, to: channel.audiences(teamCount: room.teamIDs.count), now: now, into: &out) { _, prev in
            Self.event("chat", room: room, seq: seq, prev: prev, field: "message", json: message)
        }
        return seq
    }

    // MARK: - The clock

    func clockCommand(_ request: ClientRequest, room: Room, seat: Seat, client: ClientID, requestID: JSONValue?, now: Int64, into out: inout CoreOutput) throws(ServerError) {
        if room.state.phase == .ended { throw ServerError(.gameOver, key: "error.game_over.clock") }
        guard room.settings.durationMs(room.state.phase) != nil else {
            throw ServerError(.noClock, key: "error.no_clock.phase", ["phase": .phase(room.state.phase.rawValue)])
        }
        var clock = room.clock
        let reason: String
        switch request {
        case .pause:
            guard !clock.paused else { throw ServerError(.alreadyPaused, key: "error.already_paused.clock") }
            clock = ClockState(deadline: nil, remaining: max(0, (clock.deadline ?? now) - now), paused: true)
            reason = "pause"
        case .unpause:
            guard clock.paused else { throw ServerError(.notPaused, key: "error.not_paused.clock") }
            clock = ClockState(deadline: now + (clock.remaining ?? 0))
            reason = "unpause"
        case .extend(let e):
            guard (-limits.maxExtendSeconds...limits.maxExtendSeconds).contains(e.seconds), e.seconds != 0 else {
                throw ServerError(.badParameter, key: "error.bad_parameter.extend", ["max": .number(limits.maxExtendSeconds)])
            }
            let delta = Int64(e.seconds) * 1000
            if clock.paused { clock.remaining = max(0, (clock.remaining ?? 0) + delta) } else { clock.deadline = max(now, (clock.deadline ?? now) + delta) }
            reason = "extend"
        default: return
        }
        let seq = setClock(room, clock, reason: reason, by: seat.id, now: now, into: &out)
        ack(room, seq: seq, client: client, requestID: requestID, into: &out)
    }

    @discardableResult
    func setClock(_ room: Room, _ clock: ClockState, reason: String, by: String, now: Int64, into out: inout CoreOutput) -> Int {
        room.clock = clock
        let seq = room.nextSeq()
        var rec = LogRecord(kind: .clock, seq: seq, t: now, by: by)
        rec.reason = reason
        rec.clockState = clock
        log(room, rec, into: &out)
        let view = clockView(room, now: now)
        publish(room, seq: seq, to: room.audiences, now: now, into: &out) { _, prev in
            encoder.encode(ServerMessage.ClockEvent(room: room.code, seq: seq, prev: prev, reason: reason, clock: view))
        }
        return seq
    }

    /// Moves every room whose phase deadline has passed; looks after slow readers and idle bookkeeping.
    public func tick(now: Int64, into out: inout CoreOutput) {
        for room in rooms.values {
            var guardCount = 0
            while !room.isOver, !room.clock.paused, let deadline = room.clock.deadline, deadline <= now, guardCount < 8 {
                guardCount += 1
                if room.state.phase == .orders {
                    // Absent teams are played first; if that locked the last team, the phase has ended already.
                    let turn = room.state.turn
                    absentTeamsAct(room, now: now, into: &out)
                    if room.state.phase != .orders || room.state.turn != turn { continue }
                }
                if !clockAdvance(room, reason: "deadline", now: now, into: &out) { break }
                autoAdvance(room, now: now, into: &out)
            }
        }
        // Only the connections that may need it: yet to say hello, or too slow to read (most are neither, and a
        // batch comes many times a second).
        for id in watched {
            guard let client = clients[id], !client.closing, !client.hello || client.slowSince != nil else {
                watched.remove(id)
                continue
            }
            if !client.hello, now - client.opened >= limits.helloDeadlineMs {
                clients[id]?.closing = true
                out.closes.append(.init(client: id, kind: .policyViolation,
                                        reason: "no hello within \(limits.helloDeadlineMs / 1000) s; say hello first"))
                continue
            }
            guard let since = client.slowSince, !client.closing else { continue }
            if now - since >= limits.slowReaderDropMs {
                clients[id]?.closing = true
                out.closes.append(.init(client: id, kind: .policyViolation, reason: "too slow: messages were not read"))
            } else if now - client.lastResync >= limits.resyncIntervalMs, let code = client.room, let seatID = client.seat,
                      let room = rooms[code], let i = room.seatIndex(seatID) {
                clients[id]?.lastResync = now
                sendSnapshot(room, seat: room.seats[i], requestID: nil, to: id, resync: true, now: now, into: &out)
            }
        }
        for (code, room) in rooms {
            if let finished = room.finishedAt, now - finished > limits.finishedRoomLingerMs, !room.seats.contains(where: { $0.connection != nil }) {
                evict(code)
            }
        }
        joinFailures.prune(now: now)
        keyFailures.prune(now: now)
    }

    /// The earliest phase deadline, so the executor knows when to wake.
    public var nextDeadline: Int64? {
        var earliest: Int64?
        for room in rooms.values where !room.clock.paused && !room.isOver {
            if let deadline = room.clock.deadline, deadline < earliest ?? .max { earliest = deadline }
        }
        return earliest
    }

    /// The transport could not queue a message for these connections: stop sending to them until a snapshot gets through.
    public func sendFailed(_ ids: [ClientID], now: Int64) {
        for id in ids where clients[id] != nil && clients[id]?.slowSince == nil {
            watched.insert(id)
            clients[id]?.slowSince = now
            clients[id]?.lastResync = now
        }
    }

    /// A resync snapshot was queued: the connection receives room messages again.
    public func resyncQueued(_ id: ClientID) {
        clients[id]?.slowSince = nil
    }

    /// Lets a room go from memory (its log stays on disk; its tokens now answer token_expired).
    public func evict(_ code: String) {
        guard let room = rooms.removeValue(forKey: code) else { return }
        for seat in room.seats { tokens[seat.tokenHash] = nil }
        for (id, client) in clients where client.room == code {
            clients[id]?.room = nil
            clients[id]?.seat = nil
        }
    }

    /// Connections in a room (to close them when the room is dropped).
    public func connections(in code: String) -> [ClientID] {
        clients.values.filter { $0.room == code }.map(\.id)
    }

    /// Every open connection.
    public var allConnections: [ClientID] { Array(clients.keys) }
}
