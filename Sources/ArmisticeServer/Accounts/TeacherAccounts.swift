import ArmisticeEngine
import ArmisticeLocale
import Crypto
import Foundation
import Logging
import Synchronization

/// The instructor accounts of a server, kept in `DATA/teachers.json` (mode 0600). Each teacher has a secret of 128
/// random bits, shown once when it is made; only a salted SHA-256 of it is stored. (A slow password hash would add
/// nothing: the secrets are random, not chosen by people, so they cannot be guessed from a list.)
///
/// Thread-safe: the server reads it from the rooms thread and the HTTP thread; `armistice teacher` changes the file
/// while the server runs, and the server rereads it when its modification time or size changes.
///
/// A file that is there but cannot be read (cut short, edited by hand) is never taken for "no teachers": `check()`
/// and the changes throw `AccountsFileError` (so `armistice serve` does not start and `armistice teacher` does not
/// write over it), and a running server keeps the accounts it last read, logging the error once per change of the file.
public final class TeacherAccounts: Sendable {
    public let path: String
    private let logger: Logger?
    private struct Loaded {
        var accounts: [TeacherAccount] = []
        var stamp: FileStamp?
        /// Why the file as it is now cannot be read (nil: it can, or there is none).
        var damage: AccountsFileError?
        /// Whether the file was looked at before (the first look is `check()`'s at start, which throws instead of logging).
        var looked = false
    }
    private struct FileStamp: Equatable {
        var modified: Date?
        var size: Int
    }
    private struct File: Codable {
        var format = 1
        var teachers: [TeacherAccount]
    }
    private let state = Mutex(Loaded())

    public static func path(dataDirectory: String) -> String {
        (dataDirectory as NSString).appendingPathComponent("teachers.json")
    }

    /// `logger` hears when the file becomes unreadable while it is in use (a running server).
    public init(dataDirectory: String, logger: Logger? = nil) {
        path = Self.path(dataDirectory: dataDirectory)
        self.logger = logger
    }

    /// Every account, sorted by id (the file as it is now; if it cannot be read, the accounts last read from it).
    public var all: [TeacherAccount] { state.withLock { refresh(&$0); return $0.accounts } }

    /// Throws if the file is there but cannot be read (a server must not start on it: every teacher would be locked out).
    public func check() throws(AccountsFileError) {
        let damage = state.withLock { loaded in
            refresh(&loaded)
            return loaded.damage
        }
        if let damage { throw damage }
    }

    /// Every account, sorted by id; throws if the file is there but cannot be read.
    public func accounts() throws(AccountsFileError) -> [TeacherAccount] {
        try check()
        return all
    }

    /// The teacher whose secret this is, or nil. Every account's hash is computed and compared in constant time.
    public func authenticate(_ secret: String) -> TeacherAccount? {
        let accounts = all
        var found: TeacherAccount?
        for account in accounts where Secrets.equal(Self.hash(secret, salt: account.salt), account.hash) {
            found = found ?? account
        }
        return found
    }

    /// Adds an account; returns it and its secret (shown once, never stored). `id`: the id the admin chose (lower-case
    /// letters, digits and dashes, at most 32); without one, the name's `slug`, numbered if taken ("ms-kim-2").
    public func add(name: String, id chosen: String? = nil,
                    now: Int64 = Int64(Date().timeIntervalSince1970 * 1000)) throws -> (TeacherAccount, String) {
        try state.withLock { loaded in
            refresh(&loaded)
            if let damage = loaded.damage { throw damage }   // never written over: it may be the only copy
            let cleaned = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !cleaned.isEmpty, cleaned.count <= 80 else { throw AccountError("give the teacher a name of 1 to 80 characters") }
            var id: String
            if let chosen {
                guard Self.isValidID(chosen) else {
                    throw AccountError("an id is 1 to 32 lower-case letters (a-z), digits and dashes, e.g. kim-jiwoo; \"\(chosen)\" is not")
                }
                if let holder = loaded.accounts.first(where: { $0.id == chosen }) {
                    throw AccountError("another teacher, \(holder.name), already has the id \"\(chosen)\"")
                }
                id = chosen
            } else {
                let base = Self.slug(cleaned)
                id = base
                var n = 2
                while loaded.accounts.contains(where: { $0.id == id }) { id = "\(base)-\(n)"; n += 1 }
            }
            let secret = Secrets.instructorKey()
            let salt = Self.salt()
            let account = TeacherAccount(id: id, name: cleaned, salt: salt, hash: Self.hash(secret, salt: salt), created: now)
            loaded.accounts.append(account)
            try write(&loaded)
            return (account, secret)
        }
    }

    /// Removes an account. Its rooms stay (the admin still sees them).
    public func remove(id: String) throws -> TeacherAccount {
        try state.withLock { loaded in
            refresh(&loaded)
            if let damage = loaded.damage { throw damage }   // never written over: it may be the only copy
            guard let i = loaded.accounts.firstIndex(where: { $0.id == id }) else { throw AccountError("no teacher \"\(id)\"") }
            let account = loaded.accounts.remove(at: i)
            try write(&loaded)
            return account
        }
    }

    /// Gives an account a new secret (the old one stops working); returns it.
    public func reset(id: String) throws -> String {
        try state.withLock { loaded in
            refresh(&loaded)
            if let damage = loaded.damage { throw damage }   // never written over: it may be the only copy
            guard let i = loaded.accounts.firstIndex(where: { $0.id == id }) else { throw AccountError("no teacher \"\(id)\"") }
            let secret = Secrets.instructorKey()
            loaded.accounts[i].salt = Self.salt()
            loaded.accounts[i].hash = Self.hash(secret, salt: loaded.accounts[i].salt)
            try write(&loaded)
            return secret
        }
    }

