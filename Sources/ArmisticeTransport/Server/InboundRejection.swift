/// Why an inbound WebSocket message was dropped while its connection was kept open.
public enum InboundRejection: Sendable, Equatable, CustomStringConvertible {
    /// The peer sent a binary message; the protocol is text-only.
    case binaryFrame
    /// The message exceeded `maxMessageBytes`; `bytes` is how much of it arrived.
    case tooLarge(bytes: Int)

    /// A stable short name, used as a statistics and log key.
    public var code: String {
        switch self {
        case .binaryFrame: "binary_frame"
        case .tooLarge: "too_large"
        }
    }

    public var description: String {
        switch self {
        case .binaryFrame: "binary frame"
        case .tooLarge(let bytes): "message too large (\(bytes) bytes)"
        }
    }
}
