/// Service-thread state of one HTTP request/response on a server connection.
final class HTTPExchange {
    let method: String
    let path: String
    let query: [String: String]
    let headers: [String: String]
    let remoteAddress: String
    /// Request body received so far.
    var body: [UInt8] = []
    /// Whether the body exceeded the cap (answered with 413 once complete).
    var bodyTooLarge = false
    /// When the body must have arrived whole (`MonotonicTime`), nil when none is awaited.
    var bodyDeadline: UInt64?
    /// Response body waiting to be written, and how much of it is out.
    var responseBody: [UInt8]?
    var responseOffset = 0

    init(method: String, path: String, query: [String: String], headers: [String: String], remoteAddress: String) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.remoteAddress = remoteAddress
    }

    var request: HTTPRequest {
        HTTPRequest(method: method, path: path, query: query, headers: headers, remoteAddress: remoteAddress, body: body)
    }
}
