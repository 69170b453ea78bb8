import Foundation
import Synchronization

/// The reports of finished matches, rendered on first request and kept in `DATA/reports/` (`CODE.html`,
/// `CODE.replay.json`, mode 0600) until the log changes or the match is deleted. Thread-safe (one render at a time).
public final class ArchiveReports: Sendable {
    public let directory: String
    private let renderer: ReportRenderer
    private let lock = Mutex(())

    public init(dataDirectory: String, renderer: ReportRenderer) {
        directory = (dataDirectory as NSString).appendingPathComponent("reports")
        self.renderer = renderer
    }

    /// The replay viewer's address for a match served from here (the report's links to moments use it).
    public static func viewer(_ code: String) -> String { "/replay.html?src=/api/teacher/rooms/\(code)/replay.json" }

    public func path(_ code: String, _ format: ReportRenderer.Format) -> String {
        (directory as NSString).appendingPathComponent(format == .html ? "\(code).html" : "\(code).replay.json")
    }

    /// The report's bytes, rendered now if there is none newer than the log.
    public func report(_ code: String, _ format: ReportRenderer.Format, log: String) throws -> [UInt8] {
        try lock.withLock { _ in
            let file = path(code, format)
            let fm = FileManager.default
            if let cached = (try? fm.attributesOfItem(atPath: file))?[.modificationDate] as? Date,
               let logged = (try? fm.attributesOfItem(atPath: log))?[.modificationDate] as? Date, cached >= logged,
               let bytes = fm.contents(atPath: file) {
                return Array(bytes)
            }
            let text = try renderer.render(log, format, Self.viewer(code))
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
            _ = fm.createFile(atPath: file, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
            return Array(text.utf8)
        }
    }

    /// Deletes a match's reports.
    public func remove(_ code: String) {
        lock.withLock { _ in
            for format in ReportRenderer.Format.allCases { unlink(path(code, format)) }
        }
    }
}
