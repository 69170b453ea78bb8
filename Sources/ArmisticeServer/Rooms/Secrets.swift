import ArmisticeEngine
import Crypto
import Foundation

/// Join codes, seat tokens and key comparison.
public enum Secrets {
    /// Join-code characters: digits and capitals without the look-alikes 0/O, 1/I/L.
    public static let codeAlphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
    public static let codeLength = 6

    /// A random join code, e.g. "K7QX3M"; with a `prefix` (a cluster node's slice, letters of the alphabet), it
    /// starts with it and the rest is random.
    public static func joinCode<G: RandomNumberGenerator>(prefix: String = "", using rng: inout G) -> String {
        prefix + String((prefix.count..<codeLength).map { _ in codeAlphabet.randomElement(using: &rng)! })
    }

    /// A code as a person typed it: upper-cased, spaces and dashes dropped.
    public static func normalizeCode(_ text: String) -> String {
        String(text.uppercased().filter { $0 != " " && $0 != "-" }.prefix(16))
    }

    /// A seat token: the room code, a dot and 128 random bits in hex. Only its SHA-256 is kept.
    public static func seatToken<G: RandomNumberGenerator>(room: String, using rng: inout G) -> String {
        var bytes: [UInt8] = []
        for _ in 0..<2 { withUnsafeBytes(of: rng.next()) { bytes.append(contentsOf: $0) } }
        return room + "." + hexString(bytes)
    }

    /// What is stored instead of a token.
    public static func tokenHash(_ token: String) -> String {
        hexString(SHA256.hash(data: Array(token.utf8)))
    }

    /// The room code a token claims to belong to (not proof of anything).
    public static func roomOfToken(_ token: String) -> String? {
        guard let dot = token.firstIndex(of: ".") else { return nil }
        let code = String(token[..<dot])
        return code.count == codeLength && code.allSatisfy(codeAlphabet.contains) ? code : nil
    }

    /// A random instructor key (32 hex characters).
    public static func instructorKey() -> String {
        var rng = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        for _ in 0..<2 { withUnsafeBytes(of: rng.next()) { bytes.append(contentsOf: $0) } }
        return hexString(bytes)
    }

    /// Compares two secrets in time that does not depend on where they differ.
    public static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(SHA256.hash(data: Array(a.utf8)))
        let y = Array(SHA256.hash(data: Array(b.utf8)))
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
