import ArmisticeEngine

/// Encodes outgoing messages (snake_case keys). One per core; not thread-safe.
struct MessageEncoder {
    private let encoder = StreamingJSONEncoder()
    private static let failure = #"{"type":"error","code":"internal_error","message":"could not encode a reply"}"#

    func encode(_ message: some Encodable) -> String {
        do {
            return String(decoding: try encoder.encode(message), as: UTF8.self)
        } catch {
            return Self.failure
        }
    }

    /// A message with a field table (or written by hand): straight through it, without the generic encoder's
    /// checks of what the value is (a dynamic cast for each message).
    func encode(_ message: some JSONWritable & Encodable) -> String {
        write { try message.writeJSON(to: $0) }
    }

    /// A message written part by part straight into the encoder's bytes (`body` must not call `encode`).
    func write(_ body: (StreamingJSONEncoder) throws -> Void) -> String {
        encoder.bytes.removeAll(keepingCapacity: true)
        do {
            try body(encoder)
            return String(decoding: encoder.bytes, as: UTF8.self)
        } catch {
            return Self.failure
        }
    }
}
