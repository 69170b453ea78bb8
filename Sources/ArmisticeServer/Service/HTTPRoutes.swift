import ArmisticeTransport
import Foundation
import ArmisticeWire

/// The HTTP endpoints beside the WebSocket: health, metrics, the scenarios, a room's public summary and the
/// instructor's log download (with the key, a teacher's secret or a sign-in session). Runs on the transport's thread: it reads only thread-safe copies (metrics, the room
/// directory, the ruleset summaries) and the shared join-failure limiter, never the executor's rooms.
struct HTTPRoutes {
    let metrics: ServerMetrics
    let logDirectory: String
    let instructorKey: String
    let transport: TransportStatistics?
    var rulesets: [RulesetSummary] = []
    var rooms: RoomDirectory?
    var joinFailures: JoinFailureLimiter?
    /// Wrong instructor keys per address, shared with the rooms (`create_room`, joining as instructor).
    var keyFailures: JoinFailureLimiter?
    /// The teachers' accounts and archive (`/api/teacher/…`); their secrets also open their own rooms' logs here.
    var archive: ArchiveContext?
    var now: () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }

    func respond(to request: HTTPRequest) -> HTTPResponse? {
        let path = request.path
        if path == "/healthz" {
            guard request.method == "GET" || request.method == "HEAD" else { return methodNotAllowed() }
            return HTTPResponse(status: 200, json: #"{"status":"ok","protocol":"\#(ProtocolVersion.current)"}"#)
        }
        if path == "/metrics" {
            guard request.method == "GET" else { return methodNotAllowed() }
            var counters: [String: Int] = [:]
            if let t = transport {
                counters = ["connections_accepted_total": t.connectionsAccepted, "frames_sent_total": t.messagesSent,
                            "bytes_sent_total": t.bytesSent, "bytes_received_total": t.bytesReceived,
                            "frames_dropped_total": t.framesDropped, "rejected_binary_total": t.rejectedBinary,
                            "rejected_too_large_total": t.rejectedTooLarge, "http_requests_total": t.httpRequests,
                            "idle_hangups_total": t.idleHangUps, "refused_no_descriptors_total": t.refusedNoDescriptors,
                            "refused_per_address_total": t.refusedPerAddress, "closed_for_fragments_total": t.closedForFragments,
                            "memory_returns_total": t.memoryReturns, "evicted_per_address_total": t.evictedPerAddress,
                            "http_bodies_timed_out_total": t.httpBodiesTimedOut]
            }
            return HTTPResponse(status: 200, contentType: "text/plain; version=0.0.4; charset=utf-8", body: Array(metrics.render(transport: counters).utf8))
        }
        if path == "/api/rulesets" || path == "/api/rulesets/" {
            guard request.method == "GET" else { return methodNotAllowed() }
            return json(200, rulesets)
        }
        if path == "/api/teacher" || path.hasPrefix("/api/teacher/"), let archive {
            return ArchiveRoutes(context: archive, rooms: rooms, keyFailures: keyFailures, now: now()).respond(to: request)
        }
        if path.hasPrefix("/api/") {
            let parts = path.split(separator: "/").map(String.init)
            if parts.count == 3, parts[1] == "rooms" {
                guard request.method == "GET" else { return methodNotAllowed() }
                return room(parts[2], from: request.remoteAddress)
            }
            guard parts.count == 4, parts[1] == "rooms", parts[3] == "log" else { return error(404, "not_found", "no such endpoint") }
            guard request.method == "GET" else { return methodNotAllowed() }
            let presented = ArchiveRoutes.presentedKey(request)
            guard let presented else { return error(401, "bad_instructor_key", "send the instructor key as Authorization: Bearer KEY or X-Instructor-Key") }
            // The same check as everywhere a key is asked for: a session is never charged to the address.
            let check = InstructorKeyCheck(instructorKey: instructorKey, accounts: archive?.accounts, failures: keyFailures, sessions: archive?.sessions)
            let principal: Principal
            switch check.check(presented, from: request.remoteAddress, now: now()) {
            case .success(let accepted): principal = accepted.principal
            case .failure(let refusal): return ArchiveRoutes.refusal(refusal, wrongKey: "that is not this server's instructor key")
            }
            let code = Secrets.normalizeCode(parts[2])
            guard code.count == Secrets.codeLength, code.allSatisfy(Secrets.codeAlphabet.contains),
                  principal == .admin || archive?.archive.mayView(code, principal) == true,
                  let download = ArchiveRoutes.logDownload(code, path: (logDirectory as NSString).appendingPathComponent("\(code).jsonl"),
                                                           open: rooms?[code] != nil) else {
                return error(404, "wrong_code", "no match log for that room code")
            }
            return download
        }
        return nil
    }

    /// A room's public summary. An unknown code counts against the address's join-failure budget, exactly like a
    /// wrong code sent in `join`, and an address that has used it up is refused before the lookup.
    private func room(_ raw: String, from address: String) -> HTTPResponse {
        let now = now()
        if let joinFailures, !joinFailures.allows(address, now: now) {
            return error(429, "rate_limited", "too many wrong room codes from your address; wait a minute, then check the code with your instructor")
        }
        let code = Secrets.normalizeCode(raw)
        if let rooms, rooms.isSuspended(code) {
            // The room exists: its code was right, so the address is not charged (a class refreshing the join page
            // while the disk is full must still be able to join once it is back).
            return error(503, ErrorCode.Own.storageUnavailable.rawValue,
                         "the server cannot save this room right now; nothing it acknowledged was lost: try again in a minute")
        }
        guard code.count == Secrets.codeLength, code.allSatisfy(Secrets.codeAlphabet.contains), let summary = rooms?[code] else {
            joinFailures?.recordFailure(address, now: now)
            return error(404, "unknown_room", "no room has that code; check it with your instructor")
        }
        return json(200, summary)
    }

    private func json(_ status: Int, _ value: some Encodable) -> HTTPResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return error(500, "internal_error", "could not encode the answer") }
        return HTTPResponse(status: status, contentType: "application/json", headers: ["Cache-Control": "no-store"], body: Array(data))
    }

    private func error(_ status: Int, _ code: String, _ message: String) -> HTTPResponse {
        HTTPResponse(status: status, json: #"{"type":"error","code":"\#(code)","message":"\#(message)"}"#)
    }

    private func methodNotAllowed() -> HTTPResponse {
        HTTPResponse(status: 405, json: #"{"type":"error","code":"method_not_allowed","message":"use GET"}"#)
    }
}
