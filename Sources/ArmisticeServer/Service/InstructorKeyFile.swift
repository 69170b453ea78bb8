import Foundation

/// The instructor key when none is given: generated at first start and kept in the data folder (mode 0600).
public enum InstructorKeyFile {
    /// The shortest instructor key the server accepts: every room's control and every match log rests on it.
    public static let minimumLength = 16

    public static func path(dataDirectory: String) -> String {
        (dataDirectory as NSString).appendingPathComponent("instructor.key")
    }

    /// The saved key, or a new one saved now (`created` says which, so the caller prints a new key once).
    public static func loadOrCreate(dataDirectory: String) throws -> (key: String, created: Bool) {
        let file = path(dataDirectory: dataDirectory)
        if let data = FileManager.default.contents(atPath: file),
           let key = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines), !key.isEmpty {
            return (key, false)
        }
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        let key = Secrets.instructorKey()
        guard FileManager.default.createFile(atPath: file, contents: Data((key + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file])
        }
        return (key, true)
    }
}
