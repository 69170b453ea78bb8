import ArmisticeLocale
import ArmisticeTransport
import Foundation

/// What the archive's HTTP endpoints need, made once by the server and shared with the transport's thread.
final class ArchiveContext: Sendable {
    let instructorKey: String
    let accounts: TeacherAccounts
    let archive: MatchArchive
    let reports: ArchiveReports?
    let tickets = ArchiveTickets()
    /// Sign-in sessions, shared with the rooms threads (a session is accepted wherever a key is).
    let sessions: SignInSessions
    /// Students' exports, made on a background queue.
    let exports: ArchiveExports
    /// The rooms threads (a match is deleted on the one holding its room).
    let rooms: RoomShards

    init(instructorKey: String, accounts: TeacherAccounts, archive: MatchArchive, reports: ArchiveReports?, rooms: RoomShards,
         exports: ArchiveExports = ArchiveExports(), sessions: SignInSessions = SignInSessions()) {
        self.instructorKey = instructorKey
        self.sessions = sessions
        self.exports = exports
        self.accounts = accounts
        self.archive = archive
        self.reports = reports
        self.rooms = rooms
    }
}

/// The teachers' archive over HTTP (`/api/teacher/…`, docs/protocol.md): signing in (a session), who am I, my rooms,
/// one room's log, report and replay, view tickets, deleting a match, and one student's data. Every request carries a
/// teacher's secret, the instructor key or a sign-in session (`Authorization: Bearer …` or `X-Instructor-Key`); a
/// report or replay may instead carry a view ticket (`?ticket=`). Wrong keys count against the address like everywhere
/// else; sessions never do (`InstructorKeyCheck`). A room another teacher owns answers exactly as an unknown code does
/// (404), so codes are not confirmed.
struct ArchiveRoutes {
    let context: ArchiveContext
    let rooms: RoomDirectory?
    let keyFailures: JoinFailureLimiter?
    let now: Int64

    /// The key a request presents, if any.
    static func presentedKey(_ request: HTTPRequest) -> String? {
        request.headers["x-instructor-key"]
            ?? request.headers["authorization"].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
    }

