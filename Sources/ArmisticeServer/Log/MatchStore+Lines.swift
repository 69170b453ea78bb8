extension MatchStore {
    /// A room's log as its whole lines (without newlines; a torn last line is left out); empty when there is no log.
    public func lines(_ code: String) -> [String] {
        guard let bytes = Self.read(path: path(code)) else { return [] }
        var lines: [String] = []
        var start = 0
        while let end = bytes[start...].firstIndex(of: 0x0A) {
            lines.append(String(decoding: bytes[start..<end], as: UTF8.self))
            start = end + 1
        }
        return lines
    }
}
