/// HTML escaping and the print rules shared by the pages made from a match or a scenario (the after-action report,
/// the comparison, the case package): self-contained, no scripts, readable on A4 and on Letter.
public enum HTML {
    /// Escapes text and attribute values.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Print rules for every page: margins that suit both A4 (210 × 297 mm) and Letter (216 × 279 mm), so no paper
    /// size is forced; no boxes cut across pages; links print their text only; `.page` starts a new sheet.
    public static let printCSS = """
    @page{margin:14mm 13mm 16mm}
    @media print{
    body{max-width:none;padding:0;font-size:10.5pt;line-height:1.35;color:#000}
    h1{font-size:18pt}h2{font-size:13pt;margin-top:14pt;break-after:avoid}h3{font-size:11pt;break-after:avoid}
    a{color:inherit;text-decoration:none}
    figure,tr,li,.card,.point,.question,.term,.dated li{break-inside:avoid}
    .page{break-before:page}.noprint{display:none}
    table{width:100%}td,th{padding:2pt 5pt}
    .verify{border:1px solid #999}
    }
    """

    /// Labels for where a piece of content comes from.
    public static let basisCSS = """
    .basis{display:inline-block;font-size:10px;text-transform:uppercase;letter-spacing:.04em;padding:0 5px;border-radius:3px;margin-left:4px;vertical-align:1px;white-space:nowrap}
    .basis.history{background:#e6eef8;color:#1f4e9c}.basis.after_essay{background:#f3e8fb;color:#5b2d90}.basis.invented{background:#fdf1e1;color:#8a4b00}
    @media print{.basis{border:1px solid currentColor;background:none}}
    """
}