    func respond(to request: HTTPRequest) -> HTTPResponse {
        let parts = request.path.split(separator: "/").map(String.init)   // ["api", "teacher", …]
        let rest = Array(parts.dropFirst(2))
        // A report or replay opened by a link carries a view ticket instead of the secret.
        if rest.count == 3, rest[0] == "rooms", ["report.html", "replay.json"].contains(rest[2]), let ticket = request.query["ticket"],
           Self.presentedKey(request) == nil {
            guard request.method == "GET" else { return Self.methodNotAllowed("GET") }
            let code = Secrets.normalizeCode(rest[1])
            guard let principal = context.tickets.principal(ticket, code: code, now: now) else {
                return Self.error(403, "bad_ticket", "this link has expired; open the match again from your archive")
            }
            guard let language = Self.language(request) else { return Self.badLanguage() }
            return report(code, rest[2] == "report.html" ? .html : .replayJSON, language, for: principal, download: false)
        }
        let accepted: InstructorKeyCheck.Accepted
        switch authenticate(request) {
        case .success(let a): accepted = a
        case .failure(let refusal): return refusal.response
        }
        let principal = accepted.principal
        switch (request.method, rest.count, rest.first) {
        case ("POST", 1, "session"):
            return openSession(accepted)
        case ("DELETE", 1, "session"):
            // Signing out: the session presented ends (a key has none to end).
            if accepted.bySession, let presented = Self.presentedKey(request) { context.sessions.close(presented) }
            return Self.json(200, ["signed_out": true])
        case (_, 1, "session"):
            return Self.methodNotAllowed("POST, DELETE")
        case ("GET", 1, "me"):
            return me(principal)
        case (_, 1, "me"):
            return Self.methodNotAllowed("GET")
        case ("GET", 1, "rooms"):
            return Self.json(200, context.archive.entries(for: principal, live: rooms, readNow: false))
        case (_, 1, "rooms"):
            return Self.methodNotAllowed("GET")
        case (_, 2, "rooms"):
            let code = Secrets.normalizeCode(rest[1])
            guard let entry = visible(code, principal) else { return Self.unknownRoom() }
            switch request.method {
            case "GET": return Self.json(200, entry)
            case "DELETE":
                guard principal.mayAccess(owner: entry.owner) else { return Self.notOwner() }
                return delete(code, by: principal)
            default: return Self.methodNotAllowed("GET, DELETE")
            }
        case (_, 3, "rooms"):
            let code = Secrets.normalizeCode(rest[1])
            guard let entry = visible(code, principal) else { return Self.unknownRoom() }
            guard let language = Self.language(request) else { return Self.badLanguage() }
            switch (request.method, rest[2]) {
            case ("GET", "log"): return log(code)
            case ("GET", "report.html"): return report(code, .html, language, for: principal, download: request.query["download"] != nil)
            case ("GET", "replay.json"): return report(code, .replayJSON, language, for: principal, download: request.query["download"] != nil)
            case ("POST", "shares"):
                return share(code, entry, request, by: principal)
            case (_, "shares"):
                return Self.methodNotAllowed("POST")
            case ("POST", "ticket"):
                guard entry.state == .finished else { return Self.notFinished() }
                if var refusal = reportsReady(code, language) {
                    // Being made: 202, so a page can wait for it without an error.
                    if refusal.status == 503 { refusal.status = 202 }
                    return refusal
                }
                let (ticket, expires) = context.tickets.issue(code: code, for: principal, now: now)
                let lang = language.map { "&lang=\($0.rawValue)" } ?? ""
                return Self.json(200, TicketAnswer(ticket: ticket, expires: expires,
                                                   report: "/api/teacher/rooms/\(code)/report.html?ticket=\(ticket)\(lang)",
                                                   replay: "/replay.html?src=" + Self.queryEscaped("/api/teacher/rooms/\(code)/replay.json?ticket=\(ticket)\(lang)")))
            case (_, "log"), (_, "report.html"), (_, "replay.json"): return Self.methodNotAllowed("GET")
            case (_, "ticket"): return Self.methodNotAllowed("POST")
            default: return Self.error(404, "not_found", "no such endpoint")
            }
        case (_, 4, "rooms") where rest[2] == "shares":
            let code = Secrets.normalizeCode(rest[1])
            guard let entry = visible(code, principal) else { return Self.unknownRoom() }
            guard request.method == "DELETE" else { return Self.methodNotAllowed("DELETE") }
            guard principal.mayAccess(owner: entry.owner) else { return Self.notOwner() }
            do { try context.archive.shares?.remove(code, teacher: rest[3]) } catch {
                return Self.error(500, "internal_error", "the shares could not be saved")
            }
            return Self.json(200, context.archive.entry(code, live: rooms) ?? entry)
        case ("GET", 1, "students"):
            let name = (request.query["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else { return Self.error(400, "bad_request", "say whose data: ?name=NAME (as the student typed it)") }
            return studentExport(name, for: principal)
        case (_, 1, "students"):
            return Self.methodNotAllowed("GET")
        default:
            return Self.error(404, "not_found", "no such endpoint")
        }
    }

    struct Refusal: Error { var response: HTTPResponse }

    /// Whose key or session the request carries (`InstructorKeyCheck`: a key is checked against the address's budget
    /// of wrong keys, a session never is).
    func authenticate(_ request: HTTPRequest) -> Result<InstructorKeyCheck.Accepted, Refusal> {
        guard let presented = Self.presentedKey(request) else {
            return .failure(Refusal(response: Self.error(401, "bad_instructor_key", "send your teacher's secret or the instructor key as Authorization: Bearer KEY")))
        }
        let check = InstructorKeyCheck(instructorKey: context.instructorKey, accounts: context.accounts, failures: keyFailures, sessions: context.sessions)
        switch check.check(presented, from: request.remoteAddress, now: now) {
        case .success(let accepted): return .success(accepted)
        case .failure(let refusal): return .failure(Refusal(response: Self.refusal(refusal, wrongKey: "that is not a teacher's secret or the instructor key")))
        }
    }

    /// The HTTP answer to a key that was not accepted (the archive's and the log download's).
    static func refusal(_ refusal: InstructorKeyCheck.Refusal, wrongKey: String) -> HTTPResponse {
        switch refusal {
        case .rateLimited:
            error(429, "rate_limited", "too many wrong instructor keys came from your address, so its keys are not checked until they stop "
                    + "(then one every 10 seconds); a page signed in before keeps working with its session")
        case .wrongKey:
            error(403, "bad_instructor_key", wrongKey)
        case .sessionExpired:
            error(403, "session_expired", "this sign-in session has ended (after 12 hours, a server restart, a new secret or the account's removal): "
                    + "sign in again with your teacher's secret or the instructor key")
        }
    }

    struct SessionAnswer: Encodable {
        var session: String
        var expires: Int64
        var id: String?
        var name: String
        var admin: Bool
    }

    /// `POST /api/teacher/session`: a sign-in session for the key just accepted. A session is not exchanged for another
    /// (it would never end): sign in with the key.
    private func openSession(_ accepted: InstructorKeyCheck.Accepted) -> HTTPResponse {
        guard !accepted.bySession else {
            return Self.error(400, "bad_request", "a session is not exchanged for another: sign in with your teacher's secret or the instructor key")
        }
        guard let (session, expires) = context.sessions.open(for: accepted.principal, accounts: context.accounts, now: now) else {
            return Self.error(403, "bad_instructor_key", "that is not a teacher's secret or the instructor key")
        }
        let who = whoIs(accepted.principal)
        return Self.json(200, SessionAnswer(session: session, expires: expires, id: who.id, name: who.name, admin: who.admin))
    }

    /// A room's archive entry if this principal may see it (its owner, the admin, or a teacher it is shared with).
    func visible(_ code: String, _ principal: Principal) -> ArchiveEntry? {
        guard let entry = context.archive.entry(code, live: rooms, readNow: false), principal.mayView(owner: entry.owner, shared: entry.shared ?? []) else {
            return nil
        }
        return entry
    }

    struct ShareRequest: Decodable {
        var teacher: String
    }

    /// Shares a match with another teacher, by id: only its owner (or the admin) may.
    private func share(_ code: String, _ entry: ArchiveEntry, _ request: HTTPRequest, by principal: Principal) -> HTTPResponse {
        guard principal.mayAccess(owner: entry.owner) else { return Self.notOwner() }
        guard let body = try? JSONDecoder().decode(ShareRequest.self, from: Data(request.body)) else {
            return Self.error(400, "bad_request", "send {\"teacher\":\"ID\"} (an id from armistice teacher list)")
        }
        guard context.accounts.all.contains(where: { $0.id == body.teacher }), body.teacher != entry.owner else {
            return Self.error(400, "unknown_teacher", "no other teacher has that id; ask your administrator for it (armistice teacher list)")
        }
        do { try context.archive.shares?.add(code, teacher: body.teacher) } catch {
            return Self.error(500, "internal_error", "the shares could not be saved")
        }
        return Self.json(200, context.archive.entry(code, live: rooms) ?? entry)
    }

    struct Me: Encodable {
        var id: String?
        var name: String
        var admin: Bool
    }

    struct TicketAnswer: Encodable {
        var ticket: String
        var expires: Int64
        /// The report page, with the ticket.
        var report: String
        /// The replay viewer on this match, with the ticket.
        var replay: String
    }

    struct Deleted: Encodable {
        var deleted: String
    }

    private func me(_ principal: Principal) -> HTTPResponse {
        Self.json(200, whoIs(principal))
    }

    private func whoIs(_ principal: Principal) -> Me {
        switch principal {
        case .admin: return Me(id: nil, name: "Administrator", admin: true)
        case .teacher(let id): return Me(id: id, name: context.accounts.all.first { $0.id == id }?.name ?? id, admin: false)
        }
    }

    private func log(_ code: String) -> HTTPResponse {
        Self.logDownload(code, path: context.archive.path(code), open: rooms?[code] != nil) ?? Self.unknownRoom()
    }

    /// A match log as a download (nil: no such file). An open room's log: only whole records (a line being written
    /// right now is left out). Any other log is written by no one: every byte it has, a cut-off last line too (a
    /// header cut short is all a damaged log may hold, and the admin downloads it to look at it before deleting it).
    static func logDownload(_ code: String, path: String, open: Bool) -> HTTPResponse? {
        guard var bytes = MatchStore.read(path: path) else { return nil }
        if open {
            if let lastNewline = bytes.lastIndex(of: 0x0A) { bytes.removeSubrange((lastNewline + 1)...) } else { bytes = [] }
        }
        return HTTPResponse(status: 200, contentType: "application/x-ndjson",
                            headers: ["Content-Disposition": "attachment; filename=\"armistice-\(code).jsonl\"", "Cache-Control": "no-store"],
                            body: bytes)
    }

    private func report(_ code: String, _ format: ReportRenderer.Format, _ language: Language?, for principal: Principal,
                        download: Bool) -> HTTPResponse {
        guard let entry = visible(code, principal) else { return Self.unknownRoom() }
        guard entry.state == .finished else { return Self.notFinished() }
        if let refusal = reportsReady(code, language) { return refusal }
        guard let body = context.reports?.cached(code, format, language, log: context.archive.path(code)) else {
            return Self.error(503, "report_pending", "the report is being made; ask again in a moment")
        }
        var headers = ["Cache-Control": "no-store"]
        if download {
            headers["Content-Disposition"] = "attachment; filename=\"armistice-\(code)\(format == .html ? ".html" : ".replay.json")\""
        }
        if format == .html {
            // The report is one self-contained page: inline CSS and SVG, no scripts.
            headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
            return HTTPResponse(status: 200, contentType: "text/html; charset=utf-8", headers: headers, body: body)
        }
        return HTTPResponse(status: 200, contentType: "application/json", headers: headers, body: body)
    }

    /// The language a report or replay is asked in (`?lang=ko`): `.some(nil)` when none is asked (the room's own),
    /// nil when the tag names no language the reports are written in.
    static func language(_ request: HTTPRequest) -> Language?? {
        guard let tag = request.query["lang"] else { return .some(nil) }
        return Language(tag: tag).map { .some($0) }
    }

    static func badLanguage() -> HTTPResponse {
        error(400, "bad_parameter", "lang is \(Language.allCases.map(\.rawValue).joined(separator: " or ")), or leave it out for the room's language")
    }

    /// Nil when both reports of a finished match (in `language`, nil: the room's) are ready; otherwise the answer to
    /// give (they are being made, or failed, or this server cannot make them).
    private func reportsReady(_ code: String, _ language: Language?) -> HTTPResponse? {
        guard let reports = context.reports else { return Self.error(501, "no_reports", "this server was started without the report renderer") }
        switch reports.prepare(code, language, log: context.archive.path(code)) {
        case .ready: return nil
        case .pending:
            var answer = Self.error(503, "report_pending", "the report is being made; ask again in a moment")
            answer.headers["Retry-After"] = "1"
            return answer
        case .failed(let why):
            return Self.error(500, "report_failed", "the report could not be made: \(Self.jsonEscaped(why))")
        }
    }

    /// One student's data across the principal's matches: read on a background queue (a thousand logs take a while and
    /// the thread that answers HTTP never waits), meanwhile `202 export_pending` with `Retry-After: 1`.
    private func studentExport(_ name: String, for principal: Principal) -> HTTPResponse {
        let (archive, now) = (context.archive, now)
        let status = context.exports.export(name: name, for: principal, now: now) {
            var export = StudentExport(name: name, exported: now, matches: [])
            archive.forEachLog(for: principal) { code, records in
                export.matches += StudentExport.collect(name: name, from: [(code, records)], now: now).matches
            }
            export.matches.sort { $0.created < $1.created }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return (try? encoder.encode(export)).map(Array.init) ?? []
        }
        switch status {
        case .ready(let bytes) where !bytes.isEmpty:
            return HTTPResponse(status: 200, contentType: "application/json",
                                headers: ["Content-Disposition": "attachment; filename=\"armistice-student-data.json\"", "Cache-Control": "no-store"],
                                body: bytes)
        case .ready:
            return Self.error(500, "internal_error", "could not encode the answer")
        case .pending:
            // 202, as for a ticket whose reports are being made: a page waits for it without an error.
            var answer = Self.error(202, "export_pending", "the export is being made; ask again in a moment")
            answer.headers["Retry-After"] = "1"
            return answer
        case .busy:
            var answer = Self.error(503, "server_busy", "too many exports are being made; try again in a minute")
            answer.headers["Retry-After"] = "10"
            return answer
        }
    }

    private func delete(_ code: String, by principal: Principal) -> HTTPResponse {
        let who = principal.ownerID.map { "teacher \($0)" } ?? "admin"
        switch context.rooms.deleteMatch(code, archive: context.archive, reports: context.reports, tickets: context.tickets, why: who) {
        case .deleted: return Self.json(200, Deleted(deleted: code))
        case .missing: return Self.unknownRoom()
        case .live: return Self.error(409, "room_live", "this match is still being played: end it first, then delete it")
        case .timedOut: return Self.error(503, "server_busy", "the server did not get to it in time; try again")
        }
    }

    static func notOwner() -> HTTPResponse {
        error(403, "not_owner", "this match is shared with you: only its owner may delete or share it")
    }

    static func unknownRoom() -> HTTPResponse { error(404, "unknown_room", "no match of yours has that code") }

    static func notFinished() -> HTTPResponse { error(409, "not_finished", "this match has not finished: its report is made when it ends") }

    static func json(_ status: Int, _ value: some Encodable, headers: [String: String] = [:]) -> HTTPResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return error(500, "internal_error", "could not encode the answer") }
        return HTTPResponse(status: status, contentType: "application/json", headers: headers.merging(["Cache-Control": "no-store"]) { a, _ in a },
                            body: Array(data))
    }

    static func error(_ status: Int, _ code: String, _ message: String) -> HTTPResponse {
        HTTPResponse(status: status, json: #"{"type":"error","code":"\#(code)","message":"\#(message)"}"#)
    }

    static func methodNotAllowed(_ allowed: String) -> HTTPResponse {
        HTTPResponse(status: 405, json: #"{"type":"error","code":"method_not_allowed","message":"use \#(allowed)"}"#, headers: ["Allow": allowed])
    }

    static func jsonEscaped(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }

    static func queryEscaped(_ text: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=?+#")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
