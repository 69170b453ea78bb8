/// Encodes outgoing messages (snake_case keys). One per core; not thread-safe.
struct MessageEncoder {
    private let encoder = StreamingJSONEncoder()

    func encode(_ message: some Encodable) -> String {
        do {
            return String(decoding: try encoder.encode(message), as: UTF8.self)
        } catch {
            return #"{"type":"error","code":"internal_error","message":"could not encode a reply"}"#
        }
    }
}
