import ArmisticeEngine
import ArmisticeLocale
import Foundation

/// Reads and loads a ruleset file for a command, printing every problem to standard error.
enum RulesetFile {
    static func read(_ path: String) throws -> String {
        var folder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &folder), folder.boolValue {
            throw CommandFailure("\(path) is a folder: give one scenario file, for example rulesets/koreanization.yaml")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("cannot read \(path): no such file, or not readable. Scenarios live in rulesets/, for example rulesets/koreanization.yaml")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let at = RulesetLoader.firstInvalidUTF8(Array(data)) ?? SourceLocation(line: 1, column: 1)
            throw CommandFailure("\(path):\(at.line):\(at.column): error: the file is not UTF-8 text from here on; save it as UTF-8 and try again")
        }
        return text
    }

    static func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }

    /// The scenario files of a folder, in name order, as the server reads them.
    static func scenarios(inFolder folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .map { (folder as NSString).appendingPathComponent($0) }
    }

    /// The other scenario files in `file`'s folder whose top-level `id:` line names `id` (read from the line, not
    /// loaded: a quick look for the collision a server would meet).
    static func sameID(_ id: String, besides file: String) -> [String] {
        let folder = (file as NSString).deletingLastPathComponent
        let own = (file as NSString).lastPathComponent
        return scenarios(inFolder: folder.isEmpty ? "." : folder).filter { path in
            guard (path as NSString).lastPathComponent != own, let data = FileManager.default.contents(atPath: path),
                  let text = String(data: data, encoding: .utf8) else { return false }
            return text.split(separator: "\n", omittingEmptySubsequences: true).contains { line in
                guard line.hasPrefix("id:") else { return false }
                let value = line.dropFirst(3).split(separator: "#", maxSplits: 1).first ?? ""
                return value.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) == id
            }
        }.map { folder.isEmpty ? ($0 as NSString).lastPathComponent : $0 }
    }

    static func load(_ path: String, variant: String? = nil) throws -> Ruleset {
        let text = try read(path)
        do {
            return try RulesetLoader.load(text: text, file: path, variant: variant)
        } catch {
            for d in error.diagnostics { Console.error(d.description) }
            let errors = counted(error.diagnostics.count, "error")
            // A variant's errors are in its override when the base loads: say which part failed.
            if let variant, (try? RulesetLoader.load(text: text, file: path)) != nil {
                throw CommandFailure("\(path) (variant \(variant)): \(errors); the variant was not loaded (the base rules are ok)")
            }
            throw CommandFailure("\(path): \(errors); nothing was loaded")
        }
    }
}

/// A command that failed for a reason already explained to the user; exits with status 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

enum Console {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Writes a command's output file, or says why it cannot (which folder is missing, a folder in the way, the
    /// system's reason), in `language` (`report --lang ko` says it in Korean).
    /// A new path or a regular file is replaced whole (a temporary file renamed over it, so a reader never sees half a
    /// report); anything else (a symlink, a named pipe, a device such as /dev/stdout) is written through, never
    /// replaced (outside tester qa10 W4: `--out /dev/full` run as root replaced the device with an HTML file).
    static func write(_ text: String, to path: String, language: Language = .en) throws {
        var st = stat()
        if lstat(path, &st) == 0, st.st_mode & S_IFMT != S_IFREG, stat(path, &st) != 0 || st.st_mode & S_IFMT != S_IFDIR {
            if writeThrough(Array(text.utf8), to: path) { return }
        } else if FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) { return }
        let p = Catalog(language: language)
        let folder = (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        let why = if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) { p.text("report.cli.no_folder", ["folder": folder]) }
            else if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { p.text("report.cli.is_folder") }
            else { String(cString: strerror(errno)).lowercased() }
        throw CommandFailure(p.text("report.cli.cannot_write", ["path": path, "why": why]))
    }

    /// Opens `path` as it is (following a symlink, without replacing it) and writes every byte; false with `errno` set
    /// when it cannot (a full device: ENOSPC).
    private static func writeThrough(_ bytes: [UInt8], to path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return false }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress! + done, bytes.count - done) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { let e = errno; close(fd); errno = e; return false }
            done += n
        }
        return close(fd) == 0
    }
}
