#if canImport(Glibc)
import Glibc
#endif

/// How many sockets each peer address holds open, so that one address cannot take the server's connections (or
/// park thousands of silent sockets, which libwebsockets keeps on a list it walks whole for each one it closes).
/// Counted from accept to the socket's end: an accepted socket is admitted by descriptor, bound to its wsi once lws
/// has made one, and let go when that wsi is destroyed. Loopback peers are not counted (the load tools, a proxy on
/// the same host). Service thread only.
///
/// At the limit a newcomer is not refused while the address holds a socket that may be let go: its oldest one that
/// is not kept (kept: a WebSocket holding a seat, `WebSocketServer.keep`) is evicted to make room. One client at a
/// school's address holding every socket it may (outside tester qa6, W1: 1,024 sockets that only said `hello`, or
/// slow HTTP bodies) then locked the whole school out, seated students' resumes included; now it only churns its
/// own sockets and the address's idle ones, while seats, and a newcomer who takes one, stay.
struct AddressConnections {
    /// What `admit` decided for a socket just accepted.
    enum Verdict: Equatable {
        /// It may stay.
        case admitted
        /// It may stay in place of this one, the address's oldest socket not kept, already let go from the count:
        /// the caller closes it.
        case evicting(UnsafeMutableRawPointer)
        /// Every socket the address holds is kept: it must be closed.
        case refused
    }

    /// Sockets one address may hold at once; 0: no limit.
    let limit: Int
    private(set) var counts: [String: Int] = [:]
    /// Admitted sockets lws has not yet made a wsi for, by descriptor.
    private var pending: [Int32: String] = [:]
    /// Sockets with a wsi, by its address.
    private var bound: [UnsafeMutableRawPointer: String] = [:]
    /// Each address's sockets with a wsi, with the order they were bound in (oldest lowest).
    private var members: [String: [UnsafeMutableRawPointer: UInt64]] = [:]
    private var order: UInt64 = 0

    init(limit: Int) { self.limit = limit }

    /// Whether the socket just accepted on `fd` from `address` may stay. A descriptor admitted before but never bound
    /// (lws failed to adopt it) is let go first, since its number is being reused.
    mutating func admit(fd: Int32, address: String) -> Bool {
        admit(fd: fd, address: address) { _ in true } == .admitted
    }

    /// As `admit(fd:address:)`; at the limit, evicts the address's oldest socket for which `isKept` is false.
    mutating func admit(fd: Int32, address: String, isKept: (UnsafeMutableRawPointer) -> Bool) -> Verdict {
        if let stale = pending.removeValue(forKey: fd) { release(stale) }
        guard limit > 0, !address.isEmpty, !Self.isLoopback(address) else { return .admitted }
        var verdict = Verdict.admitted
        if counts[address, default: 0] >= limit {
            var oldest: (wsi: UnsafeMutableRawPointer, order: UInt64)?
            for (wsi, n) in members[address] ?? [:] where oldest.map({ n < $0.order }) ?? true {
                if !isKept(wsi) { oldest = (wsi, n) }
            }
            guard let victim = oldest?.wsi else { return .refused }
            destroyed(wsi: victim)
            verdict = .evicting(victim)
        }
        counts[address, default: 0] += 1
        pending[fd] = address
        return verdict
    }

    /// lws made `wsi` for the socket on `fd`.
    mutating func bind(fd: Int32, wsi: UnsafeMutableRawPointer) {
        guard let address = pending.removeValue(forKey: fd) else { return }
        bound[wsi] = address
        order += 1
        members[address, default: [:]][wsi] = order
    }

    /// `wsi` is gone, and its socket with it (or it is being closed to make room).
    mutating func destroyed(wsi: UnsafeMutableRawPointer) {
        guard let address = bound.removeValue(forKey: wsi) else { return }
        members[address]?[wsi] = nil
        if members[address]?.isEmpty == true { members[address] = nil }
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
