import ArmisticeBots
import ArmisticeEngine
import ArmisticeErrors
import ArmisticeLocale
import ArmisticeLog
import Foundation
import ArmisticeWire

extension ServerCore {
    func createRoom(_ r: ClientRequest.CreateRoom, from id: ClientID, requestID: JSONValue?, now: Int64, into out: inout CoreOutput) throws(ServerError) {
        guard clients[id]?.seat == nil else { throw ServerError(.alreadyJoined, key: "error.already_joined.seat") }
        let principal = try checkInstructorKey(r.key, from: id, now: now, refusal: "error.bad_instructor_key.create", into: &out)
        guard let entry = catalog[r.ruleset] else {
            throw catalog.ids.isEmpty ? ServerError(.unknownRuleset, key: "error.unknown_ruleset.none_loaded")
                : ServerError(.unknownRuleset, key: "error.unknown_ruleset.unknown",
                              ["ruleset": .text(String(r.ruleset.prefix(40))), "rulesets": .list(catalog.ids.map(ErrorArgument.text))])
        }
        guard let rules = entry.ruleset(variant: r.variant) else {
            let arguments: [String: ErrorArgument] = ["ruleset": .text(String(r.ruleset.prefix(40))), "variant": .text(String(r.variant?.prefix(40) ?? "")),
                                                      "variants": .list(entry.ruleset.variants.map { .text($0.id) })]
            throw entry.ruleset.variants.isEmpty ? ServerError(.badSettings, key: "error.bad_settings.no_variants", arguments)
                : ServerError(.badSettings, key: "error.bad_settings.variant", arguments)
        }
        let full = ServerError(.tooManyRooms, key: "error.too_many_rooms.limit", ["limit": .number(limits.maxRooms)])
        guard roomCount.total < limits.maxRooms else { throw full }
        let turns = r.turns ?? rules.calendar.turns
        guard (1...Ruleset.maxTurns).contains(turns) else { throw ServerError(.badSettings, key: "error.bad_settings.turns", ["max": .number(Ruleset.maxTurns)]) }
        var phases: [String: Int] = [:]
        for phase in Phase.turnPhases { phases[phase.rawValue] = rules.phaseDurations[phase] ?? 60 }
        for (name, seconds) in r.phases ?? [:] {
            guard let phase = Phase(rawValue: name), Phase.turnPhases.contains(phase) else {
                throw ServerError(.badSettings, key: "error.bad_settings.phase",
                                  ["phase": .text(String(name.prefix(40))), "phases": .list(Phase.turnPhases.map { .choice(.phase($0.rawValue)) })])
            }
            guard (1...86_400).contains(seconds) else { throw ServerError(.badSettings, key: "error.bad_settings.seconds", ["phase": .phase(phase.rawValue), "max": .number(86_400)]) }
            phases[phase.rawValue] = seconds
        }
        var bots: [(team: Int, kind: BotKind)] = []
        for (teamID, policy) in (r.bots ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let t = rules.teamIndex(teamID) else {
                throw ServerError(.badSettings, key: "error.bad_settings.bot_team",
                                  ["team": .text(String(teamID.prefix(40))), "teams": .list(rules.teams.map { .text($0.id) })])
            }
            guard let kind = BotKind(rawValue: policy) else {
                throw ServerError(.badSettings, key: "error.bad_settings.bot_policy",
                                  ["policy": .text(String(policy.prefix(40))), "policies": .list(BotKind.allCases.map { .text($0.rawValue) })])
            }
            bots.append((t, kind))
        }
        var absent: AbsentPolicy?
        if let text = r.absent {
            guard let policy = AbsentPolicy(rawValue: text) else {
                throw ServerError(.badSettings, key: "error.bad_settings.absent", ["choices": .list(AbsentPolicy.allCases.map { .text($0.rawValue) })])
            }
            absent = policy == .nothing ? nil : policy
        }
        var language: Language?
        if let tag = r.language {
            guard let chosen = Language(tag: tag) else {
                throw ServerError(.badSettings, key: "error.bad_settings.language",
                                  ["language": .text(String(tag.prefix(40))), "languages": .list(Language.allCases.map { .text($0.rawValue) })])
            }
            language = chosen
        }
        let settings = RoomSettings(ruleset: entry.ruleset.id, seed: r.seed ?? UInt64.random(in: 1...UInt64(1) << 53, using: &random),
                                    turns: turns, phases: phases, variant: r.variant, absent: absent, practice: r.practice == true ? true : nil,
                                    nicknames: r.nicknames == true ? true : nil,
                                    language: language.flatMap { $0 == .en ? nil : $0.rawValue })
        // The place is claimed last, with nothing left to refuse: the room is made right after it.
        guard roomCount.claim(shard: shard.index, limit: limits.maxRooms) else { throw full }
        var code = Secrets.joinCode(prefix: codePrefix, using: &random)
        while takenCodes.contains(code) || shard.map.shard(of: code) != shard.index { code = Secrets.joinCode(prefix: codePrefix, using: &random) }
        takenCodes.insert(code)
        let room = Room(code: code, createdAt: now, rulesetText: entry.text, ruleset: rules, settings: settings)
        room.owner = principal.ownerID
        rooms[code] = room
        var header = LogRecord(kind: .match, seq: 0, t: now, by: "instructor")
        header.format = LogRecord.format
        header.room = code
        header.rulesetText = entry.text
        header.rulesetHash = entry.ruleset.sourceHash
        header.roomSettings = settings
        header.owner = principal.ownerID
        log(room, header, into: &out)
        let name = TextSanitizer.name(r.name ?? "Instructor", limit: limits.nameMaxLength, maxScalars: limits.nameMaxScalars, maxBytes: limits.nameMaxBytes)
        try seatClient(id, in: room, name: TextSanitizer.isVisible(name) ? name : "Instructor", role: .instructor, team: nil, reply: "room_created",
                       requestID: requestID, now: now, into: &out)
        var seq: Int?
        for (t, kind) in bots { seq = try seatBot(kind, team: t, in: room, now: now, into: &out) }
        if let seq { rosterEvent(room, seq: seq, now: now, into: &out) }
    }

