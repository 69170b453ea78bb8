import Foundation

/// A command-line program the tests run and wait for, off the cooperative pool (`offload`).
public enum ChildProcess {
    /// How a finished program exited and what it wrote.
    public struct Finished: Sendable {
        public var status: Int32
        public var out: String
        public var err: String
    }

    /// Runs `path` with `arguments` and waits for it to exit, reading standard output and standard error as it goes
    /// (a pipe read only at the end would stop a program that writes more than the pipe holds). `environment`
    /// replaces the test's own when given; `input` is written to its standard input, which is then closed.
    public static func run(_ path: String, _ arguments: [String], environment: [String: String]? = nil,
                           input: String? = nil) async throws -> Finished {
        try await offload {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
            if let environment { process.environment = environment }
            let out = Pipe(), err = Pipe(), stdin = Pipe()
            process.standardOutput = out
            process.standardError = err
            process.standardInput = input == nil ? FileHandle.nullDevice : stdin
            try process.run()
            let errors = Drain(err.fileHandleForReading)
            if let input {
                stdin.fileHandleForWriting.write(Data(input.utf8))
                try? stdin.fileHandleForWriting.close()
            }
            let said = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Finished(status: process.terminationStatus, out: String(decoding: said, as: UTF8.self),
                            err: String(decoding: errors.wait(), as: UTF8.self))
        }
    }

    /// Starts a server `process` whose standard output says `listening on port N` once it listens, and returns N.
    /// Reads at most `timeout` seconds, off the cooperative pool; a server that exits or says nothing of the kind
    /// in time is stopped and the error quotes what it said. Its standard output is not read after that line.
    public static func startListening(_ process: Process, timeout: Double = 30) async throws -> Int {
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let (port, text) = await offload { () -> (Int, String) in
            var text = ""
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
                if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("listening on port ") }),
                   let n = Int(line.dropFirst("listening on port ".count).trimmingCharacters(in: .whitespaces)) {
                    return (n, text)
                }
            }
            return (0, text)
        }
        guard port > 0 else {
            if process.isRunning { process.terminate() }
            throw TestFailure("the server did not start: \(text)")
        }
        return port
    }

    /// Sends SIGTERM and waits, off the cooperative pool, up to `within` seconds for the process to exit; one that
    /// is still running then is killed (SIGKILL). Returns whether it stopped on SIGTERM.
    @discardableResult
    public static func terminate(_ process: Process, within: Double = 20) async -> Bool {
        await offload { terminateNow(process, within: within) }
    }

    /// `terminate` for the places that cannot wait asynchronously (`defer`, `deinit`): it blocks its thread.
    @discardableResult
    public static func terminateNow(_ process: Process, within: Double = 20) -> Bool {
        guard process.isRunning else { return true }
        process.terminate()
        let deadline = Date().addingTimeInterval(within)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        let stopped = !process.isRunning
        if !stopped { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return stopped
    }

    /// Reads a handle to its end on a thread of its own.
    private final class Drain: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }.start()
        }

        func wait() -> Data {
            done.wait()
            return data
        }
    }
}
