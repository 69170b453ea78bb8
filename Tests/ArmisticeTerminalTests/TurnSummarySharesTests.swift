import Testing
@testable import ArmisticeTerminal

/// The terminal's turn summary splits a change the instructor set among its causes, each with its share, as the
/// browser's does (tests/web/test_summary_causes.py): the whole change is never put on the instructor (REPORT-terminal #1).
@Suite struct TurnSummarySharesTests {
    /// Friction at sea 2 → 7 in turn 1: the instructor +2, Fish hard +1, upkeep +1, and +1 from a change whose
    /// cause this seat is not shown (an effect with no reason, as a covert action's reaches the other teams).
    static let records = """
    [{"kind":"phase","turn":1,"phase":"adjudication"},
     {"kind":"adjustment","turn":1,"target":"friction","from":2,"to":4,"reason":"the class agreed"},
     {"kind":"effect","turn":1,"target":"friction","from":4,"to":5,"reason":"action:fish_hard"},
     {"kind":"effect","turn":1,"target":"friction","from":5,"to":6},
     {"kind":"effect","turn":1,"target":"friction","from":6,"to":7,"reason":"upkeep"},
     {"kind":"phase","turn":1,"phase":"results"}]
    """

    static func summaryLines(_ s: ClientState) -> [String] {
        TurnSummary(turn: 1, records: s.records, team: "marisol").lines(in: s).map(\.text)
    }

    @Test func aChangeTheInstructorSharedWithOtherCausesNamesEachShare() {
        var s = ClassExperienceTests.agreed()
        ClassExperienceTests.update(&s, seq: 59, changes: #"{"phase":"results"}"#, records: Self.records)
        let summary = TurnSummary(turn: 1, records: s.records, team: "marisol")
        #expect(summary.shares["friction"] == [.init(cause: "instructor", delta: 2), .init(cause: "action:fish_hard", delta: 1),
                                               .init(cause: "", delta: 1), .init(cause: "upkeep", delta: 1)])
        let lines = Self.summaryLines(s)
        #expect(lines.contains("Friction at sea: 2 → 7 (+5) — +2 set by the instructor (“the class agreed”), +1 by the action Fish hard, "
                               + "+1 from a cause not shown to you, +1 upkeep, every turn"), "\(lines)")
        #expect(!lines.contains { $0.contains("— set by the instructor:") }, "\(lines)")
    }

    @Test func theSharesReadInKorean() {
        var s = ClassExperienceTests.agreed()
        s.language = .ko
        ClassExperienceTests.update(&s, seq: 59, changes: #"{"phase":"results"}"#, records: Self.records)
        let lines = Self.summaryLines(s)
        #expect(lines.contains("Friction at sea: 2 → 7 (+5) — 교사 조정 +2 (사유 “the class agreed”), 행동 Fish hard에 따라 +1, "
                               + "드러나지 않은 원인 +1, 매 턴 자동 변화 +1"), "\(lines)")
    }

    @Test func aChangeOnlyTheInstructorMadeStillReadsAsTheInstructorsAlone() {
        var s = ClassExperienceTests.agreed()
        ClassExperienceTests.update(&s, seq: 59, changes: #"{"phase":"results"}"#, records: """
        [{"kind":"adjustment","turn":1,"target":"friction","from":2,"to":4,"reason":"the class agreed"},
         {"kind":"phase","turn":1,"phase":"results"}]
        """)
        #expect(Self.summaryLines(s).contains("Friction at sea: 2 → 4 (+2) — set by the instructor: the class agreed"))
    }
}