    func join(_ r: ClientRequest.Join, from id: ClientID, requestID: JSONValue?, now: Int64, into out: inout CoreOutput) throws(ServerError) {
        guard clients[id]?.seat == nil else { throw ServerError(.alreadyJoined, key: "error.already_joined.seat") }
        try checkJoinBudget(id, now: now)
        let code = Secrets.normalizeCode(r.code)
        guard let room = rooms[code] else {
            if let refusal = storageRefusal(code) { throw refusal }
            countJoinFailure(id, now: now)
            throw ServerError(.wrongCode, key: "error.wrong_code.code", ["code": .text(code)])
        }
        let name = TextSanitizer.name(r.name, limit: limits.nameMaxLength, maxScalars: limits.nameMaxScalars, maxBytes: limits.nameMaxBytes)
        guard TextSanitizer.isVisible(name) else {
            throw ServerError(.badName, key: "error.bad_name.empty")
        }
        let role: SeatRole
        switch r.role ?? "player" {
        case "player": role = .player
        case "observer": role = .observer
        case "instructor":
            let principal = try checkInstructorKey(r.key ?? "", from: id, now: now, refusal: "error.bad_instructor_key.join", into: &out)
            guard principal.mayAccess(owner: room.owner) else {
                throw ServerError(.badInstructorKey, key: "error.bad_instructor_key.owner")
            }
            role = .instructor
        default: throw ServerError(.badRequest, key: "error.bad_request.role")
        }
        if role != .instructor, TextSanitizer.impersonatesInstructor(name) {
            throw ServerError(.badName, key: "error.bad_name.instructor", ["name": .text(name)])
        }
        if role == .player, room.settings.nicknames == true, !TextSanitizer.isNickname(name) {
            throw ServerError(.badName, key: "error.bad_name.nickname")
        }
        if role == .player, room.isOver {
            throw ServerError(.gameOver, key: "error.game_over.join", ["room": .text(room.code)])
        }
        if role != .instructor, room.joiningClosed {
            // An observer (the projector, a debrief guest) is refused too, in words of its own: it is not a student,
            // and whoever sets up the projector is often the instructor, who opens the room from the console.
            throw ServerError(.joiningClosed, key: role == .observer ? "error.joining_closed.observer" : "error.joining_closed.join",
                              ["room": .text(room.code)])
        }
        var team: Int?
        if let teamID = r.team, role == .player {
            guard let t = room.engine.ruleset.teamIndex(teamID) else {
                throw ServerError(.unknownTeam, key: "error.unknown_team.choices", ["team": .text(String(teamID.prefix(40))), "teams": .list(room.teamIDs.map(ErrorArgument.text))])
            }
            team = t
        }
        try seatClient(id, in: room, name: name, role: role, team: team, reply: "joined", requestID: requestID, now: now, into: &out)
    }

