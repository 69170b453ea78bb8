import ArmisticeWire
import Testing
@testable import ArmisticeTerminal

/// Every line of every pane can be reached at 80×24 with the keys: the lines after the last item (the instructor's
/// seats, the Draft's "every team has locked" notice), an event list under its item, and a pane without the focus
/// shows its first lines rather than treating the cursor as a line number.
@Suite struct PaneScrollTests {
    static func screen(_ s: ClientState, _ w: Int = 80, _ h: Int = 24) -> String {
        Renderer.render(s, width: w, height: h, now: Fixtures.now + 1_000).text
    }

    static func press(_ s: inout ClientState, _ key: Key, _ times: Int = 1) {
        for _ in 0..<times { _ = s.handle(key: key) }
    }

    /// The instructor of a room with a seat for each of 14 students and the scenario's 8 events.
    static func instructor() -> ClientState {
        var s = Fixtures.seated()
        s.you = ClientState.You(seat: "s1", name: "Ms Lee", role: "instructor", team: nil)
        s.roster = [SeatInfo(JSONValue.parse(#"{"seat":"s1","name":"Ms Lee","role":"instructor","online":true}"#)!)]
            + (2...15).map { SeatInfo(JSONValue.parse(#"{"seat":"s\#($0)","name":"Student \#($0)","role":"player","team":"marisol","online":true}"#)!) }
        s.view.events = (1...8).map { EventPreview(JSONValue.parse(#"{"id":"storm\#($0)","name":"Storm number \#($0)","effects":["Friction at sea +1"],"news":"A storm hits the strait."}"#)!) }
        s.focus(.control)
        return s
    }

    /// Marisol with twelve consent questions, every played team locked.
    static func manyDecisions() -> ClientState {
        var s = Fixtures.seated()
        s.view.consents = (1...12).map { ConsentInfo(JSONValue.parse(#"{"action":"c\#($0)","name":"Question number \#($0) about the reef","rule":"veto","teams":["tervane"]}"#)!) }
        for i in s.view.teams.indices { s.view.teams[i].locked = true }
        s.focus(.draft)
        return s
    }

    @Test func theInstructorReachesTheLastSeat() {
        var s = Self.instructor()
        #expect(!Self.screen(s).contains("Student 15"))
        Self.press(&s, .down, 30)
        let text = Self.screen(s)
        #expect(text.contains("s15 Student 15"), "\(text)")
        // And back up to the top: the room's code again.
        Self.press(&s, .up, 40)
        #expect(Self.screen(s).contains("Room R4X95U"))
    }

    @Test func theEventListScrollsUnderItsItem() {
        var s = Self.instructor()
        let event = s.controlItems.firstIndex(of: .event)!
        Self.press(&s, .down, event)
        #expect(Self.screen(s).contains("Storm number 1"))
        #expect(!Self.screen(s).contains("Storm number 8"))
        Self.press(&s, .pageDown)
        let text = Self.screen(s)
        #expect(text.contains("Storm number 8 — :event storm8"), "\(text)")
        #expect(s.ui.cursor(.control) == event, "the list stays open while it is read")
        Self.press(&s, .end)
        #expect(Self.screen(s).contains("s15 Student 15"))
    }

    @Test func theDraftShowsWhatComesAfterItsLastItem() {
        var s = Self.manyDecisions()
        #expect(s.everyPlayedTeamLocked)
        Self.press(&s, .down, 40)
        let text = Self.screen(s)
        #expect(text.contains("Every team has locked in"), "\(text)")
        #expect(text.contains("d remove · Enter consent"), "\(text)")
        Self.press(&s, .home)
        #expect(Self.screen(s).contains("Budget 3 · spent 1"))
    }

    @Test func aPaneWithoutTheFocusKeepsItsFirstLine() {
        var s = Self.manyDecisions()
        Self.press(&s, .down, 2)
        s.focus(.talk)
        let text = Self.screen(s)
        #expect(text.contains("Budget 3 · spent 1"), "\(text)")
    }

    @Test func freePanesStopAtTheirLastLine() {
        var s = Fixtures.seated()
        s.focus(.news)
        Self.press(&s, .down, 50)
        #expect(s.ui.top(.news) == 0, "News fits: nothing to scroll")
        Self.press(&s, .up)
        #expect(Self.screen(s).contains("Patrol boats shadow"))
    }
}
