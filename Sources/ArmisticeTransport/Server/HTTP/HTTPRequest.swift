/// An HTTP request handed to `WebSocketServerDelegate.handleHTTP`.
public struct HTTPRequest: Sendable {
    /// Upper-case method, e.g. "GET".
    public let method: String
    /// The decoded path without the query, e.g. "/api/rooms".
    public let path: String
    /// Query arguments (`?a=1&b=2`), decoded by libwebsockets. Later duplicates win.
    public let query: [String: String]
    /// Request headers the transport extracts, keyed by lower-case name: at least `authorization`,
    /// `x-instructor-key`, `user-agent`, `content-type`, plus `host`, `origin`, `accept`, `cookie`,
    /// `content-length` and `x-forwarded-for` when present.
    public let headers: [String: String]
    /// The peer's IP address.
    public let remoteAddress: String
    /// The request body (POST, PUT, PATCH), at most the server's `maxMessageBytes`.
    public let body: [UInt8]

    public init(method: String, path: String, query: [String: String] = [:], headers: [String: String] = [:],
                remoteAddress: String = "", body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.remoteAddress = remoteAddress
        self.body = body
    }
}