    private func seatClient(_ id: ClientID, in room: Room, name: String, role: SeatRole, team: Int?, reply: String,
                            requestID: JSONValue?, now: Int64, into out: inout CoreOutput) throws(ServerError) {
        guard room.activeSeats.count < limits.maxSeatsPerRoom else { throw ServerError(.roomFull, key: "error.room_full.limit", ["limit": .number(limits.maxSeatsPerRoom)]) }
        let token = Secrets.seatToken(room: room.code, using: &random)
        let hash = Secrets.tokenHash(token)
        let seq = room.nextSeq()
        let seat = Seat(id: "s\(room.seats.count + 1)", name: name, role: role, team: team, tokenHash: hash, connection: id, audienceSince: seq)
        room.seats.append(seat)
        tokens[hash] = (room.code, seat.id)
        clients[id]?.room = room.code
        clients[id]?.seat = seat.id
        var r = LogRecord(kind: .join, seq: seq, t: now, by: seat.id)
        r.seat = seat.id
        r.name = name
        r.seatRole = role
        r.team = team.map { room.teamIDs[$0] }
        r.tokenHash = hash
        log(room, r, into: &out)
        out.send(encoder.encode(ServerMessage.Seated(type: reply, id: requestID, room: room.code, seat: seat.id, token: token, role: role,
                                                     team: team.map { room.teamIDs[$0] })), to: [id])
        sendSnapshot(room, seat: seat, requestID: nil, to: id, now: now, into: &out)
        rosterEvent(room, seq: seq, now: now, into: &out)
    }

    func resume(_ r: ClientRequest.Resume, from id: ClientID, requestID: JSONValue?, now: Int64, into out: inout CoreOutput) throws(ServerError) {
        guard clients[id]?.seat == nil else { throw ServerError(.alreadyJoined, key: "error.already_joined.seat") }
        let hash = Secrets.tokenHash(r.token)
        guard let (code, seatID) = tokens[hash], let room = rooms[code], let i = room.seatIndex(seatID) else {
            if let refusal = storageRefusal(Secrets.roomOfToken(r.token)) { throw refusal }
            countBadToken(id, into: &out)
            if let code = Secrets.roomOfToken(r.token), takenCodes.contains(code), rooms[code] == nil {
                throw ServerError(.tokenExpired, key: "error.token_expired.closed", ["room": .text(code)])
            }
            throw ServerError(.badToken, key: "error.bad_token.invalid")
        }
        if let old = room.seats[i].connection, old != id {
            clients[old]?.room = nil
            clients[old]?.seat = nil
            out.send(encoder.encode(ServerMessage.Removed(room: room.code, cause: .resumedElsewhere)), to: [old])
            out.closes.append(.init(client: old, kind: .normal, reason: "seat resumed elsewhere"))
        }
        room.seats[i].connection = id
        clients[id]?.room = room.code
        clients[id]?.seat = seatID
        let seat = room.seats[i]
        let last = r.seq ?? -1
        let team = seat.team.map { room.teamIDs[$0] }
        flushUpdates(room, now: now, into: &out)
        let missed = room.backlog.filter { $0.seq > last && $0.audience == seat.audience }
        // The backlog holds armistice.v2 texts: an armistice.v1 client that missed anything gets a snapshot.
        // The backlog holds English texts: a connection reading another language that missed anything gets a snapshot.
        let canReplay = last >= 0 && last <= room.seq && last >= room.trimmedThrough && last >= seat.audienceSince
            && last >= room.unbuiltThrough[seat.audience, default: 0]
            && (missed.isEmpty || (clients[id]?.legacy != true && language(of: id, in: room) == .en))
        if canReplay {
            out.send(encoder.encode(ServerMessage.Resumed(id: requestID, room: room.code, seat: seat.id, role: seat.role, team: team, seq: room.seq,
                                                          mode: missed.isEmpty ? "current" : "replay", missed: missed.count)), to: [id])
            for entry in missed { out.send(entry.bytes, to: [id]) }
        } else {
            out.send(encoder.encode(ServerMessage.Resumed(id: requestID, room: room.code, seat: seat.id, role: seat.role, team: team, seq: room.seq,
                                                          mode: "snapshot", missed: 0)), to: [id])
            sendSnapshot(room, seat: seat, requestID: nil, to: id, now: now, into: &out)
        }
        presence(room, seat: i, online: true, now: now, into: &out)
    }

