import ArmisticeEngine
import ArmisticeLog
import ArmisticeTestSupport
@testable import ArmisticeReplay
import Foundation
import Testing

@Suite struct ReportTests {
    func makeReport(chat: Bool = true, views: Bool = true) throws -> (Replay, AfterActionReport) {
        let match = ServerMatch()
        let replay = Replay(log: try MatchLog(bytes: Array(try match.play().utf8)))
        return (replay, AfterActionReport(replay: replay, chat: chat, views: views))
    }

    @Test func theReportHoldsOutcomeTracksTimelineObjectivesAndChat() throws {
        let (replay, report) = try makeReport()
        #expect(report.match.verified)
        #expect(report.outcome?.reason == "the bell rang")
        #expect(report.teams.allSatisfy { $0.score != nil && !$0.objectives.isEmpty && $0.objectives.allSatisfy { $0.met != nil } })
        #expect(report.turns == [0, 1, 2, 3])
        #expect(report.tracks.count == replay.engine.ruleset.tracks.count)
        #expect(report.tracks.allSatisfy { $0.values.count == report.turns.count })
        let tension = try #require(report.tracks.first { $0.id == "tension" })
        #expect(tension.values.first == replay.engine.ruleset.tracks.first { $0.id == "tension" }!.start)
        #expect(report.steps.count == replay.steps.count)
        #expect(report.steps.contains { $0.records.contains { $0.kind == "order" && $0.text.contains("rolled") } })
        #expect(report.steps.contains { $0.records.contains { $0.kind == "deal" } })
        #expect(report.chat?.count == replay.chat.count)
        let pair = try #require(report.chat?.first { $0.channel == "pair:dprk+rok" })
        #expect(pair.seenBy == ["instructor", "dprk", "rok"])
        // Views: every step, every viewpoint, shared when equal.
        let views = try #require(report.views)
        #expect(report.steps.allSatisfy { $0.views?.count == report.viewpoints.count })
        #expect(views.count < report.steps.count * report.viewpoints.count)
        let last = try #require(report.steps.last?.views)
        #expect(views[last["observer"]!].orders == nil)
        #expect(views[last["rok"]!].viewer == "rok")
    }

    @Test func jsonRoundTripsAndCSVHasATurnPerRow() throws {
        let (_, report) = try makeReport()
        let json = try report.json()
        let back = try AfterActionReport.decode(json: Array(json.utf8))
        #expect(back.steps.count == report.steps.count)
        #expect(back.views?.count == report.views?.count)
        let csv = report.csv()
        let rows = csv.split(separator: "\r\n")
        #expect(rows.count == report.turns.count + 1)
        #expect(rows[0].hasPrefix("turn,date,tension"))
        #expect(rows[1].hasPrefix("0,Start,"))
        let (_, noChat) = try makeReport(chat: false, views: false)
        #expect(noChat.chat == nil && noChat.views == nil)
        #expect(!(try noChat.json()).contains("\"chat\""))
    }

