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

    package static func run(_ arguments: [String], timeout: Double) -> Outcome {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do { try process.run() } catch { return .exited(-1) }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            done.wait()
            return .hung
        }
        return process.terminationReason == .uncaughtSignal ? .signalled(process.terminationStatus) : .exited(process.terminationStatus)
    }
}
