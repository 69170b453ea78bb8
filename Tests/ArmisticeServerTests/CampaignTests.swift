import Foundation
import Testing

/// The short fuzz and fault campaign (`armistice campaign --short`, docs/reliability.md) against the built binary:
/// mutated frames of every request type over WebSockets, the same frames into the gate, damaged scenarios and logs,
/// two kill -9 cycles. Nothing may crash or hang, every frame is answered as documented, no acknowledged chat is
/// lost. The seated room's ping bound is loose here: the tests run side by side on a shared machine.
@Suite(.serialized) struct CampaignTests {
    @Test(.timeLimit(.minutes(2))) func theShortCampaignFindsNothing() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ServerProcess.binary)
        process.currentDirectoryURL = URL(fileURLWithPath: CoreHarness.repoRoot)
        let findings = NSTemporaryDirectory() + "armistice-campaign-findings-" + UUID().uuidString
        process.arguments = ["campaign", "--short", "--max-p99-ms", "1000", "--findings", findings]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("Everything held."))
    }
}
