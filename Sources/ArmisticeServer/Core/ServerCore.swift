import ArmisticeEngine
import ArmisticeErrors
import ArmisticeLocale
import ArmisticeLog
import Foundation
import ArmisticeWire

/// The room server's logic, with no sockets, files or threads: it takes what happened (a connection opened, a text
/// arrived, the clock moved) and decides what to log, what to send and whom to close. Not thread-safe: one serial
/// executor owns it, so every room sees a total order of events. Times are milliseconds since 1970.
public final class ServerCore {
    public let instructorKey: String
    public let limits: ServerLimits
    public let catalog: RulesetCatalog
    public let serverName: String

    public internal(set) var rooms: [String: Room] = [:] {
        // Without `oldValue`, so changing a room in place does not copy the dictionary (SE-0268).
        didSet { if rooms.count != countedRooms { countedRooms = rooms.count; roomCount.set(shard: shard.index, to: countedRooms) } }
    }
    /// `rooms.count` as `roomCount` last heard it.
    private var countedRooms = 0
    var clients: [ClientID: Connection] = [:]
    /// SHA-256 of a seat token → (room code, seat id).
    var tokens: [String: (room: String, seat: String)] = [:]
    /// Codes in use now or by a log on disk (finished matches keep theirs, for log downloads).
    var takenCodes: Set<String>
    /// The start of every code this server mints: a cluster node's slice of the code space ("" on a single node).
    public var codePrefix = ""
    /// The shard this core is among its server's rooms threads: it mints only codes `ShardMap` places here.
    public var shard = (index: 0, map: ShardMap(count: 1))
    /// The rooms of every shard of this server, for the server-wide `maxRooms` (shared by the shards' cores).
    public var roomCount = RoomCount() {
        didSet { roomCount.set(shard: shard.index, to: rooms.count) }
    }
    /// Rooms let go because their log could not be written, until their log can be written again (ServerCore+Storage).
    public internal(set) var suspendedRooms: Set<String> = []
    /// Per remote address: failed joins, resumes and room lookups (shared with the HTTP handler).
    public let joinFailures: JoinFailureLimiter
    /// Per remote address: wrong instructor keys (shared with the HTTP handler's log download).
    public let keyFailures: JoinFailureLimiter
    /// The teachers' accounts: their secrets open their own rooms wherever the instructor key is accepted.
    public var accounts: TeacherAccounts?
    /// Sign-in sessions, accepted wherever a key is and never charged to the address (shared with the HTTP handler).
    public var sessions = SignInSessions()
    var encoder = MessageEncoder()
    let logEncoder = LogRecordEncoder()
    /// How a log record becomes its line (a seam for tests: a record that cannot be encoded must stop its room).
    var encodeRecord: (LogRecordEncoder, LogRecord) throws -> String = { try $0.line($1) }
    var random = SystemRandomNumberGenerator()
    /// Counters for /metrics.
    public internal(set) var messagesIn = 0
    /// Between `beginBatch` and `endBatch`, engine inputs' updates wait so that a room's inputs of one batch go out
    /// as one update per audience; otherwise each call sends its own at once.
    var batching = false
    var roomsWithPending: [Room] = []
    /// The connections `tick` looks at: every one that has not said hello yet or was too slow to read. A connection
    /// leaves the set at the first tick after it needs nothing more.
    var watched: Set<ClientID> = []

    /// One open connection as the core knows it (the terminal client has its own `ClientState`: a different thing).
    struct Connection: Sendable {
        let id: ClientID
        let address: String
        var hello = false
        /// Speaks armistice.v1: updates carry whole views, and resumes get a snapshot.
        var legacy = false
        var room: String?
        var seat: String?
        /// When the connection opened: without `hello` by `limits.helloDeadlineMs` later, it is closed.
        let opened: Int64
        /// Bad seat tokens sent on this connection.
        var badTokens = 0
        var slowSince: Int64?
        var lastResync: Int64 = 0
        var closing = false
        /// The language the connection asked for (`hello`'s `lang`, `set_language`); nil: none asked.
        var language: Language?
    }

