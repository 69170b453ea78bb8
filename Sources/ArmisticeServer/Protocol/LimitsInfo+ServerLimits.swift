import ArmisticeWire

extension LimitsInfo {
    /// What `welcome` reports of the server's limits.
    init(_ l: ServerLimits) {
        self.init(maxMessageBytes: l.maxMessageBytes, chatMaxLength: l.chatMaxLength, nameMaxLength: l.nameMaxLength,
                  messagesPerSecond: l.messagesPerSecond, messageBurst: l.messageBurst, chatMaxCodePoints: l.chatMaxScalars,
                  chatMaxBytes: l.chatMaxBytes, chatMaxLineBreaks: l.chatMaxLineBreaks, nameMaxCodePoints: l.nameMaxScalars,
                  nameMaxBytes: l.nameMaxBytes, bytesPerToken: l.bytesPerToken, maxDepth: l.maxDepth, maxValues: l.maxValues)
    }
}
