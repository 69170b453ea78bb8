import ArgumentParser
import ArmisticeEngine
import ArmisticeLocale
import ArmisticeLog
import ArmisticeReplay

extension Replay {
    /// Opens a match log for `replay` and `report`, or says on standard error why it cannot be read and exits with
    /// status 1. There is no header to name the room's language: `--lang`, else English. The file is named once: a
    /// message that names it (cannot read FILE, FILE is a folder) is said as it is, any other after the file's name
    /// (outside tester qa4 #10: "missing.jsonl: missing.jsonl 파일을 읽을 수 없습니다").
    static func opening(_ path: String, lang: String?) throws -> Replay {
        do { return try Replay(path: path) } catch {
            let message = error.message(in: ErrorText(language: Language(parsing: lang)))
            Console.error(message.contains(path) ? message : "\(path): \(message)")
            throw ExitCode(1)
        }
    }
}
