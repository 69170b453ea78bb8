import ArmisticeEngine
import ArmisticeLocale
import ArmisticeLog
@testable import ArmisticeReplay
import Testing

/// `armistice replay --at` fits the board to the terminal: no line wider than its columns (Hangul two wide), wrapped
/// at spaces, never mid-word (outside tester qa8 C1: "부문별 금수|와 유류 상한" at 80 columns).
@Suite struct BoardWidthTests {
    @Test func theKoreanBoardFitsEightyColumnsAndWrapsAtSpaces() throws {
        let replay = Replay(log: try MatchLog(bytes: Array(try Fixtures.simulatedLog().text.utf8)))
        let wide = replay.board(at: replay.steps.count / 2, as: .team(0), language: .ko, width: 1000)
        let board = replay.board(at: replay.steps.count / 2, as: .team(0), language: .ko, width: 80)
        let lines = board.split(separator: "\n").map(String.init)
        #expect(wide.split(separator: "\n").contains { Replay.columns(String($0)) > 80 }, "the test needs a line over 80 columns")
        #expect(lines.allSatisfy { Replay.columns($0) <= 80 }, "\(lines.filter { Replay.columns($0) > 80 })")
        // Every word is kept whole: the words are the same, in order.
        #expect(board.split { $0 == " " || $0 == "\n" } == wide.split { $0 == " " || $0 == "\n" })
    }

    @Test func aLineIsCutAtTheLastSpaceThatFits() {
        #expect(Replay.wrapped("  가나다 라마 바사", to: 10) == ["  가나다", "    라마", "    바사"])
        #expect(Replay.wrapped("short", to: 10) == ["short"])
    }
}