    func moveSeat(_ r: ClientRequest.MoveSeat, room: Room, by: Seat, client: ClientID, requestID: JSONValue?, now: Int64, into out: inout CoreOutput) throws(ServerError) {
        guard let i = room.seatIndex(r.seat) else { throw ServerError(.unknownSeat, key: "error.unknown_seat.unknown", ["seat": .text(String(r.seat.prefix(20)))]) }
        guard room.seats[i].role != .instructor else { throw ServerError(.badRequest, key: "error.bad_request.move_instructor") }
        guard r.team != nil || r.role != nil else {
            throw ServerError(.badRequest, key: "error.bad_request.move_where")
        }
        // A team and a role at once is ambiguous unless the role is the one a team seat has.
        if r.team != nil, let role = r.role, role != "player" {
            throw ServerError(.badRequest, key: "error.bad_request.move_both", ["role": .text(String(role.prefix(40)))])
        }
        var role = SeatRole.player
        var team: Int?
        if let teamID = r.team {
            guard let t = room.engine.ruleset.teamIndex(teamID) else {
                throw ServerError(.unknownTeam, key: "error.unknown_team.choices", ["team": .text(String(teamID.prefix(40))), "teams": .list(room.teamIDs.map(ErrorArgument.text))])
            }
            team = t
        } else {
            switch r.role ?? "player" {
            case "player": role = .player
            case "observer": role = .observer
            default: throw ServerError(.badRequest, key: "error.bad_request.move_role")
            }
        }
        let seq = room.nextSeq()
        room.seats[i].role = role
        room.seats[i].team = team
        room.seats[i].audienceSince = seq
        var rec = LogRecord(kind: .seat, seq: seq, t: now, by: by.id)
        rec.seat = r.seat
        rec.seatRole = role
        rec.team = team.map { room.teamIDs[$0] }
        log(room, rec, into: &out)
        rosterEvent(room, seq: seq, now: now, into: &out)
        if let c = room.seats[i].connection {
            sendSnapshot(room, seat: room.seats[i], requestID: nil, to: c, now: now, into: &out)
        }
        ack(room, seq: seq, client: client, requestID: requestID, into: &out)
        autoAdvance(room, now: now, into: &out)
    }

