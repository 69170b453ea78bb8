/// Service-thread state of one established client connection.
final class ClientSession {
    let wsi: OpaquePointer
    var assembler: MessageAssembler
    let mailbox: ClientMailbox
    /// The close frame the server sent, if any.
    var peerClose: (code: UInt16?, reason: String)?
    /// The close this side sent, if any.
    var localClose: (code: UInt16, reason: String)?

    init(wsi: OpaquePointer, assembler: MessageAssembler, mailbox: ClientMailbox) {
        self.wsi = wsi
        self.assembler = assembler
        self.mailbox = mailbox
    }
}
