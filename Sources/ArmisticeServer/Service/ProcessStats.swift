#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A Linux process's resource use, read from /proc: what `/metrics` reports about the server itself, and what the
/// load generator reads about a server running on the same machine. Every reading is `nil` where /proc is missing.
public struct ProcessStats: Sendable {
    /// The process read.
    public let pid: Int32

    public init(pid: Int32) { self.pid = pid }

    /// This process.
    public static var current: ProcessStats { ProcessStats(pid: getpid()) }

    /// Clock ticks per second, the unit of the times in /proc's stat files.
    public static let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))

    /// Resident and peak resident memory, in bytes (VmRSS and VmHWM).
    public func memory() -> (rss: Int, peak: Int)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        var rss = 0, peak = 0
        for line in text.split(separator: "\n") {
            if line.hasPrefix("VmRSS:") { rss = Self.kilobytes(line) * 1024 }
            if line.hasPrefix("VmHWM:") { peak = Self.kilobytes(line) * 1024 }
        }
        return (rss, peak)
    }

    /// Open file descriptors.
    public func openFiles() -> Int? {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd"))?.count
    }

    /// User plus system CPU time of the whole process so far, in seconds.
    public func cpuSeconds() -> Double? { Self.cpuSeconds("/proc/\(pid)/stat") }

    /// When the process started, in seconds since the Unix epoch (its start after boot plus the boot time).
    public func startTime() -> Double? {
        guard let fields = Self.statFields("/proc/\(pid)/stat"), fields.count > 19, let ticks = Double(fields[19]),
              let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("btime ") }),
              let boot = Double(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) else { return nil }
        return boot + ticks / Self.ticksPerSecond
    }

    /// utime + stime of a /proc stat file (a process's or a thread's), in seconds.
    public static func cpuSeconds(_ path: String) -> Double? {
        // After the command name: state is field 3, utime 14, stime 15.
        guard let fields = statFields(path), fields.count > 12,
              let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / ticksPerSecond
    }

    /// The fields of a /proc stat file after the command name (which may hold spaces): the first is field 3, state.
    private static func statFields(_ path: String) -> [Substring]? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8), let close = text.lastIndex(of: ")") else { return nil }
        return text[text.index(after: close)...].split(separator: " ")
    }

    private static func kilobytes(_ line: Substring) -> Int {
        Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "0") ?? 0
    }
}
