// libFuzzer target: one text message through the inbound gate (charge, shape check, decode), as the transport's
// thread handles every message. Compiled into the ArmisticeServer module by Fuzz/run.sh; not part of `swift build`.
// The parser itself lives in ArmisticeWire, linked uninstrumented here; the `parse` target fuzzes it with coverage.
import ArmisticeWire
import Foundation

private nonisolated(unsafe) var gate = InboundGate(limits: ServerLimits())
private nonisolated(unsafe) var calls: Int64 = 0

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequest(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    // The transport hands over only valid UTF-8 (LWS_SERVER_OPTION_VALIDATE_UTF8); anything else closes with 1007.
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return 0 }
    calls += 1
    gate.opened(1, now: calls * 1_000_000_000)
    switch gate.text(text, from: 1, now: calls * 1_000_000_000) {
    case .request, .invalid: break
    case .throttled, .flooded, nil: fatalError("a fresh budget refused a message")
    }
    // Straight to the parser too, without the gate's size cap, as a decoder-level check.
    _ = ClientRequest.parse(text)
    return 0
}
