/// The wire protocol's names and what this server speaks. See docs/protocol.md.
public enum ProtocolVersion {
    /// The version this server prefers; also a WebSocket subprotocol name.
    public static let current = "armistice.v2"
    /// The first version: `update` carries the whole view instead of its changes. Still served for old clients.
    public static let legacy = "armistice.v1"
    /// In order of preference.
    public static let supported: [String] = [current, legacy]

    /// The version to speak with a client that offers `offered` (its order of preference), or nil if none is spoken here.
    public static func choose(_ offered: [String]) -> String? {
        offered.first(where: supported.contains)
    }
}
