// libFuzzer target: bytes as a scenario file through RulesetLoader.load, as `armistice ruleset check` reads it.
// Compiled into the ArmisticeEngine module by Fuzz/run.sh; not part of `swift build`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRuleset(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if RulesetLoader.firstInvalidUTF8(bytes) != nil { return 0 }
    _ = try? RulesetLoader.load(text: String(decoding: bytes, as: UTF8.self), file: "fuzz.yaml")
    return 0
}
