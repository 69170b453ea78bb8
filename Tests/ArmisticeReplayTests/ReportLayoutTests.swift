import Foundation
import Testing
@testable import ArmisticeReplay

/// The report's layout with students' text and the scenario's levels (outside tester qa5 #4, #5): a long unbroken chat
/// message wraps instead of making the page 4,699 px wide, and a track chart's axis labels and level names never sit on
/// each other, with no fractional tick on a whole-number track.
@Suite struct ReportLayoutTests {
    /// The y of every text drawn with the given attribute, e.g. the axis labels (`text-anchor="end"`).
    func labels(_ svg: String, where marker: String) -> [(y: Double, text: String)] {
        svg.matches(of: /<text x="[^"]*" y="([^"]*)"([^>]*)>([^<]*)<\/text>/).compactMap { m in
            m.output.2.contains(marker) ? (Double(m.output.1)!, String(m.output.3)) : nil
        }
    }

    func collide(_ ys: [Double]) -> Bool {
        let s = ys.sorted()
        return zip(s, s.dropFirst()).contains { $1 - $0 < 10 }
    }

    @Test func theSanctionsChartsLabelsDoNotOverlap() {
        // UN sanctions pressure, 0–100: "No sanctions" at 0 and "Largely lifted" at 1.
        let levels = [(0, "No sanctions"), (1, "Largely lifted"), (40, "Arms and luxury goods only"), (60, "Sectoral bans eased"),
                      (80, "Sectoral bans and oil cap"), (100, "Full embargo")]
        let svg = SVGChart(title: "UN sanctions pressure", series: [.init(values: [80, 60, 40], colour: "#000")], labels: ["0", "1", "2"],
                           axis: "turn", min: 0, max: 100, levels: levels).render()
        let ticks = labels(svg, where: "text-anchor=\"end\"")
        #expect(!collide(ticks.map(\.y)), "\(ticks)")
        #expect(ticks.map(\.text).contains("0") && ticks.map(\.text).contains("100"), "\(ticks)")
        let names = labels(svg, where: "font-size=\"9\"")
        #expect(!collide(names.map(\.y)), "\(names)")
        // The wide band keeps its name; the sliver from 0 to 1 gives way.
        #expect(names.map(\.text).contains("Largely lifted"), "\(names)")
    }

    @Test func aWholeNumberTrackHasNoFractionalTick() {
        for (min, max) in [(0, 5), (0, 3), (1, 4)] {
            let svg = SVGChart(title: "t", series: [.init(values: [min, max], colour: "#000")], labels: ["0", "1"], axis: "turn",
                               min: min, max: max, levels: [(min + 1, "a")]).render()
            let ticks = labels(svg, where: "text-anchor=\"end\"")
            #expect(ticks.allSatisfy { !$0.text.contains(".") }, "\(min)–\(max): \(ticks)")
            #expect(!collide(ticks.map(\.y)), "\(ticks)")
        }
    }

    @Test func studentsTextWrapsInTheReport() {
        // Chat cells, the timeline's items, the story's paragraphs and the plans' cells may hold a student's text.
        let css = AfterActionReport.css
        #expect(css.contains("td,li,p,dd,h3,figcaption{overflow-wrap:anywhere}"))
        #expect(css.contains("table.chat td.where{white-space:nowrap;overflow-wrap:normal}"))
    }
}
