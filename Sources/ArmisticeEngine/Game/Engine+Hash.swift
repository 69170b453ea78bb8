import Foundation
import Crypto

extension Engine {
    /// SHA-256 (hex) of the canonical encoding of a state. Equal states give equal hashes on every machine and run;
    /// replays compare these to prove a match was reproduced exactly. The record history is not hashed (it follows
    /// from the inputs); the random source's state is.
    public func stateHash(_ state: GameState) -> String {
        var encoder = CanonicalEncoder()
        encoder.string("armistice-state-v1")
        encoder.string(ruleset.sourceHash)
        if let variant = ruleset.variant { encoder.string("variant:" + variant) }   // absent for base rules: old hashes stand
        encoder.uint(state.seed)
        encoder.int(state.turn)
        encoder.int(Phase.allCases.firstIndex(of: state.phase)!)
        encoder.ints(state.tracks)
        encoder.ints(state.flags.map { $0 ? 1 : 0 })
        encoder.ints(state.projects)
        encoder.ints(state.trackVisibility.map(Int.init))
        encoder.uint(state.random.state)
        encoder.ints(state.budgets)
        encoder.ints(state.locked.map { $0 ? 1 : 0 })
        for draft in state.drafts {
            encoder.int(draft.orders.count)
            for order in draft.orders { encoder.order(order) }
            encoder.int(draft.consents.count)
            for key in draft.consents.keys.sorted() {
                encoder.string(key)
                encoder.string(draft.consents[key]!.rawValue)
            }
        }
        encoder.int(state.deals.count)
        for deal in state.deals {
            encoder.int(deal.id)
            encoder.int(deal.turn)
            encoder.string(deal.proposer)
            encoder.strings(deal.parties)
            encoder.strings(deal.accepted)
            encoder.string(deal.status.rawValue)
            encoder.string(deal.note)
            encoder.int(deal.commitments.count)
            for c in deal.commitments {
                encoder.string(c.team)
                encoder.string(c.action ?? "")
                encoder.order(Order(action: "", params: c.params ?? [:]))
                encoder.string(c.consent ?? "")
                encoder.string(c.decision?.rawValue ?? "")
            }
        }
        encoder.ints(state.eventsFired)
        encoder.int(state.outcome ?? -1)
        encoder.ints(state.scores ?? [])
        encoder.string(state.endReason ?? "")
        return hexString(SHA256.hash(data: encoder.bytes))
    }
}

/// Lowercase hex of a byte sequence.
public func hexString(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(64)
    for b in bytes {
        out.append(digits[Int(b >> 4)])
        out.append(digits[Int(b & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
}

/// A simple, unambiguous byte encoding: fixed-width little-endian integers, length-prefixed strings and lists.
struct CanonicalEncoder {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1024) }

    mutating func uint(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func int(_ value: Int) { uint(UInt64(bitPattern: Int64(value))) }

    mutating func ints(_ values: [Int]) {
        int(values.count)
        for v in values { int(v) }
    }

    mutating func string(_ value: String) {
        let utf8 = value.utf8
        int(utf8.count)
        bytes.append(contentsOf: utf8)
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for v in values { string(v) }
    }

    mutating func order(_ order: Order) {
        string(order.action)
        int(order.params.count)
        for key in order.params.keys.sorted() {
            string(key)
            switch order.params[key]! {
            case .number(let n): int(0); int(n)
            case .id(let s): int(1); string(s)
            }
        }
    }
}
