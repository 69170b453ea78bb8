#if canImport(Glibc)
import Glibc
#endif
import ArmisticeServer
import Foundation
import ArmisticeWire

/// The in-process part of the frame campaign: the same mutated frames handed straight to `InboundGate` (charge,
/// shape check, decode: what the transport's thread does with every message), with no sockets, at full speed.
/// Every frame must become a request or a refusal with a documented code, and none may take long.
package struct GateCampaign {
    package init(seconds: Double = 5.0, maxFrames: Int = Int.max, seed: UInt64 = 1, slowMs: Double = 50.0) {
        self.seconds = seconds
        self.maxFrames = maxFrames
        self.seed = seed
        self.slowMs = slowMs
    }

    package var seconds = 5.0
    package var maxFrames = Int.max
    package var seed: UInt64 = 1
    /// A frame that takes more of the thread's CPU time than this is a finding (CPU time, not wall time: on a
    /// shared machine the thread may wait for a core in the middle of any frame).
    package var slowMs = 50.0

    package struct Result {
        package var tally = Tally()
        package var frames = 0
        package var elapsed = 0.0
        package var slowestMs = 0.0
        package var slowest = ""
        /// The costliest frame itself.
        package var slowestText = ""
        /// Seconds spent in the gate (the rest is making the frames).
        package var gateSeconds = 0.0
    }

    package func run() -> Result {
        var result = Result()
        var mutator = FrameMutator(seed: seed)
        mutator.oversizePerTenThousand = 2
        let context = FrameMutator.Context(code: "K7QX3M", key: "campaign-key", token: "K7QX3M.token", seats: ["1", "2", "3"])
        var gate = InboundGate(limits: ServerLimits())
        let limits = ServerLimits()
        let start = DispatchTime.now().uptimeNanoseconds
        let end = start + UInt64(seconds * 1e9)
        var now = DispatchTime.now().uptimeNanoseconds
        while now < end, result.frames < maxFrames {
            let frame = mutator.next(context: context)
            // Each frame on a fresh budget, so that every one is decoded.
            gate.opened(1, now: Int64(result.frames) * 1_000_000_000)
            let t0 = Self.threadCPUNanoseconds()
            let inbound: Inbound?
            if frame.binary != nil {
                inbound = gate.rejected(ServerError(.binaryFrame, "binary"), from: 1, now: Int64(result.frames) * 1_000_000_000)
            } else if frame.text.utf8.count > limits.maxMessageBytes {
                inbound = gate.rejected(ServerError(.tooLarge, "too large"), from: 1, now: Int64(result.frames) * 1_000_000_000)
            } else {
                inbound = gate.text(frame.text, from: 1, now: Int64(result.frames) * 1_000_000_000)
            }
            let ms = Double(Self.threadCPUNanoseconds() - t0) / 1e6
            now = DispatchTime.now().uptimeNanoseconds
            result.gateSeconds += ms / 1000
            if ms > result.slowestMs {
                (result.slowestMs, result.slowest, result.slowestText) = (ms, "\(frame.mutation) \(frame.type) (\(frame.text.utf8.count) bytes)", frame.text)
            }
            if ms > slowMs { result.tally.finding("\(String(format: "%.0f", ms)) ms for a \(frame.mutation) \(frame.type): \(frame.text.prefix(200))") }
            result.frames += 1
            switch inbound {
            case .request(let parsed): result.tally.count("outcome.request \(parsed.type)")
            case .invalid(let failure):
                result.tally.count("outcome.\(failure.error.code.rawValue)")
                if failure.error.code == .internalError { result.tally.finding("internal_error for \(frame.text.prefix(200))") }
            case .throttled, .flooded, nil: result.tally.finding("a fresh budget refused a frame")
            }
        }
        result.elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return result
    }

    package static func threadCPUNanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}
