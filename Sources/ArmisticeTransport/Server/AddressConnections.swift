#if canImport(Glibc)
import Glibc
#endif

/// How many sockets each peer address holds open, so that one address cannot take the server's connections (or
/// park thousands of silent sockets, which libwebsockets keeps on a list it walks whole for each one it closes).
/// Counted from accept to the socket's end: an accepted socket is admitted by descriptor, bound to its wsi once lws
/// has made one, and let go when that wsi is destroyed. Loopback peers are not counted (the load tools, a proxy on
/// the same host). Service thread only.
struct AddressConnections {
    /// Sockets one address may hold at once; 0: no limit.
    let limit: Int
    private(set) var counts: [String: Int] = [:]
    /// Admitted sockets lws has not yet made a wsi for, by descriptor.
    private var pending: [Int32: String] = [:]
    /// Sockets with a wsi, by its address.
    private var bound: [UnsafeMutableRawPointer: String] = [:]

    init(limit: Int) { self.limit = limit }

    /// Whether the socket just accepted on `fd` from `address` may stay. A descriptor admitted before but never bound
    /// (lws failed to adopt it) is let go first, since its number is being reused.
    mutating func admit(fd: Int32, address: String) -> Bool {
        if let stale = pending.removeValue(forKey: fd) { release(stale) }
        guard limit > 0, !address.isEmpty, !Self.isLoopback(address) else { return true }
        guard counts[address, default: 0] < limit else { return false }
        counts[address, default: 0] += 1
        pending[fd] = address
        return true
    }

    /// lws made `wsi` for the socket on `fd`.
    mutating func bind(fd: Int32, wsi: UnsafeMutableRawPointer) {
        guard let address = pending.removeValue(forKey: fd) else { return }
        bound[wsi] = address
    }

    /// `wsi` is gone, and its socket with it.
    mutating func destroyed(wsi: UnsafeMutableRawPointer) {
        guard let address = bound.removeValue(forKey: wsi) else { return }
        release(address)
    }

    private mutating func release(_ address: String) {
        let left = counts[address, default: 1] - 1
        counts[address] = left > 0 ? left : nil
    }

    static func isLoopback(_ address: String) -> Bool {
        address.hasPrefix("127.") || address == "::1" || address.hasPrefix("::ffff:127.")
    }

    /// The peer address of a connected socket, as text ("192.0.2.7", "2001:db8::1"), or "" if it has none.
    static func peerAddress(of fd: Int32) -> String {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let got = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(fd, $0, &length) }
        }
        guard got == 0 else { return "" }
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        let family = Int32(storage.ss_family)
        let ok: Bool = withUnsafePointer(to: &storage) { p in
            switch family {
            case AF_INET:
                return p.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { s in
                    var a = s.pointee.sin_addr
                    return inet_ntop(AF_INET, &a, &text, socklen_t(text.count)) != nil
                }
            case AF_INET6:
                return p.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { s in
                    var a = s.pointee.sin6_addr
                    return inet_ntop(AF_INET6, &a, &text, socklen_t(text.count)) != nil
                }
            default:
                return false
            }
        }
        return ok ? String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
    }
}
