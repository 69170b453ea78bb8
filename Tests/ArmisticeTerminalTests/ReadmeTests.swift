import Foundation
import Testing

/// What the root README tells a student about locking agrees with what the server does (docs/protocol.md): only a
/// practice room ends its negotiation when the student locks; in a class the clock sets the pace.
@Suite struct ReadmeTests {
    static func section(_ heading: String, of file: String) throws -> String {
        let text = try String(contentsOfFile: E2E.root.appendingPathComponent(file).path, encoding: .utf8)
        let start = try #require(text.range(of: "## " + heading), "no \"\(heading)\" in \(file)")
        let rest = text[start.upperBound...]
        return String(rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)])
    }

    @Test func thePracticeLineAboutLockingSaysThatInAClassLockingEndsNothingEarly() throws {
        let practice = try Self.section("Practising alone", of: "README.md").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(practice.contains("the negotiation ends at once"), "\(practice)")
        #expect(practice.contains("This is practice only: in a class the clock sets the pace, and locking during the negotiation ends nothing early"), "\(practice)")
        #expect(practice.contains("cannot be undone"), "\(practice)")
        // The server's rule, as the protocol states it.
        let protocolText = try String(contentsOfFile: E2E.root.appendingPathComponent("docs/protocol.md").path, encoding: .utf8)
        #expect(protocolText.contains("locking ends nothing early"))
        #expect(protocolText.contains("A `practice` room (what `armistice practice` makes) also ends `negotiation`"))
    }
}
