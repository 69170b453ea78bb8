import ArmisticeLocale
import ArmisticeWire
import Testing
@testable import ArmisticeTerminal

/// What the Korean class at 80×24 found in the terminal (outside tester qa8): deals typed with Korean team names and
/// keywords, scores in id order, the help dialog cut mid-word, a dialog's margin one column short, "anyone may veto"
/// for a one-team consent, "waiting for 미국" read by 미국, and "참관자 (참관)".
@Suite struct ClassReportEighthRoundTests {
    static func screen(_ s: ClientState, _ w: Int = 80, _ h: Int = 24) -> String {
        Renderer.render(s, width: w, height: h, now: Fixtures.now + 1_000).text
    }

    /// The deal a line sends, as (team, action or consent, decision) per step; nil when it sends none.
    static func proposal(_ effects: [Effect]) -> [[String]]? {
        for case .send(let m) in effects where m["type"]?.string == "propose_deal" {
            return m["commitments"]?.array.map { c in
                [c["team"]?.string ?? "", c["action"]?.string ?? c["consent"]?.string ?? "", c["decision"]?.string ?? ""]
            }
        }
        return nil
    }

    /// W2: `한국:… 북한:승인:…` was refused as "a team not in this match", and `승인` as no step at all.
    @Test func aDealTypedWithKoreanTeamNamesAndTheKoreanApproveWordSendsTheTeamsIds() throws {
        var s = try KoreanRenderTests.koreanStudent()
        let sent = Self.proposal(s.submit(line: "deal 한국:confidence_package 북한:승인:propose_summit -- 테스트"))
        #expect(sent == [["rok", "confidence_package", ""], ["dprk", "propose_summit", "approve"]], "\(String(describing: sent))")
        s = try KoreanRenderTests.koreanStudent()
        #expect(Self.proposal(s.submit(line: "deal rok:proceed_alone usa:거부:proceed_alone"))?.last == ["usa", "proceed_alone", "block"])
        s = try KoreanRenderTests.koreanStudent()
        // A name in the room's other language (the join's look-up) counts as well, in any case.
        s.teamChoices = [JoinCheck.TeamChoice(id: "usa", name: "미국", names: ["America", "미국"])]
        #expect(Self.proposal(s.submit(line: "deal AMERICA:approve:propose_summit"))?.first?.first == "usa")
        // A team no match has is sent as typed: the server names it.
        s = try KoreanRenderTests.koreanStudent()
        #expect(Self.proposal(s.submit(line: "deal 대한민국:confidence_package"))?.first?.first == "대한민국")
    }

    /// W2: the typing help and the example say `팀:승인:행동` in Korean, and a team may be named.
    @Test func theKoreanDealHelpUsesTheKoreanApproveWord() throws {
        var s = try KoreanRenderTests.koreanStudent()
        #expect(s.dealChoices("").choices.contains { $0.key.contains(":승인:") } && !s.dealChoices("").choices.contains { $0.key.contains(":approve:") })
        s.ui.focus = .deals
        _ = s.handle(key: .char("n"))
        let screen = Self.screen(s)
        #expect(screen.contains("팀:승인:행동") && !screen.contains(":approve:"), "\(screen)")
        do {
            _ = try Command.parse("deal rok:승인:a:b")
            Issue.record("a step without an action parsed")
        } catch {
            #expect(error.message(Catalog(language: .ko)).contains("팀:승인:행동"), "\(error.message(Catalog(language: .ko)))")
        }
    }

