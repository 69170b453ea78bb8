import ArmisticeTransport
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket
import Synchronization

/// The load generator's WebSocket connections, on one event-loop thread (SwiftNIO's client).
///
/// The generator shares the machine with the server it measures, so what it spends reading is taken from the server.
/// The transport's client (libwebsockets 4.1.6, which the terminal client uses) reads a frame one byte at a time: in
/// the turn cycle, where every burst brings the generator about 3.5 MB of results, that reading was most of the
/// burst. NIO's decoder takes a frame's payload as one slice. Messages are handed over on the event-loop thread, in
/// order, as `ClientEvent`s, like the transport's client does.
package final class LoadSocketPool: Sendable {
    private let group: MultiThreadedEventLoopGroup
    private let subprotocol: String?
    private let maxMessageBytes: Int
    private let addresses = Mutex<[String: SocketAddress]>([:])

    package init(subprotocol: String?, maxMessageBytes: Int) {
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        self.subprotocol = subprotocol
        self.maxMessageBytes = maxMessageBytes
    }

    /// Opens a WebSocket to a `ws://` URL; throws if the TCP connection or the upgrade fails or takes over `timeout`.
    package func connect(url: String, timeout: Duration) async throws -> LoadSocket {
        guard let parsed = URL(string: url), parsed.scheme == "ws", let host = parsed.host else {
            throw LoadFailure("the load generator connects to ws:// URLs only, not \(url)")
        }
        let port = parsed.port ?? 80
        var target = parsed.path.isEmpty ? "/" : parsed.path
        if let query = parsed.query { target += "?" + query }
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: "\(host):\(port)")
        headers.add(name: "Content-Length", value: "0")
        if let subprotocol { headers.add(name: "Sec-WebSocket-Protocol", value: subprotocol) }
        let head = HTTPRequestHead(version: .http1_1, method: .GET, uri: target, headers: headers)
        let events = LoadSocket.Events()
        let maxMessageBytes = maxMessageBytes
        let limit = TimeAmount.seconds(max(1, timeout.components.seconds))
        let address = try resolved(host: host, port: port)
        let upgraded: EventLoopFuture<Channel?> = try await ClientBootstrap(group: group)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connectTimeout(limit)
            .connect(to: address) { channel in
                channel.eventLoop.makeCompletedFuture {
                    // The upgrade must also finish within the timeout: a server that accepts and never answers is closed.
                    channel.eventLoop.scheduleTask(in: limit) {
                        if !events.upgraded.load(ordering: .relaxed) { channel.close(promise: nil) }
                    }
                    let upgrader = NIOTypedWebSocketClientUpgrader<Channel?>(maxFrameSize: maxMessageBytes) { channel, _ in
                        channel.eventLoop.makeCompletedFuture {
                            events.upgraded.store(true, ordering: .relaxed)
                            try channel.pipeline.syncOperations.addHandlers([
                                NIOWebSocketFrameAggregator(minNonFinalFragmentSize: 0, maxAccumulatedFrameCount: .max,
                                                            maxAccumulatedFrameSize: maxMessageBytes),
                                LoadSocketHandler(events: events),
                            ])
                            return channel
                        }
                    }
                    let upgrade = NIOTypedHTTPClientUpgradeConfiguration<Channel?>(
                        upgradeRequestHead: head, upgraders: [upgrader],
                        notUpgradingCompletionHandler: { channel in channel.eventLoop.makeSucceededFuture(nil) })
                    // A message the server sends right after its 101 can come in the same read: keep those bytes.
                    var pipeline = NIOUpgradableHTTPClientPipelineConfiguration(upgradeConfiguration: upgrade)
                    pipeline.leftOverBytesStrategy = .forwardBytes
                    return try channel.pipeline.syncOperations.configureUpgradableHTTPClientPipeline(configuration: pipeline)
                }
            }
        guard let channel = try await upgraded.get() else {
            throw LoadFailure("the server at \(url) answered without upgrading to a WebSocket (\(subprotocol ?? "no subprotocol"))")
        }
        return LoadSocket(channel: channel, events: events)
    }

    /// The server's address, looked up once: every connection of a run goes to the same one or two, and a lookup per
    /// connection (NIO's `connect(host:port:)` resolves each time and races IPv4 against IPv6) slowed opening 10,000.
    private func resolved(host: String, port: Int) throws -> SocketAddress {
        let key = "\(host):\(port)"
        if let known = addresses.withLock({ $0[key] }) { return known }
        let address = try SocketAddress.makeAddressResolvingHost(host, port: port)
        addresses.withLock { $0[key] = address }
        return address
    }

    /// Closes every connection and stops the event-loop thread.
    package func shutdown() {
        try? group.syncShutdownGracefully()
    }
}

