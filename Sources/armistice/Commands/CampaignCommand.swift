import ArgumentParser
import ArmisticeLoad
import Foundation

/// `armistice campaign`: the standing fuzz and fault campaign (docs/reliability.md). Mutated frames of every
/// request type over real WebSockets while another room's students measure their pings; the same frames straight
/// into the inbound gate; damaged scenarios and match logs through the tools; `kill -9` under load. Prints what
/// was tried and what held; exits 1 if anything broke a promise.
struct CampaignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign",
        abstract: "Fuzz and fault campaign: malformed frames, damaged rulesets and logs, kill -9 cycles. Exit 1 on any finding.",
        discussion: """
        The default run takes about six minutes; --short about half a minute (the test suite runs it); --long sends \
        10 million frames over WebSockets (or stops after 4 hours), then an hour of frames into the gate: hours on a small machine.
        Examples:
          armistice campaign --short
          armistice campaign --only wire --wire-seconds 600 --workers 16
          armistice campaign --long
        """)

    @Flag(help: "About 30 seconds in all (the tests run this).") var short = false
    @Flag(help: "The long campaign: 10 million wire frames (at most 4 hours), 1 hour of gate, 100 kill cycles, 10 minutes of files each.") var long = false
    @Option(help: "Parts to run, comma-separated: wire, gate, rulesets, logs, kill.") var only = "wire,gate,rulesets,logs,kill"
    @Option(help: "Seconds of mutated frames over WebSockets.") var wireSeconds: Double?
    @Option(help: "Stop the wire part after this many frames.") var wireFrames: Int?
    @Option(help: "Concurrent fuzzing connections.") var workers = 8
    @Option(help: "Seconds of frames straight into the inbound gate (no sockets).") var gateSeconds: Double?
    @Option(help: "Stop the gate part after this many frames.") var gateFrames: Int?
    @Option(help: "Seconds of damaged scenarios, and again of damaged logs.") var fileSeconds: Double?
    @Option(help: "A tool run that has not ended after this many seconds is a hang.") var hangSeconds = 5.0
    @Option(help: "kill -9 cycles.") var cycles: Int?
    @Option(help: "The seated students' ping p99 under attack must stay below this (milliseconds).") var maxP99Ms = 20.0
    @Option(help: "The random seed (a run can be repeated).") var seed: UInt64 = 1
    @Option(help: "The scenario folder.") var rulesets = "./rulesets"
    @Option(help: "Where inputs that crash or hang a tool are kept.") var findings = "./campaign-findings"
    @Option(help: "Only write seed inputs for the libFuzzer targets (Fuzz/run.sh) into this folder: request/, ruleset/, log/.")
    var writeCorpus: String?
    @Option(help: .hidden) var probePort: Int?
    @Option(help: .hidden) var probeKey = ""
    @Option(help: .hidden) var probeBaseline = 3.0
    @Option(help: .hidden) var probeSeconds = 10.0
    @Option(help: .hidden) var probeIntervalMs = 50
    @Option(help: .hidden) var probeWindows = 1

    func validate() throws {
        if short, long { throw ValidationError("say --short or --long, not both") }
        let parts = Set(only.split(separator: ",").map(String.init))
        let known: Set = ["wire", "gate", "rulesets", "logs", "kill"]
        if !parts.isSubset(of: known) { throw ValidationError("--only takes \(known.sorted().joined(separator: ", "))") }
        guard (1...256).contains(workers) else { throw ValidationError("--workers must be between 1 and 256") }
        guard FileManager.default.fileExists(atPath: rulesets + "/koreanization.yaml") else { throw ValidationError("no koreanization.yaml in \(rulesets)") }
    }

    func run() async throws {
        if let probePort {
            return try await PingProbe.run(port: probePort, key: probeKey, baseline: probeBaseline, seconds: probeSeconds, windows: probeWindows, every: probeIntervalMs)
        }
        if let writeCorpus { return try Self.writeCorpus(to: writeCorpus, rulesets: rulesets, seed: seed) }
        let parts = Set(only.split(separator: ",").map(String.init))
        let preset: (wire: Double, gate: Double, files: Double, cycles: Int, frames: Int) =
            short ? (8, 2, 5, 2, .max) : long ? (14_400, 3_600, 600, 100, 10_000_000) : (120, 60, 60, 20, .max)
        let scratch = NSTemporaryDirectory() + "armistice-campaign-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let key = UUID().uuidString
        var failed: [String] = []
        print("# armistice campaign (seed \(seed)\(short ? ", short" : long ? ", long" : ""))\n")

        var serverLogs: [String] = []
        if parts.contains("kill") {
            let cycles = KillCycles(cycles: cycles ?? preset.cycles, seed: seed, rulesets: rulesets, data: scratch + "/kill")
            let r = try await cycles.run(key: key)
            print("## kill -9 under load\n")
            print("\(r.cycles) cycles in \(String(format: "%.0f", r.elapsed)) s; \(r.acknowledged) chats acknowledged, \(r.lost) lost; "
                  + "\(r.logsVerified) log readings replayed and verified.")
            report(r.tally, into: &failed, part: "kill")
            serverLogs = ((try? FileManager.default.contentsOfDirectory(atPath: scratch + "/kill/matches")) ?? []).filter { $0.hasSuffix(".jsonl") }
                .compactMap { try? String(contentsOfFile: scratch + "/kill/matches/" + $0, encoding: .utf8) }
        }
        if parts.contains("wire") {
            let server = try BenchServer(data: scratch + "/wire", rulesets: rulesets, key: key)
            defer { server.stop() }
            let wire = WireCampaign(workers: workers, seconds: wireSeconds ?? preset.wire, maxFrames: wireFrames ?? preset.frames, seed: seed)
            let r = try await wire.run(server: server, key: key)
            print("## Mutated frames over WebSockets\n")
            print("First half: strangers only (no seat; half without hello). Second half: everyone (seated students and instructors too, "
                  + "whose valid requests are written and fdatasynced on the rooms thread before anything of the batch goes out).\n")
            print("\(r.frames) frames on \(r.connections) connections in \(String(format: "%.1f", r.elapsed)) s "
                  + "(\(String(format: "%.0f", Double(r.frames) / max(r.elapsed, 0.001))) frames/s, \(workers) workers); server alive after: \(r.serverAlive ? "yes" : "NO").")
            print("- mutations: \(r.tally.listing("mutation."))")
            print("- request types: \(r.tally.listing("type."))")
            print("- replies: \(r.tally.listing("reply."))")
            print("- closes: \(r.tally.listing("close.").isEmpty ? "none" : r.tally.listing("close.")); connection states: \(r.tally.listing("state."))")
            print("")
            print("| seated students' ping | pings | p50 ms | p99 ms | max ms |")
            print("|---|---:|---:|---:|---:|")
            for (name, f) in [("before", r.baseline), ("during the strangers' frames", r.strangers), ("during everyone's frames", r.during)] {
                print("| \(name) | \(f.count) | \(String(format: "%.2f | %.2f | %.2f", f.p50, f.p99, f.max)) |")
            }
            print("\nMessages the seated room got that were not its pongs: \(r.noticed.count)")
            var tally = r.tally
            if !r.serverAlive { tally.finding("the server is not running after the frames") }
            for n in r.noticed.prefix(5) { tally.finding("the seated room noticed: \(n)") }
            if r.strangers.p99 > maxP99Ms {
                tally.finding("seated ping p99 \(String(format: "%.1f", r.strangers.p99)) ms over \(maxP99Ms) ms while strangers sent frames")
            }
            report(tally, into: &failed, part: "wire")
        }
        if parts.contains("gate") {
            let r = GateCampaign(seconds: gateSeconds ?? preset.gate, maxFrames: gateFrames ?? preset.frames, seed: seed).run()
            print("## The same frames straight into the inbound gate (in process, no sockets)\n")
            print("\(r.frames) frames in \(String(format: "%.1f", r.elapsed)) s (\(String(format: "%.0f", Double(r.frames) / max(r.elapsed, 0.001))) frames/s; "
                  + "\(String(format: "%.1f", r.gateSeconds)) s of CPU in the gate, \(String(format: "%.0f", Double(r.frames) / max(r.gateSeconds, 0.001))) frames per CPU second); "
                  + "slowest \(String(format: "%.2f", r.slowestMs)) ms of CPU (\(r.slowest)).")
            print("- outcomes: \(r.tally.listing("outcome.", top: 80))")
            // The costliest frame is kept, to be looked at (and timed again: Fuzz/run.sh's request target runs one input).
            try? FileManager.default.createDirectory(atPath: findings, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: findings + "/gate-costliest-frame.json", contents: Data(r.slowestText.utf8))
            report(r.tally, into: &failed, part: "gate")
        }
        let files = FileCampaign(seconds: fileSeconds ?? preset.files, timeout: hangSeconds, seed: seed, scratch: scratch + "/files", findings: findings)
        if parts.contains("rulesets") {
            let texts = ((try? FileManager.default.contentsOfDirectory(atPath: rulesets)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
                .compactMap { try? String(contentsOfFile: rulesets + "/" + $0, encoding: .utf8) }
            let r = files.rulesets(texts)
            print("## Damaged scenarios through `armistice ruleset check`\n")
            print("\(r.cases) files in \(String(format: "%.0f", r.elapsed)) s; slowest run \(String(format: "%.2f", r.slowest)) s; \(r.tally.listing(""))")
            report(r.tally, into: &failed, part: "rulesets")
        }
        if parts.contains("logs") {
            let r = files.logs(try FileCampaign.simulatedLogs(rulesets: rulesets) + serverLogs.prefix(3))
            print("## Damaged match logs through `armistice replay` and `armistice report`\n")
            print("\(r.cases) files in \(String(format: "%.0f", r.elapsed)) s; slowest run \(String(format: "%.2f", r.slowest)) s; \(r.tally.listing(""))")
            report(r.tally, into: &failed, part: "logs")
        }
        print(failed.isEmpty ? "\nEverything held." : "\nFindings in: \(failed.joined(separator: ", ")).")
        if !failed.isEmpty { throw ExitCode(1) }
    }

    /// Valid and mutated requests, the shipped scenarios, and logged bot matches: where the libFuzzer targets start.
    static func writeCorpus(to folder: String, rulesets: String, seed: UInt64) throws {
        let fm = FileManager.default
        for sub in ["request", "ruleset", "log"] { try fm.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true) }
        var mutator = FrameMutator(seed: seed)
        mutator.oversizePerTenThousand = 0
        let context = FrameMutator.Context(code: "K7QX3M", key: "campaign-key", token: "K7QX3M.token", seats: ["1", "2"])
        for (i, type) in FrameMutator.types.enumerated() {
            let members: [(String, FuzzJSON)] = [("id", .number(i)), ("type", .string(type))] + FrameMutator.body(type, context, seat: "2")
            _ = fm.createFile(atPath: folder + "/request/valid-\(type).json", contents: Data(FuzzJSON.object(members).text.utf8))
        }
        for i in 0..<40 {
            let frame = mutator.next(context: context, validPercent: 0)
            if frame.binary == nil, frame.text.utf8.count < 4_096 { _ = fm.createFile(atPath: folder + "/request/mutated-\(i).json", contents: Data(frame.text.utf8)) }
        }
        for file in try fm.contentsOfDirectory(atPath: rulesets) where file.hasSuffix(".yaml") {
            try? fm.removeItem(atPath: folder + "/ruleset/" + file)
            try fm.copyItem(atPath: rulesets + "/" + file, toPath: folder + "/ruleset/" + file)
        }
        for (i, log) in try FileCampaign.simulatedLogs(rulesets: rulesets).enumerated() {
            _ = fm.createFile(atPath: folder + "/log/simulated-\(i).jsonl", contents: Data(log.utf8))
        }
        print("seed inputs written to \(folder)")
    }

    private func report(_ tally: Tally, into failed: inout [String], part: String) {
        if tally.findingCount > 0 {
            failed.append(part)
            print("\n**\(tally.findingCount) finding(s)**:")
            for f in tally.findings { print("- \(f)") }
        }
        print("")
    }
}
