/// The server's limits as `welcome` reports them (docs/protocol.md).
public struct LimitsInfo: Encodable, Sendable, Hashable {
    public var maxMessageBytes: Int
    public var chatMaxLength: Int
    public var nameMaxLength: Int
    public var messagesPerSecond: Double
    public var messageBurst: Int
    public var chatMaxCodePoints: Int
    public var chatMaxBytes: Int
    public var chatMaxLineBreaks: Int
    public var nameMaxCodePoints: Int
    public var nameMaxBytes: Int
    public var bytesPerToken: Int
    public var maxDepth: Int
    public var maxValues: Int

    public init(maxMessageBytes: Int, chatMaxLength: Int, nameMaxLength: Int, messagesPerSecond: Double, messageBurst: Int,
                chatMaxCodePoints: Int, chatMaxBytes: Int, chatMaxLineBreaks: Int, nameMaxCodePoints: Int, nameMaxBytes: Int,
                bytesPerToken: Int, maxDepth: Int, maxValues: Int) {
        self.maxMessageBytes = maxMessageBytes
        self.chatMaxLength = chatMaxLength
        self.nameMaxLength = nameMaxLength
        self.messagesPerSecond = messagesPerSecond
        self.messageBurst = messageBurst
        self.chatMaxCodePoints = chatMaxCodePoints
        self.chatMaxBytes = chatMaxBytes
        self.chatMaxLineBreaks = chatMaxLineBreaks
        self.nameMaxCodePoints = nameMaxCodePoints
        self.nameMaxBytes = nameMaxBytes
        self.bytesPerToken = bytesPerToken
        self.maxDepth = maxDepth
        self.maxValues = maxValues
    }
}
