import ArmisticeCase

/// A line chart of one series or several (one match each, in a comparison) as inline SVG: no scripts, no outside
/// resources, readable when printed.
struct SVGChart {
    struct Series {
        var values: [Int]
        var colour: String
        /// Drawn dashed, so that two series can be told apart in black and white.
        var dashed = false
    }

    var title: String
    var series: [Series]
    var labels: [String]
    /// What the x axis counts, in the report's language ("turn").
    var axis: String
    var min: Int
    var max: Int
    /// Named levels by threshold, drawn as faint bands' edges.
    var levels: [(Int, String)] = []
    var width = 440
    var height = 200

    func render() -> String {
        let left = 40.0, right = 12.0, top = 12.0, bottom = 34.0
        let w = Double(width) - left - right, h = Double(height) - top - bottom
        let all = series.flatMap(\.values)
        let lo = Double(Swift.min(min, all.min() ?? min)), hi = Double(Swift.max(max, all.max() ?? max))
        let count = series.map(\.values.count).max() ?? 0
        let span = hi > lo ? hi - lo : 1
        func x(_ i: Int) -> Double { count > 1 ? left + w * Double(i) / Double(count - 1) : left + w / 2 }
        func y(_ v: Double) -> Double { top + h - h * (v - lo) / span }
        var s = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(HTML.escape(title))\">"
        s += "<title>\(HTML.escape(title))</title>"
        s += "<rect x=\"\(left)\" y=\"\(top)\" width=\"\(w)\" height=\"\(h)\" fill=\"#f8f9fb\" stroke=\"#c9ced6\"/>"
        // Horizontal grid: min, max, the named levels and the middle, whole numbers only (every track is), and no
        // label drawn on another: a tick closer than a label's height to one kept before it is left out, the ends
        // and the levels first (outside tester qa5 #5: "0" on "1", a "2.5" on a 0–5 track).
        let gap = 11.0
        var ticks: [Double] = []
        let middle = ((lo + hi) / 2).rounded(.down)
        for t in [lo, hi] + levels.map({ Double($0.0) }).filter({ $0 > lo && $0 < hi }) + [middle]
        where !ticks.contains(where: { abs(y($0) - y(t)) < gap }) {
            ticks.append(t)
        }
        for t in ticks.sorted() {
            s += "<line x1=\"\(left)\" x2=\"\(left + w)\" y1=\"\(fmt(y(t)))\" y2=\"\(fmt(y(t)))\" stroke=\"#dde1e7\" stroke-width=\"1\"/>"
            s += "<text x=\"\(left - 4)\" y=\"\(fmt(y(t) + 4))\" font-size=\"10\" text-anchor=\"end\" fill=\"#555\">\(fmt(t))</text>"
        }
        // A level's name sits just above its threshold; where two would overlap, the level with the taller band keeps
        // its name (the other's band is a sliver).
        let shown = levels.filter { Double($0.0) >= lo && Double($0.0) < hi }.sorted { $0.0 < $1.0 }
        let bands = shown.enumerated().map { k, level in (level, y(Double(level.0)) - y(k + 1 < shown.count ? Double(shown[k + 1].0) : hi)) }
        var named: [Double] = []
        for (level, _) in bands.sorted(by: { $0.1 > $1.1 }) where !named.contains(where: { abs($0 - y(Double(level.0))) < gap }) {
            named.append(y(Double(level.0)))
            s += "<text x=\"\(left + 4)\" y=\"\(fmt(y(Double(level.0)) - 3))\" font-size=\"9\" fill=\"#8a93a0\">\(HTML.escape(level.1))</text>"
        }
        let step = Swift.max(1, labels.count / 10)
        for (i, label) in labels.enumerated() where i % step == 0 || i == labels.count - 1 {
            s += "<text x=\"\(fmt(x(i)))\" y=\"\(fmt(top + h + 14))\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555\">\(HTML.escape(label))</text>"
        }
        s += "<text x=\"\(fmt(left + w / 2))\" y=\"\(height - 4)\" font-size=\"10\" text-anchor=\"middle\" fill=\"#777\">\(HTML.escape(axis))</text>"
        for line in series {
            let points = line.values.enumerated().map { "\(fmt(x($0.offset))),\(fmt(y(Double($0.element))))" }.joined(separator: " ")
            s += "<polyline class=\"series\" points=\"\(points)\" fill=\"none\" stroke=\"\(line.colour)\" stroke-width=\"3\" stroke-linejoin=\"round\"\(line.dashed ? " stroke-dasharray=\"7 4\"" : "")/>"
            for (i, v) in line.values.enumerated() {
                s += "<circle cx=\"\(fmt(x(i)))\" cy=\"\(fmt(y(Double(v))))\" r=\"4\" fill=\"\(line.colour)\"><title>\(HTML.escape(labels[safe: i] ?? "")): \(v)</title></circle>"
            }
        }
        return s + "</svg>"
    }

    private func fmt(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String((v * 10).rounded() / 10)
    }

    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22"]
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
