/// An HTTP response returned by `WebSocketServerDelegate.handleHTTP`.
///
/// The transport adds security headers (`X-Content-Type-Options: nosniff`, a Content-Security-Policy
/// of `default-src 'self'` with `connect-src 'self' ws: wss:`, `X-Frame-Options`, `Referrer-Policy`)
/// unless `headers` sets them.
public struct HTTPResponse: Sendable {
    /// Status code, e.g. 200.
    public var status: Int
    /// The Content-Type header.
    public var contentType: String
    /// Extra headers (names case-insensitive).
    public var headers: [String: String]
    /// The body bytes.
    public var body: [UInt8]

    public init(status: Int = 200, contentType: String = "application/octet-stream",
                headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.contentType = contentType
        self.headers = headers
        self.body = body
    }

    /// A `text/plain; charset=utf-8` response.
    public init(status: Int = 200, text: String, headers: [String: String] = [:]) {
        self.init(status: status, contentType: "text/plain; charset=utf-8", headers: headers, body: Array(text.utf8))
    }

    /// An `application/json` response with an already-encoded JSON document.
    public init(status: Int = 200, json: String, headers: [String: String] = [:]) {
        self.init(status: status, contentType: "application/json", headers: headers, body: Array(json.utf8))
    }

    /// An `application/json` response with encoded JSON bytes (e.g. from `JSONEncoder`).
    public init(status: Int = 200, jsonBytes: [UInt8], headers: [String: String] = [:]) {
        self.init(status: status, contentType: "application/json", headers: headers, body: jsonBytes)
    }
}
