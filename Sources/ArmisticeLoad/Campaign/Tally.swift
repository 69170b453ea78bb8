/// Counts of what a campaign part saw, and the first few findings in full.
package struct Tally: Sendable {
    package var counts: [String: Int] = [:]
    /// Findings: anything that breaks a promise (a crash, a hang, an unknown error code, a reply that never came).
    package var findings: [String] = []
    package var findingCount = 0

    package mutating func count(_ key: String, _ n: Int = 1) { counts[key, default: 0] += n }

    package mutating func finding(_ text: String) {
        findingCount += 1
        if findings.count < 20 { findings.append(String(text.prefix(600))) }
    }

    package mutating func merge(_ other: Tally) {
        for (k, v) in other.counts { counts[k, default: 0] += v }
        findingCount += other.findingCount
        findings += other.findings.prefix(max(0, 20 - findings.count))
    }

    /// The counts under a prefix, most first, as `name n, name n`.
    package func listing(_ prefix: String, top: Int = 60) -> String {
        counts.filter { $0.key.hasPrefix(prefix) }.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
            .prefix(top).map { "\($0.key.dropFirst(prefix.count)) \($0.value)" }.joined(separator: ", ")
    }
}
