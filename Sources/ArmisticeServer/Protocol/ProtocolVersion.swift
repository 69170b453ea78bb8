/// The wire protocol's name and what this server speaks. See docs/protocol.md.
public enum ProtocolVersion {
    /// The only protocol version this server speaks; also the WebSocket subprotocol name.
    public static let current = "armistice.v1"
    public static let supported: Set<String> = [current]
}
