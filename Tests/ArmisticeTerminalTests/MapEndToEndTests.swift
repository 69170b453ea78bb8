import Foundation
import Testing
@testable import ArmisticeTerminal

/// Issue 13, item 10 end to end: the real server and the real client in tmux at 80×24. The student opens the map in
/// the Board pane after a turn in which the instructor moved the friction at sea; the capture is kept in
/// test-output/terminal/.
@Suite(.serialized, .enabled(if: E2E.available, "needs tmux (apt-get install tmux) and a built .build/debug/armistice"))
struct MapEndToEndTests {
    @Test func theBoardPaneListsTheMapsPlacesWithWhatChangedOverTheTurn() async throws {
        let server = ServerProcess(data: E2E.temporaryDirectory("map"))
        try await server.start()
        defer { server.stopNow() }
        let (instructor, code, kim, ari) = try await EndToEndTests.negotiation(server, state: E2E.temporaryDirectory("kim-map"))
        defer { kim.close() }

        // Before the turn: the map in the scenario's words, a place on the mediator's track left out.
        try kim.keys("1")
        try await kim.waitFor(text: "The map of places: m")
        try kim.keys("m")
        let before = try await kim.waitFor(text: "The Coral Strait (m: back to the tracks)")
        #expect(before.contains("Patrol line ▸ boats shadowed"))
        #expect(before.contains("Accord talks ▸ no talks"))
        #expect(!before.contains("Fishing grounds"), "fish_stock is the mediator's alone")
        ClassEndToEndTests.keep(before, as: "map-before")

        // The instructor raises the friction at sea during the turn; after the results the map says what changed.
        try await instructor.request(["type": "adjust", "target": "friction", "value": 4, "reason": "a trawler rammed"])
        try await EndToEndTests.lockInAndAdjudicate(kim, instructor: instructor, other: ari)
        try kim.keys("1")
        let after = try await kim.waitFor("the changed place") { $0.contains("Patrol line ▸") && $0.contains("(was:") }
        #expect(after.contains("Changed over turn 1"))
        #expect(after.contains("boats shadowed)"))
        #expect(!after.contains("…"))
        let lines = after.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines { #expect(TerminalText.width(String(line)) <= 80) }
        ClassEndToEndTests.keep(after, as: "map-after-turn-1")
        try kim.keys("m")
        try await kim.waitFor(text: "Friction at sea")

        try kim.keys("q")
        try kim.keys("y")
        try await kim.waitFor("the client to leave") { !$0.contains("1 Board") }
        instructor.close(); ari.close()
    }
}

extension MapEndToEndTests {
    @Test func theInstructorReadsWhatAnEventWillDoInTheControlPane() async throws {
        let server = ServerProcess(data: E2E.temporaryDirectory("events"))
        try await server.start()
        defer { server.stopNow() }
        let teacher = try TmuxSession(
            command: "'\(E2E.binary)' instructor 127.0.0.1:\(server.port) --key \(E2E.key) --name 'Ms Lee' --ruleset coral_strait --seed 7 --turns 2"
                + " --phases briefing=600,negotiation=600,orders=600,adjudication=1,results=600",
            environment: ["XDG_STATE_HOME": E2E.temporaryDirectory("lee-events")])
        defer { teacher.close() }
        try await teacher.waitFor("the new room") { $0.range(of: #"[A-Z0-9]{6} │"#, options: .regularExpression) != nil && $0.contains("SETUP") }
        try teacher.keys("1")
        try await teacher.waitFor("the control pane") { $0.contains("› Start the match") }
        for _ in 0..<6 { try teacher.keys("Down") }
        let screen = try await teacher.waitFor("the events under the item") { $0.contains("Events (fire with :event ID):") && $0.contains("does:") }
        #expect(screen.contains("does: Fish stock in the strait +4"))
        for line in screen.split(separator: "\n") { #expect(TerminalText.width(String(line)) <= 80) }
        ClassEndToEndTests.keep(screen, as: "control-event-preview")
    }
}
