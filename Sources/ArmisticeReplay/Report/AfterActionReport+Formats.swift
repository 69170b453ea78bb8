import Foundation

extension AfterActionReport {
    /// The report as JSON (keys sorted), as the browser viewer reads it.
    public func json(pretty: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Reads a report back from its JSON.
    public static func decode(json: [UInt8]) throws -> AfterActionReport {
        try JSONDecoder().decode(AfterActionReport.self, from: Data(json))
    }

    /// The tracks per turn for spreadsheets: one row per turn (0 is the start), one column per track the viewpoint saw.
    public func csv(viewpoint: String = "instructor") -> String {
        let shown = tracks.filter { $0.seenBy.contains(viewpoint) }
        var out = (["turn", "date"] + shown.map(\.id)).map(Self.csvField).joined(separator: ",") + "\r\n"
        for (k, turn) in turns.enumerated() {
            out += ([String(turn), dates[k]] + shown.map { String($0.values[k]) }).map(Self.csvField).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
