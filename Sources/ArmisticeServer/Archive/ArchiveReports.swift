import ArmisticeLocale
import Dispatch
import Foundation
import Synchronization

/// The reports of finished matches, kept in `DATA/reports/` (`CODE.html`, `CODE.replay.json` in the room's language;
/// `CODE.ko.html`, `CODE.en.replay.json`… in a language asked for; mode 0600) until the log changes or the match is deleted. Rendering a long match's replay JSON takes seconds, so it never happens on the
/// thread that answers HTTP (it would hold up every WebSocket): `prepare` renders both formats on a background queue,
/// one match at a time, and the routes answer `report_pending` until they are there. Thread-safe.
public final class ArchiveReports: Sendable {
    public let directory: String
    private let renderer: ReportRenderer
    private let queue = DispatchQueue(label: "armistice-reports", qos: .utility)
    private struct Work {
        var pending: Set<String> = []
        /// The last failure per room (cleared when it is prepared again).
        var failed: [String: String] = [:]
    }
    private let work = Mutex(Work())

    /// Where a match's reports stand.
    public enum Status: Sendable, Equatable {
        case ready
        case pending
        case failed(String)
    }

    public init(dataDirectory: String, renderer: ReportRenderer) {
        directory = (dataDirectory as NSString).appendingPathComponent("reports")
        self.renderer = renderer
    }

    /// The replay viewer's address for a match served from here (the report's links to moments use it).
    public static func viewer(_ code: String) -> String { "/replay.html?src=/api/teacher/rooms/\(code)/replay.json" }

    /// The replay viewer's address for a match served from here in a language asked for.
    public static func viewer(_ code: String, _ language: Language?) -> String {
        guard let language else { return viewer(code) }
        return "/replay.html?src=/api/teacher/rooms/\(code)/replay.json%3Flang%3D\(language.rawValue)"
    }

    /// Where a match's report is kept: `language` nil is the room's own language (as its log's header has it).
    public func path(_ code: String, _ format: ReportRenderer.Format, _ language: Language? = nil) -> String {
        let name = code + (language.map { ".\($0.rawValue)" } ?? "")
        return (directory as NSString).appendingPathComponent(format == .html ? "\(name).html" : "\(name).replay.json")
    }

    /// The report's bytes if they are there and newer than the log.
    public func cached(_ code: String, _ format: ReportRenderer.Format, _ language: Language? = nil, log: String) -> [UInt8]? {
        guard isFresh(code, format, language, log: log) else { return nil }
        return FileManager.default.contents(atPath: path(code, format, language)).map(Array.init)
    }

    /// Whether both reports (in `language`, nil: the room's) are ready; if not, starts making them (once) and says so.
    public func prepare(_ code: String, _ language: Language? = nil, log: String) -> Status {
        if ReportRenderer.Format.allCases.allSatisfy({ isFresh(code, $0, language, log: log) }) { return .ready }
        let key = code + (language.map { ".\($0.rawValue)" } ?? "")
        let start: Bool = work.withLock { w in
            if w.pending.contains(key) { return false }
            if w.failed[key] != nil { return false }
            w.pending.insert(key)
            return true
        }
        if let failure = work.withLock({ $0.failed[key] }) {
            // A failure is said once; the next request tries again.
            work.withLock { _ = $0.failed.removeValue(forKey: key) }
            return .failed(failure)
        }
        if start { queue.async { [self] in render(code, language, key: key, log: log) } }
        return .pending
    }

    /// Deletes a match's reports in every language (a render under way notices its log is gone and deletes what it wrote).
    public func remove(_ code: String) {
        for format in ReportRenderer.Format.allCases {
            unlink(path(code, format))
            for language in Language.allCases { unlink(path(code, format, language)) }
        }
    }

    private func isFresh(_ code: String, _ format: ReportRenderer.Format, _ language: Language?, log: String) -> Bool {
        let fm = FileManager.default
        guard let made = (try? fm.attributesOfItem(atPath: path(code, format, language)))?[.modificationDate] as? Date,
              let logged = (try? fm.attributesOfItem(atPath: log))?[.modificationDate] as? Date else { return false }
        return made >= logged
    }

    private func render(_ code: String, _ language: Language?, key: String, log: String) {
        var failure: String?
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for format in ReportRenderer.Format.allCases where !isFresh(code, format, language, log: log) {
                let text = try renderer.render(log, format, Self.viewer(code, language), language)
                let target = path(code, format, language), temporary = target + ".tmp"
                guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]),
                      rename(temporary, target) == 0 else { throw AccountError("cannot write \(target)") }
            }
        } catch {
            failure = "\(error)"
        }
        if !FileManager.default.fileExists(atPath: log) { remove(code) }   // deleted meanwhile
        work.withLock { w in
            w.pending.remove(key)
            if let failure { w.failed[key] = failure }
        }
    }
}
