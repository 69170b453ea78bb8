import ArmisticeBots
import ArmisticeEngine
import ArmisticeLocale
import ArmisticeErrors
import ArmisticeLog
import ArmisticeWire

/// Bots at the table. A team with a bot seat is played by its bot whenever none of its students is online: the bot
/// drafts when negotiation opens, answers the deals put to its team by its documented rule (`SeatBot.accepts`), and
/// drafts again and locks when the orders phase opens, so "every team has locked" still ends the phase early. A
/// room's `absent` setting covers teams without a bot whose students are all offline as orders open or close. Every
/// decision is an ordinary input logged with the bot's seat (or `bot`, for the absent rule), made from the team's
/// view alone, so replays verify byte for byte.
extension ServerCore {
    /// `set_bot`: puts a bot of `policy` on a team (replacing one already there), or takes it off (no policy).
    func setBot(_ r: ClientRequest.SetBot, room: Room, by: Seat, client: ClientID, requestID: JSONValue?, now: Int64,
                into out: inout CoreOutput) throws(ServerError) {
        guard room.state.phase != .ended else {
            throw ServerError(.gameOver, key: "error.game_over.bots")
        }
        guard let t = room.engine.ruleset.teamIndex(r.team) else {
            throw ServerError(.unknownTeam, key: "error.unknown_team.choices", ["team": .text(String(r.team.prefix(40))), "teams": .list(room.teamIDs.map(ErrorArgument.text))])
        }
        var kind: BotKind?
        if let policy = r.policy {
            guard let k = BotKind(rawValue: policy) else {
                throw ServerError(.badParameter, key: "error.bad_parameter.bot_policy",
                                  ["policy": .text(String(policy.prefix(40))), "policies": .list(BotKind.allCases.map { .text($0.rawValue) })])
            }
            kind = k
        }
        var seq: Int?
        if let i = room.seats.firstIndex(where: { !$0.removed && $0.bot != nil && $0.team == t }) {
            seq = room.nextSeq()
            room.seats[i].removed = true
            var rec = LogRecord(kind: .seat, seq: seq!, t: now, by: by.id)
            rec.seat = room.seats[i].id
            rec.removed = true
            log(room, rec, into: &out)
        }
        if let kind { seq = try seatBot(kind, team: t, in: room, now: now, into: &out) }
        guard let seq else { throw ServerError(.badRequest, key: "error.bad_request.no_bot", ["team": .team(room.teamIDs[t])], names: room.engine.ruleset) }
        rosterEvent(room, seq: seq, now: now, into: &out)
        ack(room, seq: seq, client: client, requestID: requestID, into: &out)
        botsAct(room, now: now, into: &out)
    }

    /// Adds a bot seat (logged as a join with its policy); returns its seq.
    @discardableResult
    func seatBot(_ kind: BotKind, team t: Int, in room: Room, now: Int64, into out: inout CoreOutput) throws(ServerError) -> Int {
        guard room.activeSeats.count < limits.maxSeatsPerRoom else { throw ServerError(.roomFull, key: "error.room_full.limit", ["limit": .number(limits.maxSeatsPerRoom)]) }
        let seq = room.nextSeq()
        let team = room.engine.ruleset.teams[t]
        let seat = Seat(id: "s\(room.seats.count + 1)", name: "\(team.name) bot", role: .player, team: t, tokenHash: "",
                        bot: kind, connection: nil, audienceSince: seq)
        room.seats.append(seat)
        var r = LogRecord(kind: .join, seq: seq, t: now, by: seat.id)
        r.seat = seat.id
        r.name = seat.name
        r.seatRole = .player
        r.team = team.id
        r.bot = kind.rawValue
        log(room, r, into: &out)
        return seq
    }

    /// The bot that plays a team now: its bot seat's, while none of its students is online.
    func activeBot(_ room: Room, team t: Int) -> (seat: Seat, bot: SeatBot)? {
        guard let seat = room.activeSeats.first(where: { $0.bot != nil && $0.team == t }), let kind = seat.bot else { return nil }
        let studentOnline = room.activeSeats.contains { $0.bot == nil && $0.role == .player && $0.team == t && $0.connection != nil }
        return studentOnline ? nil : (seat, SeatBot(kind: kind))
    }