    public init(instructorKey: String, catalog: RulesetCatalog, limits: ServerLimits = ServerLimits(),
                takenCodes: Set<String> = [], serverName: String = "armistice",
                joinFailures: JoinFailureLimiter? = nil, keyFailures: JoinFailureLimiter? = nil) {
        self.instructorKey = instructorKey
        self.catalog = catalog
        self.limits = limits
        self.takenCodes = takenCodes
        self.serverName = serverName
        // Shards share their server's limiters: one address has one budget however many rooms threads there are.
        self.joinFailures = joinFailures ?? JoinFailureLimiter(capacity: limits.joinFailureBurst, perSecond: limits.joinFailuresPerSecond)
        self.keyFailures = keyFailures ?? JoinFailureLimiter(capacity: limits.keyFailureBurst, perSecond: limits.keyFailuresPerSecond)
    }

    public var connectionCount: Int { clients.count }

    // MARK: - Batches

    /// Starts a batch: updates wait until `endBatch`, so several inputs to a room make one update per audience.
    public func beginBatch() { batching = true }

    /// Ends a batch: sends every pending update.
    public func endBatch(now: Int64, into out: inout CoreOutput) {
        batching = false
        flushUpdates(now: now, into: &out)
    }

    // MARK: - Transport events

    public func opened(_ id: ClientID, address: String, now: Int64, into out: inout CoreOutput) {
        clients[id] = Connection(id: id, address: address, opened: now)
        watched.insert(id)
    }

    public func closed(_ id: ClientID, now: Int64, into out: inout CoreOutput) {
        guard let client = clients.removeValue(forKey: id) else { return }
        if let code = client.room, let seatID = client.seat, let room = rooms[code], let i = room.seatIndex(seatID),
           room.seats[i].connection == id {
            room.seats[i].connection = nil
            presence(room, seat: i, online: false, now: now, into: &out)
        }
    }

    /// A message as the inbound gate left it (charged, bounded and decoded off this thread).
    public func received(_ id: ClientID, _ inbound: Inbound, now: Int64, into out: inout CoreOutput) {
        guard clients[id] != nil, clients[id]?.closing != true else { return }
        messagesIn += 1
        switch inbound {
        case .request(let parsed):
            do throws(ServerError) {
                try handle(parsed, from: id, now: now, into: &out)
            } catch {
                fail(id, requestID: parsed.id, error, into: &out)
            }
        case .invalid(let failure):
            fail(id, requestID: failure.id, failure.error, into: &out)
        case .throttled:
            out.errors.append(ErrorCode(.rateLimited))
            let error = shown(ServerError(.rateLimited, key: "error.rate_limited.messages",
                                          ["rate": .number(Int(limits.messagesPerSecond)), "burst": .number(limits.messageBurst)]), to: id)
            out.send(encoder.encode(ServerMessage.Failure(id: nil, code: error.code.rawValue, message: error.message)), to: [id])
        case .flooded:
            clients[id]?.closing = true
            out.closes.append(.init(client: id, kind: .policyViolation, reason: "flood: too many messages"))
        }
    }

    /// A text message decoded here, uncharged: for tests, benches and tools that drive the core directly. The
    /// server hands the core only what its `InboundGate` decoded.
    public func received(_ id: ClientID, text: String, now: Int64, into out: inout CoreOutput) {
        let inbound: Inbound = switch ClientRequest.parse(text) {
        case .success(let parsed): .request(parsed)
        case .failure(let failure): .invalid(failure)
        }
        received(id, inbound, now: now, into: &out)
    }

    func fail(_ id: ClientID, requestID: JSONValue?, _ error: ServerError, into out: inout CoreOutput) {
        out.errors.append(error.code)
        let shown = shown(error, to: id)
        out.send(encoder.encode(ServerMessage.Failure(id: requestID, code: shown.code.rawValue, message: shown.message)), to: [id])
    }