/// One load connection: send, close, and a handler for what arrives.
package final class LoadSocket: Sendable {
    private let channel: Channel
    private let events: Events

    init(channel: Channel, events: Events) {
        self.channel = channel
        self.events = events
    }

    /// Hands every message and the close to `handler`, on the event-loop thread, in order; what arrived before
    /// the handler was set goes to it first.
    package func handleEvents(_ handler: @escaping @Sendable (ClientEvent) -> Void) {
        channel.eventLoop.execute { [events] in events.start(handler) }
    }

    /// Sends a text message (masked, as a client must).
    package func send(_ text: String) {
        var buffer = channel.allocator.buffer(capacity: text.utf8.count)
        buffer.writeString(text)
        channel.writeAndFlush(WebSocketFrame(fin: true, opcode: .text, maskKey: .random(), data: buffer), promise: nil)
    }

    /// Sends a close frame (1000) and closes the connection once it is written.
    package func close() {
        var data = channel.allocator.buffer(capacity: 2)
        data.write(webSocketErrorCode: .normalClosure)
        let channel = channel
        channel.writeAndFlush(WebSocketFrame(fin: true, opcode: .connectionClose, maskKey: .random(), data: data))
            .whenComplete { _ in channel.close(promise: nil) }
    }

    /// The handler and what arrived before it: touched on the event-loop thread only (the lock is never contended).
    final class Events: Sendable {
        private struct State {
            var handler: (@Sendable (ClientEvent) -> Void)?
            var early: [ClientEvent] = []
        }
        private let state = Mutex(State())
        let upgraded = Atomic<Bool>(false)

        func deliver(_ event: ClientEvent) {
            let handler = state.withLock { s -> (@Sendable (ClientEvent) -> Void)? in
                if s.handler == nil { s.early.append(event) }
                return s.handler
            }
            handler?(event)
        }

        func start(_ handler: @escaping @Sendable (ClientEvent) -> Void) {
            let early = state.withLock { s -> [ClientEvent] in
                s.handler = handler
                defer { s.early = [] }
                return s.early
            }
            for event in early { handler(event) }
        }
    }
}

/// Reads the frames of one upgraded connection: text to the events, pings answered, the peer's close recorded.
private final class LoadSocketHandler: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    private let events: LoadSocket.Events
    private var closeCode: UInt16?
    private var closeReason = ""

    init(events: LoadSocket.Events) { self.events = events }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .text:
            events.deliver(.text(String(buffer: frame.unmaskedData)))
        case .ping:
            context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .pong, maskKey: .random(), data: frame.unmaskedData)),
                                  promise: nil)
        case .connectionClose:
            var data = frame.unmaskedData
            if let code = data.readInteger(as: UInt16.self) {
                closeCode = code
                closeReason = data.readString(length: data.readableBytes) ?? ""
            }
            var echo = context.channel.allocator.buffer(capacity: 2)
            echo.writeInteger(closeCode ?? 1000)
            // Answer the close, then close: the write goes out first (a channel handles its operations in order).
            context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .connectionClose, maskKey: .random(), data: echo)),
                                  promise: nil)
            context.close(promise: nil)
        default:
            break
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        events.deliver(.closed(code: closeCode, reason: closeReason))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }
}
