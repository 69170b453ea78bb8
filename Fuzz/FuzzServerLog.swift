// libFuzzer target: bytes as a match log through the server's reader (MatchLogReader) and MatchReplay, as a
// server restart reads every log in its data folder. Compiled into the ArmisticeServer module by Fuzz/run.sh.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzServerLog(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let reader = try? MatchLogReader(bytes: bytes) else { return 0 }
    _ = try? MatchReplay.replay(reader.records)
    return 0
}