    /// W3: the Board listed the final scores by id ("북한 6, 한국 5, 유엔 9, 미국 12"); the log's outcome line too.
    @Test func theFinalScoresAreRankedHighestFirstOnTheBoardAndInTheLog() throws {
        var s = try KoreanRenderTests.koreanStudent()
        let scores = #"{"dprk":6,"rok":5,"un":9,"usa":12}"#
        ClassReportFollowUpTests.update(&s, seq: 10, changes: #"{"phase":"results","outcome":{"id":"worst","name":"최악의 결과","text":"끝","reason":"","scores":\#(scores)}}"#,
                                        records: #"[{"kind":"outcome","turn":1,"outcome":"worst","text":"최악의 결과","reason":"마지막 턴","scores":\#(scores)}]"#)
        s.ui.focus = .board
        #expect(Self.screen(s).contains("미국 12, 유엔 9, 북한 6, 한국 5"), "\(Self.screen(s))")
        let outcome = try #require(s.records.last)
        #expect(RecordWords.describe(outcome, in: s).hasSuffix("(마지막 턴 · 미국 12, 유엔 9, 북한 6, 한국 5)"), "\(RecordWords.describe(outcome, in: s))")
        // A tie keeps the scenario's team order.
        #expect(s.view.rankedScores(["usa": 3, "dprk": 3, "rok": 4]).map(\.team) == ["rok", "dprk", "usa"])
    }

    /// W5: the help dialog cut "…c 지난 턴에 끝난 합" (and "…older, newer me") at 80 columns; its key columns did not line up.
    @Test func theHelpDialogWrapsAtSpacesAndLinesUpItsKeyColumn() throws {
        for language in [Language.ko, .en] {
            var s = try KoreanRenderTests.koreanStudent()
            s.language = language
            s.ui.modal = .help
            let rows = Self.screen(s).split(separator: "\n").map(String.init).filter { $0.contains("│") }
            let t = Catalog(language: language)
            // Every word of the Deals and Talk lines is on the screen, whole.
            for key in ["terminal.help.deals", "terminal.help.talk"] {
                let shown = rows.map { String($0.split(separator: "│").dropFirst().first ?? "").trimmingSpaces }.joined(separator: " ")
                for word in t.text(key).split(separator: " ") { #expect(shown.contains(word), "\(language): \"\(word)\" missing:\n\(rows.joined(separator: "\n"))") }
            }
            // The first two rows' second key starts at the same column.
            let second = [t.text("terminal.help.1"), t.text("terminal.help.2", count: s.panes.count)].map { line in
                line.split(separator: "  ").map { $0.trimmingSpaces }.filter { !$0.isEmpty }[2]
            }
            let columns = second.enumerated().map { i, key in
                rows.first { $0.contains(key) }.map { TerminalText.width(String($0[..<$0.range(of: key)!.lowerBound])) } ?? -i - 1
            }
            #expect(columns[0] == columns[1], "\(language): \(columns)\n\(rows.joined(separator: "\n"))")
        }
    }

    /// W6: a dialog over the Actions list left its last column ("…55%") on screen: an odd leftover width was cleared
    /// one column short on the right.
    @Test func aDialogClearsItsMarginToTheRightEdgeWhenTheLeftoverIsOdd() throws {
        var s = try KoreanRenderTests.koreanStudent()
        s.ui.focus = .actions
        s.ui.modal = .confirm(prompt: String(repeating: "확정하면 이번 턴에는 되돌릴 수 없습니다. ", count: 6), command: .lock)
        let grid = Renderer.render(s, width: 80, height: 24, now: Fixtures.now + 1_000)
        let top = (0..<24).first { grid.row($0).contains("┌") }!
        let left = grid.row(top).firstIndex(of: "┌").map { grid.row(top).distance(from: grid.row(top).startIndex, to: $0) }!
        let right = TerminalText.width(String(grid.row(top).prefix { $0 != "┐" }))
        #expect((79 - right) % 2 == 1 || left == 79 - right, "the test needs an odd leftover: \(left), \(right)")
        for y in [top - 1] + Array(top..<(top + 3)) {
            #expect(grid[79, y].character == " ", "row \(y) keeps \"\(grid[79, y].character)\" at column 80:\n\(grid.text)")
        }
        // The help dialog (an even leftover of 6) clears both edges too.
        s.ui.modal = .help
        let help = Renderer.render(s, width: 80, height: 24, now: Fixtures.now + 1_000)
        let helpTop = (0..<24).first { help.row($0).contains("┌") }!
        for y in helpTop..<(helpTop + 4) {
            #expect(help[79, y].character == " " && help[0, y].character == " ", "row \(y):\n\(help.text)")
        }
    }

    /// C5: "한국의 면제 없이 강행 (누구나 거부 가능)" for an action only one team may block; C6: "— 미국의 답을 기다리는 중"
    /// read by 미국.
    @Test func aConsentSaysWhoMayBlockAndAnAwaitedDealSaysYourTeam() throws {
        var s = try KoreanRenderTests.koreanStudent()
        let lines = s.consentLines()
        #expect(!lines.isEmpty && !lines.joined().contains("누구나"), "\(lines)")
        #expect(lines.contains { $0.contains("우리 팀이 막을 수 있음") }, "\(lines)")
        let deal = DealInfo(try #require(JSONValue.parse(#"{"id":2,"turn":1,"proposer":"rok","parties":["rok","dprk"],"commitments":[{"team":"rok","action":"propose_summit"},{"team":"dprk","consent":"propose_summit","decision":"approve"}],"accepted":["rok"],"status":"open","note":""}"#)))
        #expect(s.dealText(deal).hasSuffix(" — 우리 팀의 답을 기다리는 중"), "\(s.dealText(deal))")
        s.language = .en
        #expect(s.dealText(deal).hasSuffix(" — waiting for your team's answer"), "\(s.dealText(deal))")
    }

    /// L5: an observer named by the role's word read "참관자 (참관)" in the header: the role once.
    @Test func anObserverNamedByItsRoleWordIsNamedOnceInTheHeader() {
        for language in [Language.ko, .en] {
            var s = Fixtures.seated()
            s.language = language
            s.you.role = "observer"
            s.you.team = nil
            let word = Catalog(language: language).text("terminal.join.observer_name")
            s.you.name = Catalog(language: language == .ko ? .en : .ko).text("terminal.join.observer_name")
            let header = String(Self.screen(s).split(separator: "\n")[0])
            #expect(header.contains("│ \(word)") && !header.contains(Catalog(language: language).text("terminal.header.observer").trimmingSpaces), "\(header)")
            s.you.name = "Projector"
            #expect(String(Self.screen(s).split(separator: "\n")[0]).contains("Projector" + Catalog(language: language).text("terminal.header.observer")))
        }
    }
}
