import ArmisticeEngine

/// Encodes outgoing messages (snake_case keys) to the bytes that go on the wire: UTF-8 JSON, handed to the transport
/// as they are (no `String` in between, whose UTF-8 check and copy were about 4% of building a room's updates).
/// One per core; not thread-safe.
struct MessageEncoder {
    private let encoder = StreamingJSONEncoder()
    private static let failure = Array(#"{"type":"error","code":"internal_error","message":"could not encode a reply"}"#.utf8)

    func encode(_ message: some Encodable) -> [UInt8] {
        do {
            _ = try encoder.encode(message)
            return taken()
        } catch {
            return Self.failure
        }
    }

    /// A message with a field table (or written by hand): straight through it, without the generic encoder's
    /// checks of what the value is (a dynamic cast for each message).
    func encode(_ message: some JSONWritable & Encodable) -> [UInt8] {
        write { try message.writeJSON(to: $0) }
    }

    /// A message written part by part straight into the encoder's bytes (`body` must not call `encode`).
    func write(_ body: (StreamingJSONEncoder) throws -> Void) -> [UInt8] {
        encoder.bytes.removeAll(keepingCapacity: true)
        do {
            try body(encoder)
            return taken()
        } catch {
            return Self.failure
        }
    }

    /// A copy of what the encoder wrote, exactly as long as it (the encoder's buffer is kept for the next message, and
    /// a message kept in a room's backlog should not hold a snapshot's capacity).
    private func taken() -> [UInt8] {
        encoder.bytes.withUnsafeBufferPointer { Array($0) }
    }
}
