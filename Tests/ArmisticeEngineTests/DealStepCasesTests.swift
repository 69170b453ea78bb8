import ArmisticeEngine
import Foundation
import Testing

/// What became of a carried-out deal's steps (Tests/Fixtures/deals/deal-steps-cases.json): the report, the replay and
/// the terminal read it through `Deal.stepRecords(in:)`; the browser's commitments.js runs the same cases
/// (tests/web/test_deal_steps.py), so a deal card never says "carried out" where the report says "in part".
struct DealStepCasesTests {
    static let file = Fixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures/deals/deal-steps-cases.json")

    struct Case: Decodable {
        var name: String
        var deal: Deal
        var records: [Record]
        var expected: [String?]
    }

    struct File: Decodable { var cases: [Case] }

    @Test func eachStepIsMatchedToItsOrderRecordAsTheCasesSay() throws {
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: Self.file))
        #expect(file.cases.count >= 8)
        for c in file.cases {
            let got = c.deal.stepRecords(in: c.records).map { r in r.map { Deal.wasNotTaken($0) ? "not_taken" : "taken" } }
            #expect(got == c.expected, "\(c.name)")
            #expect(c.deal.stepsNotTaken(in: c.records).count == c.expected.filter { $0 == "not_taken" }.count, "\(c.name)")
        }
    }
}