    func removeSeat(_ r: ClientRequest.RemoveSeat, room: Room, by: Seat, client: ClientID, requestID: JSONValue?, now: Int64, into out: inout CoreOutput) throws(ServerError) {
        guard let i = room.seatIndex(r.seat) else { throw ServerError(.unknownSeat, key: "error.unknown_seat.unknown", ["seat": .text(String(r.seat.prefix(20)))]) }
        guard room.seats[i].id != by.id else { throw ServerError(.badRequest, key: "error.bad_request.remove_own") }
        let seq = room.nextSeq()
        room.seats[i].removed = true
        tokens[room.seats[i].tokenHash] = nil
        var rec = LogRecord(kind: .seat, seq: seq, t: now, by: by.id)
        rec.seat = r.seat
        rec.removed = true
        log(room, rec, into: &out)
        if let c = room.seats[i].connection {
            room.seats[i].connection = nil
            clients[c]?.room = nil
            clients[c]?.seat = nil
            out.send(encoder.encode(ServerMessage.Removed(room: room.code, cause: .removedByInstructor)), to: [c])
            clients[c]?.closing = true
            out.closes.append(.init(client: c, kind: .normal, reason: "removed from the room"))
        }
        rosterEvent(room, seq: seq, now: now, into: &out)
        ack(room, seq: seq, client: client, requestID: requestID, into: &out)
        autoAdvance(room, now: now, into: &out)
    }

    /// `set_joining`: closes the room to new students or opens it again, at any moment (after the end too: it then
    /// keeps the debrief's observers out, or lets them in). Logged as a `joining` record, never an engine input; the
    /// `roster` event that follows carries the new state to everyone (`"joining":"closed"` while closed).
    func setJoining(_ r: ClientRequest.SetJoining, room: Room, by: Seat, client: ClientID, requestID: JSONValue?, now: Int64,
                    into out: inout CoreOutput) {
        let seq = room.nextSeq()
        room.joiningClosed = !r.open
        var rec = LogRecord(kind: .joining, seq: seq, t: now, by: by.id)
        rec.open = r.open
        log(room, rec, into: &out)
        rosterEvent(room, seq: seq, now: now, into: &out)
        ack(room, seq: seq, client: client, requestID: requestID, into: &out)
    }

    /// Refuses a join while this address has used up its wrong codes. Checked before the code is looked at, so an
    /// address past its budget learns nothing about codes (see docs/protocol.md for what that costs a guesser).
    func checkJoinBudget(_ id: ClientID, now: Int64) throws(ServerError) {
        guard let address = clients[id]?.address else { return }
        if !joinFailures.allows(address, now: now) {
            throw ServerError(.rateLimited, key: "error.rate_limited.join_codes")
        }
    }

    func countJoinFailure(_ id: ClientID, now: Int64) {
        guard let address = clients[id]?.address else { return }
        joinFailures.recordFailure(address, now: now)
    }

    /// A bad seat token counts against its connection only: tokens cannot be guessed, so nobody else at the same
    /// address is held up. Past `badTokensPerConnection` the connection is closed.
    func countBadToken(_ id: ClientID, into out: inout CoreOutput) {
        guard var client = clients[id] else { return }
        client.badTokens += 1
        if client.badTokens >= limits.badTokensPerConnection, !client.closing {
            client.closing = true
            out.closes.append(.init(client: id, kind: .policyViolation, reason: "too many bad seat tokens"))
        }
        clients[id] = client
    }

    /// Whose key this is: an instructor key or a teacher's secret, compared unless this address has sent too many wrong
    /// ones lately (then it is not compared), or a sign-in session, looked up and never charged to the address
    /// (`InstructorKeyCheck`). A session that is no longer valid counts as a bad token of this connection, as a seat
    /// token does. `refusal`: the catalog key of the `bad_instructor_key` refusal.
    @discardableResult
    func checkInstructorKey(_ key: String, from id: ClientID, now: Int64, refusal: String,
                            into out: inout CoreOutput) throws(ServerError) -> Principal {
        let check = InstructorKeyCheck(instructorKey: instructorKey, accounts: accounts, failures: keyFailures, sessions: sessions)
        switch check.check(key, from: clients[id]?.address ?? "", now: now) {
        case .success(let accepted):
            return accepted.principal
        case .failure(.rateLimited):
            throw ServerError(.rateLimited, key: "error.rate_limited.keys")
        case .failure(.wrongKey):
            throw ServerError(.badInstructorKey, key: refusal)
        case .failure(.sessionExpired):
            countBadToken(id, into: &out)
            throw ServerError(.sessionExpired, key: "error.session_expired.ended")
        }
    }
}
