import ArmisticeCase
import ArmisticeLocale
import ArmisticeReplay
import ArmisticeServer
import Foundation

/// The report renderer `armistice serve` gives the server: the same report `armistice report` writes (with the
/// scenario's case package from the rulesets folder when there is one).
enum ServerReports {
    static func renderer(rulesets: String) -> ReportRenderer {
        ReportRenderer { path, format, viewer, language in
            let replay = try Replay(path: path)
            var package: CasePackage?
            if let file = CasePackage.find(ruleset: replay.engine.ruleset.id, in: rulesets) {
                package = try? CaseFile.load(file, for: replay.engine.ruleset)
            }
            // The language asked for, else the room's as the log's header has it (as `armistice report` does).
            let report = AfterActionReport(replay: replay, chat: true, views: format == .replayJSON, casePackage: package,
                                           language: language ?? Language(parsing: replay.log.settings.language))
            switch format {
            case .html: return report.html(viewpoint: "instructor", viewer: viewer)
            case .replayJSON: return try report.json(pretty: false) + "\n"
            }
        }
    }
}
