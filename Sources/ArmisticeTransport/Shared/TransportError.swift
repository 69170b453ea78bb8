import ArmisticeErrors

/// An error from the transport, with a stable code a caller can act on.
public typealias TransportError = CodedError<TransportErrorCode>

/// The kinds of transport failure.
public enum TransportErrorCode: String, ErrorCodeSet {
    /// The listening port is already taken.
    case addressInUse = "address_in_use"
    /// The TLS certificate or key is missing or unusable.
    case tlsConfiguration = "tls_configuration"
    /// libwebsockets could not create its context (other causes).
    case contextCreation = "context_creation"
    /// `start()` was called twice, or after `shutdown()`.
    case invalidState = "invalid_state"
    /// The URL is not a usable ws:// or wss:// URL.
    case invalidURL = "invalid_url"
    /// The TCP connection was refused or failed before the handshake.
    case connectionFailed = "connection_failed"
    /// The WebSocket handshake failed (bad status, protocol, TLS).
    case handshakeFailed = "handshake_failed"
    /// The operation did not finish in time.
    case timeout = "timeout"
    /// The pool or server was shut down.
    case shutdown = "shutdown"
}