    @Test func theHTMLIsSelfContainedWithAChartPerTrack() throws {
        let (_, report) = try makeReport()
        let html = report.html()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("src=") && !html.contains("stylesheet"))
        let shown = report.tracks.count
        #expect(html.components(separatedBy: "<polyline").count - 1 == shown)
        #expect(html.contains("Only if you stop testing missiles."))
        #expect(html.contains("Verified"))
        #expect(html.contains("rolled"))
        let handout = report.html(viewpoint: "observer")
        #expect(!handout.contains("Only if you stop testing missiles."))   // a pair channel
        #expect(!handout.contains("Hold firm."))                           // a team channel
        #expect(handout.contains("shall we talk?"))
        let (_, noChat) = try makeReport(chat: false, views: false)
        #expect(!noChat.html().contains("id=\"chat\""))
    }

    /// The verification paragraph says in plain words what was checked and what it proves (every input replayed to
    /// the same state hashes, every record from seq 1 to the last), what it does not cover (chat, names, times), and,
    /// for a log that does not replay, that the report may not show the match as played (REPORT-fault #7).
    @Test func theVerificationSaysWhatWasCheckedAndWhatItDoesNotCover() throws {
        let (replay, report) = try makeReport()
        #expect(report.match.lastSeq == replay.lastSeq && replay.lastSeq > 10)
        let section = try #require(report.html().components(separatedBy: "<section id=\"verification\">").last)
        #expect(section.contains("What was verified: the \(replay.inputCount) inputs in the log"))
        #expect(section.contains("Every record from seq 1 to \(replay.lastSeq) is there"))
        // Its hash lines carry `lines_hash`: the lines up to the last hash line are proved, chat and names included.
        let proved = try #require(report.match.linesProvedThrough)
        #expect(section.contains("every line up to line \(proved), the last hash line, is byte for byte the line the server wrote"), "\(section)")
        #expect(section.contains("Not covered: the lines after line \(proved)"))
        let ko = AfterActionReport(replay: replay, chat: false, views: false, language: .ko).html()
        #expect(ko.contains("검증한 내용: 기록에 있는 입력 \(replay.inputCount)개") && ko.contains("기록 1번부터 \(replay.lastSeq)번까지"))
        // A log written before `lines_hash`: what its state hashes leave out is said.
        var lines = try ServerMatch().play().split(separator: "\n").map(String.init)
        let old = lines.map { $0.replacing(/,"lines_hash":"[0-9a-f]{64}"/, with: "") }.joined(separator: "\n") + "\n"
        let oldReport = AfterActionReport(replay: Replay(log: try MatchLog(bytes: Array(old.utf8))), chat: false, views: false)
        #expect(oldReport.match.verified && oldReport.match.linesProvedThrough == nil)
        #expect(oldReport.html().contains("Not covered: chat texts, names and times"))
        // A log with an altered state hash: the other paragraph, never the claims of the first.
        let hash = try #require(lines.lastIndex { $0.contains(#""kind":"hash""#) })
        lines[hash] = lines[hash].replacingOccurrences(of: #""hash":""#, with: #""hash":"00"#)
        let damaged = AfterActionReport(replay: Replay(log: try MatchLog(bytes: Array((lines.joined(separator: "\n") + "\n").utf8))), chat: false, views: false)
        #expect(!damaged.match.verified)
        let failed = try #require(damaged.html().components(separatedBy: "<section id=\"verification\">").last)
        #expect(failed.contains("this report may not show the match as it was played"))
        #expect(!failed.contains("What was verified") && !failed.contains("Every record from seq 1"))
    }

    @Test func chromiumDrawsTheCharts() async throws {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first(where: FileManager.default.isExecutableFile) else {
            print("SKIPPED chromiumDrawsTheCharts: no chromium; apt-get install -y chromium")
            return
        }
        let (_, report) = try makeReport()
        let dir = Fixtures.outputDirectory
        let page = dir + "/report.html", shot = dir + "/report-charts.png"
        try Data(report.html().utf8).write(to: URL(fileURLWithPath: page))
        try? FileManager.default.removeItem(atPath: shot)
        // The charts follow the outcome section (its title, reason, text and score table): the first row of charts is
        // drawn within the first 1,100 pixels of a laptop-wide window (at 768 it starts just above the fold, its lines below).
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--screenshot=\(shot)",
                             "--window-size=1366,1100", "--virtual-time-budget=3000", "file://\(page)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try await offload { try process.run(); process.waitUntilExit() }
        let png = try #require(FileManager.default.contents(atPath: shot), "chromium wrote no screenshot")
        let image = try PNG(bytes: Array(png))
        #expect(image.width == 1366)
        let colours = image.colourCounts()
        #expect(colours.count > 40, "a blank or nearly blank screenshot: \(colours.count) colours")
        // The first chart's line colour (#1f77b4) is drawn.
        #expect((colours[0x1f77b4] ?? 0) > 200)
    }
}
