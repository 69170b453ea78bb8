// libFuzzer target: bytes as a match log through the log reader's strict view (LogReader.restorable) and MatchReplay,
// as a server restart reads every log in its data folder. Compiled into the ArmisticeServer module by Fuzz/run.sh
// (ArmisticeLog, where the reader is, is linked uninstrumented from the debug build).
import ArmisticeLog

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzServerLog(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let log = try? LogReader(bytes: bytes).restorable() else { return 0 }
    _ = try? MatchReplay.replay(log.records)
    return 0
}