    /// Lets every bot do what the moment asks of it. Inputs bots give do not make bots act again inside them;
    /// the loop goes round again instead (a lock may end the phase, and the next phase may ask for more).
    func botsAct(_ room: Room, now: Int64, into out: inout CoreOutput) {
        // Called after every input: a room with no bot seat and no absent rule has nothing to do here.
        guard !room.botsActing, (room.settings.absent ?? .nothing) != .nothing || room.seats.contains(where: { $0.bot != nil && !$0.removed })
        else { return }
        room.botsActing = true
        defer { room.botsActing = false }
        for _ in 0..<4 {
            let before = room.seq
            for t in room.engine.ruleset.teams.indices {
                guard let (seat, bot) = activeBot(room, team: t) else { continue }
                botTurn(room, team: t, seat: seat, bot: bot, now: now, into: &out)
            }
            if room.state.phase == .orders { absentTeamsAct(room, now: now, into: &out) }
            if room.seq == before { break }
        }
    }

    private func botTurn(_ room: Room, team t: Int, seat: Seat, bot: SeatBot, now: Int64, into out: inout CoreOutput) {
        let team = room.engine.ruleset.teams[t]
        switch room.state.phase {
        case .negotiation:
            if room.botDrafted[t] != room.state.turn {
                room.botDrafted[t] = room.state.turn
                botDraft(room, team: t, by: seat.id, bot: bot, now: now, into: &out)
            }
            for deal in room.state.deals where deal.status == .open && deal.parties.contains(team.id) && !deal.accepted.contains(team.id) {
                let accept = bot.accepts(deal, engine: room.engine, state: room.state, team: t)
                guard (try? apply(.respondToDeal(team: team.id, deal: deal.id, accept: accept), to: room, by: seat.id, reason: nil, now: now, into: &out)) != nil
                else { continue }
                let line = botDealLine(room, team: t, deal: deal.id, accept: accept)
                for other in deal.parties where other != team.id {
                    if let o = room.engine.ruleset.teamIndex(other) { postChat(room, by: seat, channel: .pair(min(t, o), max(t, o)), text: line, now: now, into: &out) }
                }
            }
        case .orders:
            guard !room.state.locked[t] else { return }
            botDraft(room, team: t, by: seat.id, bot: bot, now: now, into: &out)
            _ = try? apply(.lockOrders(team: team.id), to: room, by: seat.id, reason: nil, now: now, into: &out)
            autoAdvance(room, now: now, into: &out)
        default: break
        }
    }

    /// What a bot says to the deal's other parties when it answers: in the room's language, its team named as the
    /// scenario names it there (chat is what was said, so it is written once, as the room read at the time).
    private func botDealLine(_ room: Room, team t: Int, deal: Int, accept: Bool) -> String {
        let language = room.language
        let name = room.localizer(language).engine.ruleset.teams[t].name
        let text = Catalog(language: language).text(accept ? "chat.bot.deal_accepts" : "chat.bot.deal_declines",
                                                    ["team": name, "deal": String(deal)])
        return Josa.resolvingParticles(text, in: language)
    }

    /// Sets the bot's draft unless it is the draft already there.
    private func botDraft(_ room: Room, team t: Int, by: String, bot: SeatBot, reason: String? = nil, now: Int64, into out: inout CoreOutput) {
        let orders = bot.orders(engine: room.engine, state: room.state, team: t)
        guard orders != room.state.drafts[t] else { return }
        _ = try? apply(.setOrders(team: room.engine.ruleset.teams[t].id, orders: orders), to: room, by: by, reason: reason, now: now, into: &out)
    }

    /// The room's `absent` rule, for teams without a bot that have students, none of them online, and have not locked.
    func absentTeamsAct(_ room: Room, now: Int64, into out: inout CoreOutput) {
        guard let policy = room.settings.absent, policy != .nothing, room.state.phase == .orders else { return }
        for t in room.engine.ruleset.teams.indices where !room.state.locked[t] {
            let students = room.activeSeats.filter { $0.bot == nil && $0.role == .player && $0.team == t }
            guard !students.isEmpty, !students.contains(where: { $0.connection != nil }),
                  !room.activeSeats.contains(where: { $0.bot != nil && $0.team == t }) else { continue }
            let id = room.engine.ruleset.teams[t].id
            switch policy {
            case .hold:
                if room.state.drafts[t] != TeamOrders() {
                    _ = try? apply(.setOrders(team: id, orders: TeamOrders()), to: room, by: "server", reason: "absent: hold", now: now, into: &out)
                }
            case .bot:
                botDraft(room, team: t, by: "bot", bot: SeatBot(kind: .greedy), reason: "absent: bot", now: now, into: &out)
            case .nothing: break
            }
            _ = try? apply(.lockOrders(team: id), to: room, by: policy == .hold ? "server" : "bot", reason: "absent: \(policy.rawValue)", now: now, into: &out)
            autoAdvance(room, now: now, into: &out)
        }
    }
}
