import ArmisticeLocale

extension Catalog {
    /// `text(_:_:count:)` with the Korean particles fitted to the words filled in (`합의 #2를`, `한국이`, never
    /// `을(를)` after a word that tells which: `Josa.resolvingParticles`, as the server's refusals and the report use).
    /// For the messages whose particle follows a placeholder; in English it is `text` itself.
    public func phrase(_ key: String, _ args: [String: String] = [:], count: Int? = nil) -> String {
        let out = text(key, args, count: count)
        return Josa.resolvingParticles(out, in: language)
    }
}
