import CLibWebSockets

/// HTTP on the WebSocket port: the delegate first, then static files, then 404.
extension WebSocketServerCore {
    /// Headers added to every HTTP response unless the response sets them itself.
    static let securityHeaders: [(String, String)] = [
        ("content-security-policy",
         "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"),
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "no-referrer"),
    ]

    private static let methodNames = ["GET", "POST", "OPTIONS", "PUT", "PATCH", "DELETE", "CONNECT", "HEAD"]

    private static func knownHeaders() -> [(String, lws_token_indexes)] {
        [
            ("host", WSI_TOKEN_HOST), ("origin", WSI_TOKEN_ORIGIN), ("authorization", WSI_TOKEN_HTTP_AUTHORIZATION),
            ("user-agent", WSI_TOKEN_HTTP_USER_AGENT), ("content-type", WSI_TOKEN_HTTP_CONTENT_TYPE),
            ("content-length", WSI_TOKEN_HTTP_CONTENT_LENGTH), ("accept", WSI_TOKEN_HTTP_ACCEPT),
            ("cookie", WSI_TOKEN_HTTP_COOKIE), ("x-forwarded-for", WSI_TOKEN_X_FORWARDED_FOR),
        ]
    }

    private static let customHeaders = ["x-instructor-key", "x-request-id"]

    func httpRequest(_ wsi: OpaquePointer, _ user: UnsafeMutableRawPointer?,
                     _ input: UnsafeMutableRawPointer?, _ length: Int) -> Int32 {
        guard let user else { return -1 }
        let state = service.value
        let id = state.nextID()
        user.storeBytes(of: id, as: UInt64.self)
        let path = input.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: length), as: UTF8.self) } ?? "/"
        let exchange = HTTPExchange(method: Self.method(wsi), path: path, query: Self.query(wsi),
                                    headers: Self.headers(wsi), remoteAddress: Self.peerAddress(wsi))
        state.exchanges[id] = exchange
        let (urlBytes, headerBytes) = Self.requestSize(wsi, pathBytes: length, customHeaders: exchange.headers)
        if urlBytes > configuration.maxURLBytes {
            return respond(wsi, id, HTTPResponse(status: 414, text: "the URL is over \(configuration.maxURLBytes) bytes\n"))
        }
        if headerBytes > configuration.maxHeaderBytes {
            return respond(wsi, id, HTTPResponse(status: 431, text: "the request headers are over \(configuration.maxHeaderBytes) bytes\n"))
        }
        // Any method may carry a body (DELETE with one did): it is read before the one response is sent.
        if let declared = Int(exchange.headers["content-length"] ?? ""), declared > 0 {
            if declared > configuration.maxMessageBytes {
                return respond(wsi, id, HTTPResponse(status: 413, text: "request body too large\n"))
            }
            // The body arrives in LWS_CALLBACK_HTTP_BODY, whole within the deadline: lws restarts its own timeout at
            // every piece, so a body sent a byte every few seconds held its socket for good (outside tester qa6, W2:
            // one for 153 s, 1,000 from one address for 60 s). The timeout set here drops a sender that goes silent;
            // `httpBody` drops one still trickling once the deadline is past.
            let seconds = configuration.httpBodyTimeoutSeconds
            if seconds > 0 {
                exchange.bodyDeadline = MonotonicTime.now() + UInt64(seconds) * 1_000_000_000
                lws_set_timeout(wsi, PENDING_TIMEOUT_HTTP_CONTENT, Int32(clamping: seconds))
            }
            return 0
        }
        return dispatch(wsi, id)
    }

    func httpBody(_ wsi: OpaquePointer, _ user: UnsafeMutableRawPointer?, _ input: UnsafeMutableRawPointer?, _ length: Int) -> Int32 {
        guard let id = user?.load(as: UInt64.self), let exchange = service.value.exchanges[id] else { return 0 }
        if let deadline = exchange.bodyDeadline {
            guard MonotonicTime.now() <= deadline else {
                statistics.withLock { $0.httpBodiesTimedOut += 1 }
                return -1
            }
            // lws has just restarted its timeout for this piece: what is left of the deadline, not a fresh one.
            let left = (deadline - MonotonicTime.now()) / 1_000_000_000 + 1
            lws_set_timeout(wsi, PENDING_TIMEOUT_HTTP_CONTENT, Int32(clamping: left))
        }
        guard let input, length > 0, !exchange.bodyTooLarge, exchange.responseBody == nil else { return 0 }
        if exchange.body.count + length > configuration.maxMessageBytes {
            exchange.bodyTooLarge = true
            exchange.body = []
        } else {
            exchange.body.append(contentsOf: UnsafeRawBufferPointer(start: input, count: length))
        }
        return 0
    }

    func httpBodyComplete(_ wsi: OpaquePointer, _ user: UnsafeMutableRawPointer?) -> Int32 {
        // Answered already (the 413 for a declared size over the cap): never a second set of headers.
        guard let id = user?.load(as: UInt64.self), let exchange = service.value.exchanges[id], exchange.responseBody == nil else { return 0 }
        if exchange.bodyDeadline != nil {
            exchange.bodyDeadline = nil
            lws_set_timeout(wsi, NO_PENDING_TIMEOUT, 0)
        }
        if exchange.bodyTooLarge {
            return respond(wsi, id, HTTPResponse(status: 413, text: "request body too large\n"))
        }
        return dispatch(wsi, id)
    }

    /// Writes the next chunk of a pending response body; nil when this wsi has none (not ours).
    func httpWritable(_ wsi: OpaquePointer, _ user: UnsafeMutableRawPointer?) -> Int32? {
        let state = service.value
        guard let id = user?.load(as: UInt64.self), let exchange = state.exchanges[id],
              let body = exchange.responseBody else { return nil }
        let chunk = min(ServerServiceState.scratchPayload, body.count - exchange.responseOffset)
        let payload = state.scratch + clws_pre()
        body.withUnsafeBufferPointer { source in
            payload.update(from: source.baseAddress! + exchange.responseOffset, count: chunk)
        }
        let final = exchange.responseOffset + chunk == body.count
        let written = lws_write(wsi, payload, chunk, final ? LWS_WRITE_HTTP_FINAL : LWS_WRITE_HTTP)
        guard Int(written) >= chunk else { return -1 }
        exchange.responseOffset += chunk
        guard final else {
            lws_callback_on_writable(wsi)
            return 0
        }
        state.exchanges[id] = nil
        return lws_http_transaction_completed(wsi) != 0 ? -1 : 0
    }

    func httpClosed(_ user: UnsafeMutableRawPointer?) {
        guard let id = user?.load(as: UInt64.self) else { return }
        service.value.exchanges[id] = nil
    }

    private func dispatch(_ wsi: OpaquePointer, _ id: UInt64) -> Int32 {
        guard let exchange = service.value.exchanges[id] else { return -1 }
        statistics.withLock { $0.httpRequests += 1 }
        if let response = delegate.handleHTTP(exchange.request) {
            return respond(wsi, id, response)
        }
        if let staticFiles, exchange.method == "GET" || exchange.method == "HEAD",
           let (file, contentType) = staticFiles.resolve(exchange.path) {
            return serveFile(wsi, id, file: file, contentType: contentType)
        }
        return respond(wsi, id, HTTPResponse(status: 404, text: "not found\n"))
    }

    private func respond(_ wsi: OpaquePointer, _ id: UInt64, _ response: HTTPResponse) -> Int32 {
        let state = service.value
        let (pairs, count) = Self.headerPairs(response.headers)
        let failed = pairs.withUnsafeBufferPointer { buffer in
            clws_write_http_headers(wsi, UInt32(clamping: response.status), response.contentType,
                                    UInt(response.body.count), buffer.baseAddress, Int32(count))
        }
        guard failed == 0 else {
            logger.warning("could not write HTTP headers (too large?)", metadata: ["path": "\(state.exchanges[id]?.path ?? "")"])
            state.exchanges[id] = nil
            return -1
        }
        let isHead = state.exchanges[id]?.method == "HEAD"
        if response.body.isEmpty || isHead {
            state.exchanges[id] = nil
            return lws_http_transaction_completed(wsi) != 0 ? -1 : 0
        }
        state.exchanges[id]?.responseBody = response.body
        state.exchanges[id]?.responseOffset = 0
        lws_callback_on_writable(wsi)
        return 0
    }

    private func serveFile(_ wsi: OpaquePointer, _ id: UInt64, file: String, contentType: String) -> Int32 {
        service.value.exchanges[id] = nil
        let (pairs, count) = Self.headerPairs([:])
        var formatted = [UInt8](repeating: 0, count: 4096)
        let formattedCount = pairs.withUnsafeBufferPointer { buffer in
            clws_format_header_pairs(wsi, buffer.baseAddress, Int32(count), &formatted, formatted.count)
        }
        guard formattedCount >= 0 else { return -1 }
        let result = formatted.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { headers in
                lws_serve_http_file(wsi, file, contentType, headers.baseAddress, formattedCount)
            }
        }
        if result < 0 || (result > 0 && lws_http_transaction_completed(wsi) != 0) { return -1 }
        return 0
    }

    /// `name:\0value\0` pairs for the shim: the response's headers plus any missing security headers.
    /// CR, LF and NUL are removed so a header value cannot inject more headers.
    static func headerPairs(_ headers: [String: String]) -> (bytes: [CChar], count: Int) {
        var merged: [(String, String)] = headers.map { ($0.key.lowercased(), $0.value) }.sorted { $0.0 < $1.0 }
        let present = Set(merged.map(\.0))
        for (name, value) in securityHeaders where !present.contains(name) { merged.append((name, value)) }
        var bytes: [CChar] = []
        for (name, value) in merged {
            let cleanName = name.utf8.filter { $0 > 32 && $0 != UInt8(ascii: ":") && $0 < 127 }
            guard !cleanName.isEmpty else { continue }
            bytes += cleanName.map { CChar(bitPattern: $0) } + [CChar(bitPattern: UInt8(ascii: ":")), 0]
            bytes += value.utf8.filter { $0 != 13 && $0 != 10 && $0 != 0 }.map { CChar(bitPattern: $0) } + [0]
        }
        return (bytes + [0], merged.count)
    }

    /// Bytes of the request target (path and query) and of the headers lws holds for a request (the known ones and
    /// the custom ones read).
    private static func requestSize(_ wsi: OpaquePointer, pathBytes: Int, customHeaders: [String: String]) -> (url: Int, headers: Int) {
        let url = pathBytes + Int(max(0, lws_hdr_total_length(wsi, WSI_TOKEN_HTTP_URI_ARGS)))
        var all = 0
        for index in 0..<WSI_TOKEN_COUNT.rawValue {
            all += Int(max(0, lws_hdr_total_length(wsi, lws_token_indexes(rawValue: index))))
        }
        let custom = customHeaders.filter { customHeadersNames.contains($0.key) }.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count }
        return (url, max(0, all - url) + custom)
    }

    private static let customHeadersNames = Set(customHeaders)

    private static func method(_ wsi: OpaquePointer) -> String {
        var uri: UnsafeMutablePointer<CChar>?
        var length: Int32 = 0
        let index = Int(lws_http_get_uri_and_method(wsi, &uri, &length))
        return methodNames.indices.contains(index) ? methodNames[index] : "GET"
    }

    private static func headers(_ wsi: OpaquePointer) -> [String: String] {
        var result: [String: String] = [:]
        for (name, token) in knownHeaders() {
            let length = Int(lws_hdr_total_length(wsi, token))
            guard length > 0 else { continue }
            var buffer = [CChar](repeating: 0, count: length + 1)
            let copied = Int(lws_hdr_copy(wsi, &buffer, Int32(buffer.count), token))
            guard copied >= 0 else { continue }
            result[name] = string(buffer, count: copied)
        }
        for name in customHeaders {
            let key = name + ":"
            let length = Int(lws_hdr_custom_length(wsi, key, Int32(key.utf8.count)))
            guard length >= 0 else { continue }
            var buffer = [CChar](repeating: 0, count: length + 1)
            let copied = Int(lws_hdr_custom_copy(wsi, &buffer, Int32(buffer.count), key, Int32(key.utf8.count)))
            guard copied >= 0 else { continue }
            result[name] = string(buffer, count: copied)
        }
        return result
    }

    private static func query(_ wsi: OpaquePointer) -> [String: String] {
        var result: [String: String] = [:]
        var buffer = [CChar](repeating: 0, count: 4096)
        var index: Int32 = 0
        while index < 64 {
            let copied = Int(lws_hdr_copy_fragment(wsi, &buffer, Int32(buffer.count), WSI_TOKEN_HTTP_URI_ARGS, index))
            guard copied >= 0 else { break }
            index += 1
            let argument = string(buffer, count: copied)
            guard !argument.isEmpty else { continue }
            if let equals = argument.firstIndex(of: "=") {
                result[String(argument[..<equals])] = String(argument[argument.index(after: equals)...])
            } else {
                result[argument] = ""
            }
        }
        return result
    }

    private static func string(_ buffer: [CChar], count: Int) -> String {
        String(decoding: buffer.prefix(min(count, buffer.count)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
