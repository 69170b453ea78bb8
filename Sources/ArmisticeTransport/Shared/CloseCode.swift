/// WebSocket close status codes this transport sends (RFC 6455 section 7.4.1).
public enum CloseCode: UInt16, Sendable {
    case normal = 1000
    case goingAway = 1001
    case protocolError = 1002
    case unsupportedData = 1003
    case policyViolation = 1008
    case messageTooBig = 1009
    case internalError = 1011
    /// Try again later: closed to make room for another connection from the same address.
    case tryAgainLater = 1013
}