    /// The stored form of a secret.
    public static func hash(_ secret: String, salt: String) -> String {
        var bytes = Self.bytes(hex: salt)
        bytes.append(contentsOf: Array(secret.utf8))
        return hexString(SHA256.hash(data: bytes))
    }

    /// An id from a name: lower-case letters and digits, words joined by dashes ("Ms. Kim Ji-woo" → "ms-kim-ji-woo"); a
    /// Korean name in the Revised Romanization's letters ("김지우 선생" → "gimjiu-seonsaeng", `Hangul.romanized`), so
    /// that the teachers of a Korean school do not all become "teacher", "teacher-2"….
    static func slug(_ name: String) -> String {
        var out = ""
        for ch in Hangul.romanized(name).lowercased() {
            if ch.isASCII, ch.isLetter || ch.isNumber { out.append(ch) } else if !out.isEmpty, out.last != "-" { out.append("-") }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "teacher" : String(out.prefix(32))
    }

    /// Whether an id chosen with `teacher add --id` has the form `slug` gives: a-z, 0-9 and inner dashes, 1 to 32.
    public static func isValidID(_ id: String) -> Bool {
        (1...32).contains(id.count) && !id.hasPrefix("-") && !id.hasSuffix("-")
            && id.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
    }

    private static func salt() -> String {
        var rng = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        for _ in 0..<2 { withUnsafeBytes(of: rng.next()) { bytes.append(contentsOf: $0) } }
        return hexString(bytes)
    }

    private static func bytes(hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var chars = Array(hex.utf8)[...]
        while chars.count >= 2, let b = UInt8(String(decoding: chars.prefix(2), as: UTF8.self), radix: 16) {
            out.append(b)
            chars = chars.dropFirst(2)
        }
        return out
    }

    private func stamp() -> FileStamp? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        return FileStamp(modified: attributes[.modificationDate] as? Date, size: (attributes[.size] as? NSNumber)?.intValue ?? 0)
    }

    /// Rereads the file if it changed (or vanished). No file is no teachers; a file that cannot be read keeps the
    /// accounts last read and records why.
    private func refresh(_ loaded: inout Loaded) {
        let now = stamp()
        guard now != loaded.stamp || !loaded.looked else { return }
        let first = !loaded.looked
        loaded.looked = true
        loaded.stamp = now
        guard now != nil else {
            loaded.accounts = []
            loaded.damage = nil
            return
        }
        do {
            loaded.accounts = try Self.read(path).sorted { $0.id < $1.id }
            if loaded.damage != nil, !first { logger?.notice("teacher accounts readable again", metadata: ["file": "\(path)", "teachers": "\(loaded.accounts.count)"]) }
            loaded.damage = nil
        } catch {
            loaded.damage = error
            if !first { logger?.error("\(error.description) Until then the server keeps the \(loaded.accounts.count) accounts it last read.",
                          metadata: ["file": "\(path)"]) }
        }
    }

    /// The accounts in a file that is there.
    private static func read(_ path: String) throws(AccountsFileError) -> [TeacherAccount] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AccountsFileError(path: path, problem: "it cannot be read (check its owner and permissions)")
        }
        let file: File
        do { file = try JSONDecoder().decode(File.self, from: data) } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            throw AccountsFileError(path: path, problem: data.isEmpty ? "it is empty" : "it is not valid JSON (cut short or damaged?)")
        } catch {
            throw AccountsFileError(path: path, problem: "it is not a teacher accounts file (\(Self.describe(error)))")
        }
        guard file.format == 1 else {
            throw AccountsFileError(path: path, problem: "it is in format \(file.format), which this version of armistice does not read (a newer one wrote it?)")
        }
        return file.teachers
    }

    private static func describe(_ error: any Error) -> String {
        func at(_ path: [any CodingKey]) -> String {
            path.isEmpty ? "the top" : path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error as? DecodingError {
        case .keyNotFound(let key, let c)?: return "\(key.stringValue) missing at \(at(c.codingPath))"
        case .typeMismatch(_, let c)?, .valueNotFound(_, let c)?, .dataCorrupted(let c)?: return "unexpected value at \(at(c.codingPath))"
        default: return "\(error)"
        }
    }

    /// Writes the file through a temporary one, renamed over it (a reader never sees half a file).
    private func write(_ loaded: inout Loaded) throws {
        loaded.accounts.sort { $0.id < $1.id }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(File(teachers: loaded.accounts))
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let temporary = path + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw AccountError("cannot write \(temporary)")
        }
        guard rename(temporary, path) == 0 else { throw AccountError("cannot replace \(path)") }
        loaded.stamp = stamp()
    }
}

/// Why the accounts file cannot be used: which file, what is wrong, and what to do. Nothing was written.
public struct AccountsFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (`DATA/teachers.json`).
    public var path: String
    /// What is wrong with it.
    public var problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String {
        "the teacher accounts file \(path) is damaged: \(problem). Nothing was changed. Restore it from a backup, or move it aside "
            + "(mv \(path) \(path).damaged) to start with no teachers and add them again (each gets a new secret)."
    }
}

/// Why an account could not be changed.
public struct AccountError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
