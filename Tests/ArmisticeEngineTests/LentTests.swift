import Testing
@testable import ArmisticeEngine

/// `Lent` hands the field tables a value's address. An optional is lent at its own address (its value lies at its
/// start): these check that what is read there is the value, for types with and without spare bit patterns.
@Suite struct LentTests {
    @Test func anOptionalIsLentAsItsValueAndNothingAsNil() {
        var record = Record(kind: .news, turn: 3)
        record.text = "talks resume"
        record.team = "rok"
        let read = Lent.lend(Optional(record), Record(kind: .locked, turn: 4)) { a, b in (a?.text, a?.team, a?.turn, b.turn, b.kind) }
        #expect(read.0 == "talks resume" && read.1 == "rok" && read.2 == 3 && read.3 == 4 && read.4 == .locked)
        #expect(Lent.lend(Record?.none, record) { a, b in a == nil && b.text == "talks resume" })
        // An Int has no spare bit patterns: its optional keeps the tag after the value.
        #expect(Lent.lend(Int?.some(-7), 9) { a, b in a?[dynamicMember: \.self] == -7 && b[dynamicMember: \.self] == 9 })
        #expect(Lent.lend(Int?.none, 9) { a, _ in a == nil })
        #expect(Lent.lend(String?.some("회담"), "x") { a, _ in a?[dynamicMember: \.self] == "회담" })
    }

    @Test func aTableWalkWritesWhatTheValueHolds() throws {
        var record = Record(kind: .news, turn: 2)
        record.text = "a \"quoted\" line"
        let json = StreamingJSONEncoder()
        #expect(String(decoding: try json.encode(record), as: UTF8.self) == #"{"kind":"news","turn":2,"text":"a \"quoted\" line"}"#)
    }
}
