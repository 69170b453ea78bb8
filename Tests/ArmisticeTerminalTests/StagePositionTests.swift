import ArmisticeLocale
import Testing
@testable import ArmisticeTerminal

/// A project's stage is counted one way in every place the terminal says it, from 1 ("2 of 4", "2/4"):
/// the Board, the plain mode's state, the `:adjust` hint, and the value `:adjust` takes (sent as the index from 0).
@Suite struct StagePositionTests {
    @Test func everyPlaceCountsTheStageFromOne() {
        for (language, position) in [(Language.en, "2 of 4"), (.ko, "2/4")] {
            var s = Fixtures.seated() // the accord at index 1 ("draft") of 4 stages
            s.language = language
            let nbsp = "\u{00A0}"
            #expect(Fixtures.screen(s).contains("(\(position.replacingOccurrences(of: " ", with: nbsp)))"), "\(Fixtures.screen(s))")
            let state = s.perform(.state).compactMap { if case .notice(let l) = $0 { l } else { nil } }
            #expect(state.contains { $0.contains("(\(position))") }, "\(state)")
            s.you = ClientState.You(seat: "s1", name: "Ms Lee", role: "instructor", team: nil)
            _ = s.handle(key: .char(":"))
            Fixtures.type("adjust fishing_accord ", into: &s)
            let hint = s.adjustHint ?? ""
            #expect(hint.contains(position) && hint.contains(language == .ko ? "1부터 4까지" : "from 1 to 4"), "\(hint)")
            #expect(!hint.contains("0"), "\(hint)")
        }
        // On the Board the position wraps whole: a narrow column moves it to the next line, never cuts it.
        var narrow = Fixtures.seated()
        narrow.language = .ko
        narrow.view.projects[0].name = "남북 철도·도로 연결 사업"
        let lines = Renderer.boardLines(narrow, width: 38).map(\.text)
        #expect(lines.contains { $0.contains("(2/4)") }, "\(lines)")
        // `adjust fishing_accord 3` sets the third stage: index 2 on the wire; 0 and 5 are refused here, in those words.
        var s = Fixtures.seated()
        s.you = ClientState.You(seat: "s1", name: "Ms Lee", role: "instructor", team: nil)
        guard case .send(let m)? = s.perform(line: "adjust fishing_accord 3 the class agreed").first else { Issue.record("nothing sent"); return }
        #expect(m["value"]?.int == 2)
        #expect(s.perform(line: "adjust fishing_accord 0 x") == [.notice("[error] Coral Strait fishing accord has stages 1 to 4: 0 is not one of them")])
        #expect(s.perform(line: "adjust fishing_accord 5 x").count == 1)
    }
}
