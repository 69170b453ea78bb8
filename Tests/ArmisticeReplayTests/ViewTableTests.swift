import ArmisticeEngine
import ArmisticeLog
import ArmisticeTestSupport
@testable import ArmisticeReplay
import Foundation
import Testing

@Suite struct ViewTableTests {
    @Test func theJSONWritesEachPartOfTheViewsOnceAndReadsBackEveryViewExactly() throws {
        let replay = Replay(log: try MatchLog(bytes: Array(try ServerMatch().play().utf8)))
        let report = AfterActionReport(replay: replay, chat: true, views: true)
        let json = try report.json()
        #expect(json.contains(#""format":2"#) && json.contains(#""viewParts":{"actions":["#))
        let back = try AfterActionReport.decode(json: Array(json.utf8))
        #expect(back.views == report.views)
        #expect(back.steps.map(\.views) == report.steps.map(\.views))
        // Every view written whole, as format 1 did, is several times the size.
        var whole = report
        whole.views = nil
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let wholeSize = try encoder.encode(whole).count + (try report.views.map { try encoder.encode($0).count } ?? 0)
        #expect(json.utf8.count * 4 < wholeSize, "\(json.utf8.count) against \(wholeSize)")
        // An action's description is written once per variant of the action (its availability, its chance), not once
        // per view that lists it.
        let description = try #require(report.views?.lazy.compactMap { $0.actions?.first?.description }.first)
        let escaped = String(decoding: try encoder.encode(description), as: UTF8.self)
        let views = report.views?.filter { $0.actions?.contains { $0.description == description } == true }.count ?? 0
        #expect((json.components(separatedBy: escaped).count - 1) * 5 < views, "\(views) views")
    }

    @Test func aFormatOneFileWithWholeViewsStillReadsBack() throws {
        let replay = Replay(log: try MatchLog(bytes: Array(try ServerMatch().play().utf8)))
        let report = AfterActionReport(replay: replay, chat: false, views: true)
        var old = report
        old.format = 1
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let back = try AfterActionReport.decode(json: Array(try encoder.encode(old)))
        #expect(back.format == 1 && back.views == report.views)
    }
}
