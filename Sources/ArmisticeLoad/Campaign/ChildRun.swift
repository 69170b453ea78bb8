#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Runs this same `armistice` binary with some arguments, output discarded, and says how it ended: an exit status,
/// a signal (a crash), or still running after the time allowed (a hang; it is then killed).
package enum ChildRun {
    package enum Outcome: Equatable {
        case exited(Int32)
        case signalled(Int32)
        case hung
    }

    package static let binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()

    /// Spawned and waited for by hand (`posix_spawn`, `waitpid`), not through Foundation's `Process`: with several
    /// children started at once from `concurrentPerform`, a `Process` whose child had exited sometimes never called
    /// its termination handler (the child stayed a zombie and the campaign waited for it for hours).
    package static func run(_ arguments: [String], timeout: Double) -> Outcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let path = binary.path
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return .exited(-1) }
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, timeout) * 1e9)
        var status: Int32 = 0
        while true {
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid { break }
            if waited == -1, errno != EINTR { return .exited(-1) }
            if DispatchTime.now().uptimeNanoseconds >= deadline {
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) == -1, errno == EINTR {}
                return .hung
            }
            usleep(2_000)
        }
        // WIFEXITED / WTERMSIG, which Swift does not import: the low 7 bits are the signal, 0 for an exit.
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }
}