    /// A refusal as the connection reads it: in its language (in a room, `language(of:in:)`: an observer that chose
    /// none reads the room's), the names of its room's scenario in that language.
    func shown(_ error: ServerError, to id: ClientID) -> ServerError {
        let room = clients[id]?.room.flatMap { rooms[$0] }
        let reader = room.map { language(of: id, in: $0) } ?? clients[id]?.language ?? .en
        guard reader != .en else { return error }
        return error.localized(reader, names: room.map { $0.localizer(reader).engine.ruleset })
    }

    /// The language a connection reads in a room: the one it asked for; else, for an observer, the room's default;
    /// else English (so a client that never says sees what it always saw).
    func language(of id: ClientID, in room: Room) -> Language {
        if let chosen = clients[id]?.language { return chosen }
        guard let code = clients[id]?.room, code == room.code, let seatID = clients[id]?.seat, let i = room.seatIndex(seatID),
              room.seats[i].role == .observer else { return .en }
        return room.language
    }

    // MARK: - Requests

    /// Checks the request's authority (`RequestAuthority`), then runs its handler: one case per request type.
    func handle(_ parsed: ParsedRequest, from id: ClientID, now: Int64, into out: inout CoreOutput) throws(ServerError) {
        let rid = parsed.id
        let admitted = try admit(parsed, from: id)
        switch parsed.request {
        case .hello(let r): try hello(r, from: id, requestID: rid, now: now, into: &out)
        case .ping: out.send(encoder.encode(ServerMessage.Pong(id: rid, time: now)), to: [id])
        case .createRoom(let r): try createRoom(r, from: id, requestID: rid, now: now, into: &out)
        case .join(let r): try join(r, from: id, requestID: rid, now: now, into: &out)
        case .resume(let r): try resume(r, from: id, requestID: rid, now: now, into: &out)
        case .setLanguage(let r): try setLanguage(r, from: id, requestID: rid, now: now, into: &out)
        case .resync:
            let (room, seat) = try admitted.seat()
            sendSnapshot(room, seat: seat, requestID: rid, to: id, now: now, into: &out)
        case .setOrders(let r):
            let (room, seat) = try admitted.seat()
            let team = try actingTeam(room, seat, r.team)
            if let base = r.base, let t = room.engine.ruleset.teamIndex(team), room.state.drafts[t] != base {
                throw ServerError(.draftChanged, key: "error.draft_changed")
            }
            try play(.setOrders(team: team, orders: TeamOrders(orders: r.orders, consents: r.consents ?? [:])),
                     in: room, by: seat, from: id, requestID: rid, now: now, into: &out)
        case .lock(let r):
            let (room, seat) = try admitted.seat()
            let team = try actingTeam(room, seat, r.team)
            try play(.lockOrders(team: team), in: room, by: seat, from: id, requestID: rid, now: now, into: &out)
        case .proposeDeal(let r):
            let (room, seat) = try admitted.seat()
            let team = try actingTeam(room, seat, r.team)
            let staffed = room.staffedTeams
            // Another team's covert action is not named in a deal: it is answered as an id that does not exist, as an
            // order or a consent naming it is (Engine.knownAction). Here, not in the engine, so that a log with such a
            // deal from before this rule still replays.
            if let t = room.engine.ruleset.teamIndex(team) {
                for c in r.commitments {
                    for id in [c.action, c.consent].compactMap({ $0 }) where room.engine.knownAction(id, to: t) == nil {
                        throw ServerError(room.engine.unknownAction(id, team: t))
                    }
                }
            }
            for c in r.commitments {
                if let t = room.engine.ruleset.teamIndex(c.team), !staffed.contains(t) {
                    throw ServerError(.absentTeam, key: "error.absent_team.deal", ["team": .team(c.team)], names: room.engine.ruleset)
                }
            }
            try play(.proposeDeal(team: team, commitments: r.commitments, note: try freeText(r.note, chatTimes: 1, refusal: "error.too_long.note_size")),
                     in: room, by: seat, from: id, requestID: rid, now: now, into: &out)
        case .respondDeal(let r):
            let (room, seat) = try admitted.seat()
            let team = try actingTeam(room, seat, r.team)
            try play(.respondToDeal(team: team, deal: r.deal, accept: r.accept), in: room, by: seat, from: id, requestID: rid, now: now, into: &out)
        case .withdrawDeal(let r):
            let (room, seat) = try admitted.seat()
            let team = try actingTeam(room, seat, r.team)
            try play(.withdrawDeal(team: team, deal: r.deal), in: room, by: seat, from: id, requestID: rid, now: now, into: &out)
        case .chat(let r):
            let (room, seat) = try admitted.seat()
            try chat(r, room: room, seat: seat, client: id, requestID: rid, now: now, into: &out)
        case .start:
            let (room, seat) = try admitted.seat()
            try play(.start, in: room, by: seat, from: id, requestID: rid, now: now, into: &out)
        case .skip:
            let (room, seat) = try admitted.seat()
            try play(.advance, in: room, by: seat, from: id, requestID: rid, now: now, into: &out)
        case .end(let r):
            let (room, seat) = try admitted.seat()
            let reason = try freeText(r.reason, chatTimes: 1, refusal: "error.too_long.reason_size")
            if room.state.outcome != nil, room.state.phase != .ended {
                // The scenario has decided the ending (the last turn's results): ending now closes the results and
                // keeps that ending, rather than judging it again as the instructor's.
                try closeDecidedMatch(room, by: seat, from: id, requestID: rid, now: now, into: &out)
            } else {
                try play(.end(reason: reason), in: room, by: seat, from: id, requestID: rid, now: now, into: &out)
            }
        case .injectEvent(let r):
            let (room, seat) = try admitted.seat()
            try refuseOnceTheEndingIsDecided(room)
            try play(.injectEvent(event: r.event), in: room, by: seat, from: id, requestID: rid, now: now, into: &out)
        case .injectNews(let r):
            let (room, seat) = try admitted.seat()
            let text = try freeText(r.text, chatTimes: 4, refusal: "error.too_long.news_size")
            guard TextSanitizer.isVisible(text) else { throw ServerError(.emptyMessage, key: "error.empty_message.news") }
            try play(.injectNews(text: text), in: room, by: seat, from: id, requestID: rid, now: now, into: &out)
        case .adjust(let r):
            let (room, seat) = try admitted.seat()
            try refuseOnceTheEndingIsDecided(room)
            do { try room.engine.checkAdjustment(target: r.target, value: r.value, in: room.state) } catch { throw ServerError(error) }
            try play(.adjust(target: r.target, value: r.value, reason: try freeText(r.reason, chatTimes: 1, refusal: "error.too_long.reason_size")),
                     in: room, by: seat, from: id, requestID: rid, now: now, into: &out)
        case .pause, .unpause, .extend:
            let (room, seat) = try admitted.seat()
            try clockCommand(parsed.request, room: room, seat: seat, client: id, requestID: rid, now: now, into: &out)
        case .moveSeat(let r):
            let (room, seat) = try admitted.seat()
            try moveSeat(r, room: room, by: seat, client: id, requestID: rid, now: now, into: &out)
        case .removeSeat(let r):
            let (room, seat) = try admitted.seat()
            try removeSeat(r, room: room, by: seat, client: id, requestID: rid, now: now, into: &out)
        case .setBot(let r):
            let (room, seat) = try admitted.seat()
            try setBot(r, room: room, by: seat, client: id, requestID: rid, now: now, into: &out)
        case .setJoining(let r):
            let (room, seat) = try admitted.seat()
            setJoining(r, room: room, by: seat, client: id, requestID: rid, now: now, into: &out)
        }
    }

