import Foundation

/// Everything a client pool's service thread owns.
final class ClientServiceState {
    var sessions: [UInt64: ClientSession] = [:]
    /// C strings handed to lws_client_connect_via_info, kept until the attempt ends.
    var connectStrings: [UInt64: [UnsafeMutablePointer<CChar>]] = [:]
    /// True while inside lws_client_connect_via_info (callbacks may fire synchronously).
    var insideConnect = false

    func releaseStrings(_ id: UInt64) {
        guard let strings = connectStrings.removeValue(forKey: id) else { return }
        for string in strings { free(string) }
    }

    deinit {
        for strings in connectStrings.values { for string in strings { free(string) } }
    }
}
