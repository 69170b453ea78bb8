/// Service-thread state of one established client connection.
final class ClientSession: IdleTracked {
    let wsi: OpaquePointer
    var assembler: MessageAssembler
    let mailbox: ClientMailbox
    /// The close frame the server sent, if any.
    var peerClose: (code: UInt16?, reason: String)?
    /// The close this side sent, if any.
    var localClose: (code: UInt16, reason: String)?
    /// When the server was last heard from, and whether a ping is owed or out.
    var liveness: Liveness

    init(wsi: OpaquePointer, assembler: MessageAssembler, mailbox: ClientMailbox, openedAt now: UInt64) {
        self.wsi = wsi
        self.assembler = assembler
        self.mailbox = mailbox
        liveness = Liveness(openedAt: now)
    }
}
