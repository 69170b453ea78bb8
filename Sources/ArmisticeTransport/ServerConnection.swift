/// Service-thread state of one server-side WebSocket connection.
final class ServerConnection {
    /// The lws connection handle (valid until LWS_CALLBACK_CLOSED).
    let wsi: OpaquePointer
    /// Inbound reassembly.
    var assembler: MessageAssembler

    init(wsi: OpaquePointer, assembler: MessageAssembler) {
        self.wsi = wsi
        self.assembler = assembler
    }
}
