/// Counters describing a server's traffic since it started.
public struct TransportStatistics: Sendable, Equatable {
    /// WebSocket connections open right now.
    public var connectionsOpen: Int = 0
    /// WebSocket connections accepted since start.
    public var connectionsAccepted: Int = 0
    /// Whole text messages received and delivered to the delegate.
    public var messagesReceived: Int = 0
    /// Payload bytes of the delivered messages.
    public var bytesReceived: Int = 0
    /// Frames written to sockets.
    public var messagesSent: Int = 0
    /// Payload bytes of the written frames.
    public var bytesSent: Int = 0
    /// Frames refused by `send` because a connection's queue was full.
    public var framesDropped: Int = 0
    /// Inbound binary messages dropped.
    public var rejectedBinary: Int = 0
    /// Inbound messages dropped for exceeding the size cap.
    public var rejectedTooLarge: Int = 0
    /// WebSocket connections dropped because the peer was silent (no frame, no pong) for the idle timeout.
    public var idleHangUps: Int = 0
    /// Connections (WebSocket or HTTP) closed as soon as they were accepted, because the process was close to its
    /// open-file limit (`Configuration.reservedFileDescriptors`).
    public var refusedNoDescriptors: Int = 0
    /// Connections closed as soon as they were accepted, because their address already held
    /// `Configuration.maxConnectionsPerAddress` sockets.
    public var refusedPerAddress: Int = 0
    /// Connections without a seat closed (1013, or an HTTP socket dropped) to make room for a newcomer from their
    /// address, which held `maxConnectionsPerAddress` already.
    public var evictedPerAddress: Int = 0
    /// WebSocket connections closed (1008) for sending one message in more than `MessageAssembler.maxChunks` pieces.
    public var closedForFragments: Int = 0
    /// Times the heap's free pages were handed back to the system after many sockets closed
    /// (`Configuration.memoryReturnAfterClosedSockets`).
    public var memoryReturns: Int = 0
    /// HTTP requests answered (dynamic and static).
    public var httpRequests: Int = 0
    /// HTTP sockets dropped because a request body did not arrive whole within `httpBodyTimeoutSeconds`.
    public var httpBodiesTimedOut: Int = 0

    public init() {}
}
