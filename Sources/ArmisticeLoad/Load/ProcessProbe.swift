#if canImport(Glibc)
import Glibc
#endif
import ArmisticeServer
import Foundation

/// Reads a process's memory and CPU time from /proc, per thread too. The server's /metrics reports the whole
/// process's (`process_*`) but not its threads', so when the server runs on this machine the load generator finds it
/// by its listening port and reads them itself.
package struct ProcessProbe: Sendable {
    package let pid: Int32

    /// CPU time so far, in seconds, for the process and for each thread (by thread name).
    package struct CPU: Sendable {
        package var total: Double
        package var threads: [Int32: (name: String, seconds: Double)]
    }

    /// The process listening on `port` on this machine, if any (needs permission to read other processes' fds).
    package static func listening(on port: Int) -> ProcessProbe? {
        var inodes: Set<String> = []
        for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
            guard let text = try? String(contentsOfFile: table, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n").dropFirst() {
                let f = line.split(separator: " ", omittingEmptySubsequences: true)
                guard f.count > 9, f[3] == "0A", let colon = f[1].lastIndex(of: ":"),
                      Int(f[1][f[1].index(after: colon)...], radix: 16) == port else { continue }
                inodes.insert(String(f[9]))
            }
        }
        guard !inodes.isEmpty else { return nil }
        let me = getpid()
        let targets = Set(inodes.map { "socket:[\($0)]" })
        guard let pids = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return nil }
        for name in pids {
            guard let pid = Int32(name), pid != me else { continue }
            guard let fds = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd") else { continue }
            for fd in fds {
                if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\(fd)"), targets.contains(link) {
                    return ProcessProbe(pid: pid)
                }
            }
        }
        return nil
    }

    package static var current: ProcessProbe { ProcessProbe(pid: getpid()) }

    /// The command name.
    package var name: String {
        ((try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? "?").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Resident and peak resident memory, in bytes.
    package func memory() -> (rss: Int, peak: Int)? { ProcessStats(pid: pid).memory() }

    /// Open file descriptors.
    package func openFiles() -> Int? { ProcessStats(pid: pid).openFiles() }

    package func cpu() -> CPU? {
        guard let total = ProcessStats(pid: pid).cpuSeconds() else { return nil }
        var threads: [Int32: (String, Double)] = [:]
        for tid in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? [] {
            guard let t = Int32(tid), let seconds = ProcessStats.cpuSeconds("/proc/\(pid)/task/\(tid)/stat") else { continue }
            // The server names its threads for the kernel (arm-rooms, arm-lws); other threads may keep the name of
            // the dispatch thread that made them, so the label also says where the thread waits (poll: an lws
            // service loop; futex: a condition or lock).
            let name = ((try? String(contentsOfFile: "/proc/\(pid)/task/\(tid)/comm", encoding: .utf8)) ?? "?")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let wchan = ((try? String(contentsOfFile: "/proc/\(pid)/task/\(tid)/wchan", encoding: .utf8)) ?? "")
                .split(separator: ".").first.map(String.init) ?? ""
            threads[t] = ("\(name)/\(tid)" + (wchan.isEmpty || wchan == "0" ? "" : " \(wchan)"), seconds)
        }
        return CPU(total: total, threads: threads)
    }

    /// The 1, 5 and 15 minute load averages of this machine.
    package static func loadAverage() -> [Double] {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return [] }
        return text.split(separator: " ").prefix(3).compactMap { Double($0) }
    }
}

/// CPU use between two readings, as a percentage of one core.
package struct CPUShare: Codable, Sendable {
    package var percentOfOneCore: Double
    /// The threads that used at least 0.5% of a core, by name/tid and where they were waiting at the end.
    package var threads: [String: Double]

    package init(from a: ProcessProbe.CPU, to b: ProcessProbe.CPU, seconds: Double) {
        percentOfOneCore = (b.total - a.total) / seconds * 100
        var byName: [String: Double] = [:]
        for (tid, t) in b.threads {
            let before = a.threads[tid]?.seconds ?? 0
            byName[t.name, default: 0] += (t.seconds - before) / seconds * 100
        }
        threads = byName.filter { $0.value >= 0.5 }
    }
}