    /// What a request's authority requires, checked in the order clients rely on: `hello` first, then a seat, then
    /// the instructor's. Returns the seat for a request that needs one.
    func admit(_ parsed: ParsedRequest, from id: ClientID) throws(ServerError) -> Admission {
        let authority = parsed.authority
        if authority == .greeting { return .connection }
        guard clients[id]?.hello == true else {
            throw ServerError(.helloRequired, key: "error.hello_required.first", ["request": .text(#"{"type":"hello","protocol":"\#(ProtocolVersion.current)"}"#)])
        }
        if authority == .any { return .connection }
        guard let client = clients[id], let code = client.room, let seatID = client.seat, let room = rooms[code],
              let seatIndex = room.seatIndex(seatID) else {
            throw ServerError(.notJoined, key: "error.not_joined.first")
        }
        let seat = room.seats[seatIndex]
        if authority == .instructor, seat.role != .instructor {
            throw ServerError(.notInstructor, key: "error.not_instructor.request", ["request": .text(parsed.type.replacingOccurrences(of: "_", with: " "))])
        }
        return .seated(room, seat)
    }

    /// `hello`: the version both sides speak, and the connection's language.
    func hello(_ hello: ClientRequest.Hello, from id: ClientID, requestID rid: JSONValue?, now: Int64, into out: inout CoreOutput) throws(ServerError) {
        let offered = hello.versions ?? [hello.protocol ?? ProtocolVersion.current]
        guard let version = ProtocolVersion.choose(offered) else {
            throw ServerError(.unsupportedVersion, key: "error.unsupported_version.offered",
                              ["supported": .list(ProtocolVersion.supported.map(ErrorArgument.text)), "offered": .list(offered.prefix(5).map(ErrorArgument.text))])
        }
        clients[id]?.hello = true
        clients[id]?.legacy = version == ProtocolVersion.legacy
        if let lang = hello.lang { clients[id]?.language = Language(parsing: lang) }
        out.send(encoder.encode(ServerMessage.Welcome(id: rid, protocol: version, server: serverName, time: now,
                                                      limits: .init(limits), lang: hello.lang.map { Language(parsing: $0).rawValue })), to: [id])
    }

    /// Free text cleaned like chat and bounded in code points, bytes and lines (`chatTimes` a chat message's); its
    /// bytes as sent are bounded before it is cleaned. `refusal`: the catalog key of the `too_long` refusal, which
    /// names the text.
    func freeText(_ raw: String?, chatTimes scale: Int, refusal: String) throws(ServerError) -> String {
        guard let text = TextSanitizer.chat(raw ?? "", maxBytes: limits.chatMaxBytes * scale),
              text.count <= limits.chatMaxLength * scale, TextSanitizer.fits(text, chatTimes: scale, limits: limits) else {
            throw ServerError(.tooLong, key: refusal, sizeArguments(chatTimes: scale))
        }
        return text
    }

    /// The limits of a text `scale` times a chat message's, for the refusal of one too long: `{chars}` characters,
    /// `{bytes}` bytes of UTF-8, `{points}` code points and `{lines}` lines.
    func sizeArguments(chatTimes scale: Int) -> [String: ErrorArgument] {
        ["chars": .number(limits.chatMaxLength * scale), "bytes": .number(limits.chatMaxBytes * scale),
         "points": .number(limits.chatMaxScalars * scale), "lines": .number(limits.chatMaxLineBreaks * scale + 1)]
    }

    /// The team a seat acts for: its own; the instructor names one.
    func actingTeam(_ room: Room, _ seat: Seat, _ named: String?) throws(ServerError) -> String {
        switch seat.role {
        case .instructor:
            guard let named else { throw ServerError(.badRequest, key: "error.bad_request.instructor_team") }
            return named
        case .observer:
            throw ServerError(.notAPlayer, key: "error.not_a_player.observer")
        case .player:
            guard let t = seat.team else { throw ServerError(.noTeam, key: "error.no_team.unassigned") }
            let own = room.engine.ruleset.teams[t].id
            if let named, named != own {
                throw ServerError(.notYourTeam, key: "error.not_your_team.named", ["team": .team(own), "named": .text(String(named.prefix(40)))],
                                  names: room.engine.ruleset)
            }
            return own
        }
    }

    // MARK: - Sending to a room

    /// Sends one event to some of a room's audiences: `make` builds each audience's text given its `prev`
    /// (or returns nil to skip that audience). The room's pending updates go first, so events keep their order.
    /// Keeps the backlog for resumes.
    func publish(_ room: Room, seq: Int, to audiences: [Audience], now: Int64, into out: inout CoreOutput,
                 _ make: (Audience, Int) -> [UInt8]?) {
        flushUpdates(room, now: now, into: &out)
        for audience in audiences {
            emit(room, seq: seq, to: audience, into: &out) { prev in make(audience, prev).map { Texts(current: $0) } }
        }
    }

    /// An event's text for each protocol version: `legacy` (armistice.v1) when it differs, built only if an
    /// armistice.v1 client is in the audience.
    struct Texts {
        var current: [UInt8]
        var legacy: (() -> [UInt8])? = nil
        /// The text for the readers of another language (given the language and whether they speak armistice.v1);
        /// nil: the same text for every language.
        var localized: ((Language, Bool) -> [UInt8])? = nil
    }

    /// Sends one audience its text of an event (`make` is given the audience's `prev`; nil: nothing to send) and
    /// keeps it in the backlog for resumes.
    func emit(_ room: Room, seq: Int, to audience: Audience, into out: inout CoreOutput, _ make: (Int) -> Texts?) {
        guard let texts = make(room.lastSent[audience] ?? 0) else { return }
        room.lastSent[audience] = seq
        room.remember(.init(seq: seq, audience: audience, bytes: texts.current), limit: limits.backlog, byteLimit: limits.backlogBytes)
        let (current, legacy, localized) = recipients(room, audience)
        out.send(texts.current, to: current)
        if !legacy.isEmpty { out.send(texts.legacy?() ?? texts.current, to: legacy) }
        for (language, readers) in localized.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            if !readers.current.isEmpty { out.send(texts.localized?(language, false) ?? texts.current, to: readers.current) }
            if !readers.legacy.isEmpty { out.send(texts.localized?(language, true) ?? texts.legacy?() ?? texts.current, to: readers.legacy) }
        }
    }

    /// The live, keeping-up connections of an audience, by protocol version: English readers, and per other
    /// language its readers.
    func recipients(_ room: Room, _ audience: Audience) -> (current: [ClientID], legacy: [ClientID], localized: [Language: (current: [ClientID], legacy: [ClientID])]) {
        var current: [ClientID] = []
        var legacy: [ClientID] = []
        var localized: [Language: (current: [ClientID], legacy: [ClientID])] = [:]
        let seats = room.seats
        for i in seats.indices where Seat.audience(role: seats[i].role, team: seats[i].team) == audience {
            guard let c = seats[i].connection, let client = reader(c, removed: seats[i].removed) else { continue }
            let language = client.language ?? (seats[i].role == .observer ? room.language : .en)
            if language != .en {
                if client.legacy { localized[language, default: ([], [])].legacy.append(c) } else { localized[language, default: ([], [])].current.append(c) }
            } else if client.legacy { legacy.append(c) } else { current.append(c) }
        }
        return (current, legacy, localized)
    }

    /// Whether a seat's connection reads the room's messages now (connected, not closing, keeping up), and if so
    /// whether it speaks armistice.v1 and the language it asked for. The connection is read in place, not copied.
    /// Takes the seat's two fields, not the seat: a `Seat` passed by value is copied with its strings.
    func reader(_ connection: ClientID?, removed: Bool) -> (legacy: Bool, language: Language?)? {
        guard !removed, let c = connection, let i = clients.index(forKey: c),
              clients.values[i].slowSince == nil, !clients.values[i].closing else { return nil }
        return (clients.values[i].legacy, clients.values[i].language)
    }

    /// Whether an audience has a connection that reads the room's messages now (the ones `recipients` lists).
    func hasReaders(_ room: Room, _ audience: Audience) -> Bool {
        let seats = room.seats
        return seats.indices.contains {
            Seat.audience(role: seats[$0].role, team: seats[$0].team) == audience && reader(seats[$0].connection, removed: seats[$0].removed) != nil
        }
    }

    func clockView(_ room: Room, now: Int64) -> ClockView {
        let c = room.clock
        return ClockView(phase: room.state.phase, turn: room.state.turn, paused: c.paused, deadline: c.deadline,
                         remaining: c.paused ? c.remaining : c.deadline.map { max(0, $0 - now) }, now: now)
    }

    /// Sends a seat's snapshot to a connection, after the room's pending updates (so the snapshot is current and
    /// later updates follow it).
    func sendSnapshot(_ room: Room, seat: Seat, requestID: JSONValue?, to id: ClientID, resync: Bool = false, now: Int64,
                      into out: inout CoreOutput) {
        flushUpdates(room, now: now, into: &out)
        let language = language(of: id, in: room)
        out.send(snapshot(room, seat: seat, requestID: requestID, now: now, language: language), to: [id], resync: resync)
    }

    func snapshot(_ room: Room, seat: Seat, requestID: JSONValue?, now: Int64, language: Language = .en) -> [UInt8] {
        let audience = seat.audience
        let visibleChat = room.recentChat(for: audience, entries: limits.snapshotChatEntries, bytes: limits.snapshotChatBytes)
        let view = room.view(of: room.state, for: audience, in: language)
        if room.staleViews.contains(audience) {
            // The audience's updates were not built while nobody read them: later diffs start from this state.
            var bare = language == .en ? view : room.engine.view(of: room.state, for: room.viewer(audience))
            bare.records = []
            room.lastView[audience] = bare
            room.staleViews.remove(audience)
        }
        if language != .en {
            // Later updates to this language's readers of the audience are diffs from this view.
            var bare = view
            bare.records = []
            room.localViews[language, default: [:]][audience] = bare
        }
        let message = ServerMessage.Snapshot(
            id: requestID, room: room.code, seq: room.seq,
            you: .init(seat: seat.id, name: seat.name, role: seat.role, team: seat.team.map { room.teamIDs[$0] }),
            settings: room.currentSettings, view: view, language: language == .en ? nil : language.rawValue,
            roster: room.roster, chat: visibleChat, clock: clockView(room, now: now), draftedBy: room.draftAuthors(for: audience))
        return encoder.encode(message)
    }

    func ack(_ room: Room, seq: Int, client: ClientID, requestID: JSONValue?, into out: inout CoreOutput) {
        out.send(encoder.encode(ServerMessage.Ack(id: requestID, room: room.code, seq: seq)), to: [client])
    }

    func log(_ room: Room, _ record: LogRecord, into out: inout CoreOutput) {
        let line: String
        do {
            // A hash line proves the lines before it as written (`lines_hash`); every other line is one of them.
            line = try room.linesHash.line(for: record) { try encodeRecord(logEncoder, $0) }
        } catch {
            out.unloggable[room.code] = "record \(record.seq) (\(record.kind.rawValue)) could not be encoded: \(error)"
            return
        }
        out.logLines.append(.init(room: room.code, line: line))
    }

    /// Everyone's `roster` event; while the room is closed to new students it also says so (`"joining":"closed"`),
    /// so the instructor's client sees the door change (and a resumed one gets it replayed) as it sees seats change.
    func rosterEvent(_ room: Room, seq: Int, now: Int64, into out: inout CoreOutput) {
        var roster = encoder.encode(room.roster)
        if room.joiningClosed { roster += Array(#","joining":"closed""#.utf8) }
        publish(room, seq: seq, to: room.audiences, now: now, into: &out) { _, prev in
            Self.event("roster", room: room, seq: seq, prev: prev, field: "roster", json: roster)
        }
    }

    /// An event's text around an already-encoded part (`{"type":…,"room":…,"seq":…,"prev":…,FIELD:JSON}`): what
    /// differs between a room's audiences is only `prev`, so the rest is encoded once.
    static func event(_ type: String, room: Room, seq: Int, prev: Int, field: String, json: [UInt8]) -> [UInt8] {
        var bytes = Array(#"{"type":"\#(type)","room":"\#(room.code)","seq":\#(seq),"prev":\#(prev),"\#(field)":"#.utf8)
        bytes.reserveCapacity(bytes.count + json.count + 1)
        bytes += json
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    func presence(_ room: Room, seat i: Int, online: Bool, now: Int64, into out: inout CoreOutput) {
        let seq = room.nextSeq()
        var r = LogRecord(kind: .presence, seq: seq, t: now, by: room.seats[i].id)
        r.seat = room.seats[i].id
        r.online = online
        log(room, r, into: &out)
        rosterEvent(room, seq: seq, now: now, into: &out)
    }
}
