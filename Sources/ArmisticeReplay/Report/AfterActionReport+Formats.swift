import Foundation

extension AfterActionReport {
    /// The report as JSON (keys sorted), as the browser viewer reads it; the views, when there are any, last, as a
    /// table of their parts (`ViewTable`, docs/replay.md "The JSON").
    public func json(pretty: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        var rest = self
        rest.views = nil
        var text = String(decoding: try encoder.encode(rest), as: UTF8.self)
        guard let views else { return text }
        let table = try ViewTable.encode(views)
        while let last = text.last, last != "}" { text.removeLast() }
        text.removeLast()
        while text.last?.isWhitespace == true { text.removeLast() }
        return text + ",\"\(ViewTable.partsKey)\":\(table.parts),\"views\":\(table.views)" + (pretty ? "\n}" : "}")
    }

    /// Reads a report back from its JSON (format 1, views whole, or 2, views as a table of parts).
    public static func decode(json: [UInt8]) throws -> AfterActionReport {
        var data = Data(json)
        if data.range(of: Data("\"\(ViewTable.partsKey)\"".utf8)) != nil, var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] {
            ViewTable.expand(&object)
            data = try JSONSerialization.data(withJSONObject: object)
        }
        return try JSONDecoder().decode(AfterActionReport.self, from: data)
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
