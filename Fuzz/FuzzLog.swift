// libFuzzer target: bytes as a match log through the replay tool's reader (MatchLog) and the replay itself.
// Compiled into the ArmisticeReplay module by Fuzz/run.sh; not part of `swift build`. ArmisticeLog, where the
// reader is, is linked uninstrumented from the debug build.
import ArmisticeLog

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLog(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let log = try? MatchLog(bytes: bytes) else { return 0 }
    let replay = Replay(log: log, keepSteps: false)
    _ = replay.isVerified
    return 0
}
