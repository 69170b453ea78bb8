import Testing
@testable import ArmisticeTransport

@Suite("Write budget per WRITEABLE callback")
struct WriteBudgetTests {
    @Test func smallFramesStopAtTheFrameBound() {
        var budget = WriteBudget()
        let answers = (0..<WriteBudget.frames).map { _ in budget.spend(100) }
        #expect(answers == Array(repeating: true, count: WriteBudget.frames - 1) + [false])
        #expect(budget.framesWritten == WriteBudget.frames)
        #expect(budget.bytesWritten == 100 * WriteBudget.frames)
    }

    @Test func largeFramesStopAtTheByteBound() {
        var budget = WriteBudget()
        let answers = [budget.spend(WriteBudget.bytes / 2), budget.spend(WriteBudget.bytes / 2)]
        #expect(answers == [true, false])
        var single = WriteBudget()
        let first = single.spend(WriteBudget.bytes + 1)
        #expect(!first && single.framesWritten == 1)
    }
}
