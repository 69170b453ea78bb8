// libFuzzer target: one text message through the request parser (shape check, then decode), with the parser's own
// coverage guiding the fuzzer. Compiled into the ArmisticeWire module by Fuzz/run.sh; not part of `swift build`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParse(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    // The transport hands over only valid UTF-8 (LWS_SERVER_OPTION_VALIDATE_UTF8); anything else closes with 1007.
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return 0 }
    _ = ClientRequest.parse(text)
    return 0
}
