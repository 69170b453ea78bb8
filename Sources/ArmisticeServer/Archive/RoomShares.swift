import Foundation
import Synchronization

/// Which teachers a match is shared with, besides its owner: `DATA/shares.json` (mode 0600), `{"CODE":["lee",…]}`.
/// A teacher a match is shared with sees it in their archive (list, report, replay, log, student export) but may not
/// delete or share it, nor take its instructor seat. Thread-safe; written through a temporary file renamed over it.
public final class RoomShares: Sendable {
    public let path: String
    private let shares: Mutex<[String: [String]]>

    public init(dataDirectory: String) {
        path = (dataDirectory as NSString).appendingPathComponent("shares.json")
        let loaded = FileManager.default.contents(atPath: path).flatMap { try? JSONDecoder().decode([String: [String]].self, from: $0) }
        shares = Mutex(loaded ?? [:])
    }

    /// The teachers a match is shared with, sorted.
    public func teachers(_ code: String) -> [String] { shares.withLock { $0[code] ?? [] } }

    /// Shares a match with a teacher (no change if it is already).
    public func add(_ code: String, teacher: String) throws {
        try change { all in
            var ids = Set(all[code] ?? [])
            ids.insert(teacher)
            all[code] = ids.sorted()
        }
    }

    /// Stops sharing a match with a teacher.
    public func remove(_ code: String, teacher: String) throws {
        try change { all in
            all[code] = (all[code] ?? []).filter { $0 != teacher }
            if all[code]?.isEmpty == true { all[code] = nil }
        }
    }

    /// Forgets a deleted match's shares.
    public func forget(_ code: String) {
        try? change { $0[code] = nil }
    }

    private func change(_ body: (inout [String: [String]]) -> Void) throws {
        try shares.withLock { all in
            var next = all
            body(&next)
            guard next != all else { return }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let temporary = path + ".tmp"
            guard FileManager.default.createFile(atPath: temporary, contents: try encoder.encode(next), attributes: [.posixPermissions: 0o600]),
                  rename(temporary, path) == 0 else { throw AccountError("cannot write \(path)") }
            all = next
        }
    }
}
