import Domain

/// Reports as one self-contained HTML document to print or publish (the 督导评估报告 of
/// `junheng report --out report.html`): the title and a subtitle, then each report as a part
/// (`<article>`) under its title, every part after the first on a new page.
///
/// The sections are ``HTMLRenderer``'s with every table whole (detail tables too, no row
/// limit). The document carries its own style sheet for A4 and has no scripts and no external
/// resources; ids are positions (`part-2`, `part-2-3`), never user text; the same reports give
/// the same bytes. It is built into one string, so a province of thousands of counties renders
/// in linear time.
///
/// ```swift
/// let html = PrintableHTMLRenderer(language: .chinese).document(parts, title: title, subtitle: standardName)
/// ```
public struct PrintableHTMLRenderer: Sendable {
    /// The document's language (`<html lang>`) and that of the notes the renderer adds.
    public let language: Language
    /// Where a link goes: an in-document anchor (`#part-2`, ``anchor(ofPart:)``), or `nil` for
    /// plain text; a printed page links nowhere else.
    public let address: @Sendable (ReportLink) -> String?

    public init(language: Language, address: @escaping @Sendable (ReportLink) -> String? = { _ in nil }) {
        self.language = language
        self.address = address
    }

    /// The id of the part at `index` (from 0) of a document.
    public static func anchor(ofPart index: Int) -> String { "part-\(index + 1)" }

    /// `parts` as one document titled `title`, with `subtitle` under the title.
    public func document(_ parts: [Report], title: String, subtitle: String?) -> String {
        let sections = HTMLRenderer(language: language, showsDetail: true, headingLevel: 3, address: address)
        var out = ""
        // A part's size is mostly its rows (the tables, and the charts' points of the same
        // schools): reserve for them so that the string grows rarely.
        out.reserveCapacity(parts.reduce(16_000) { total, part in total + 8_000 + part.tables.reduce(0) { $0 + $1.rows.count * 1_000 } })
        out.append("<!DOCTYPE html>\n<html lang=\"\(language.pick("zh-CN", "en"))\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>")
        out.appendEscaped(title)
        out.append("</title>\n<style>\n\(Self.style)\n</style>\n</head>\n<body>\n<header>\n<h1>")
        out.appendEscaped(title)
        out.append("</h1>\n")
        if let subtitle {
            out.append("<p class=\"subtitle\">")
            out.appendEscaped(subtitle)
            out.append("</p>\n")
        }
        out.append("</header>\n")
        for (index, part) in parts.enumerated() {
            let anchor = Self.anchor(ofPart: index)
            out.append("<article id=\"\(anchor)\">\n<h2>")
            out.appendEscaped(part.title)
            out.append("</h2>\n")
            if !part.headline.isEmpty { out.append(sections.facts(part.headline)) }
            for (position, section) in part.sections.enumerated() {
                var numbered = section
                numbered.id = "\(anchor)-\(position + 1)"
                out.append(sections.section(numbered))
            }
            out.append("</article>\n")
        }
        out.append("</body>\n</html>\n")
        return out
    }

    /// The style sheet, inline so that the file is self-contained. Print rules are for A4: each
    /// part after the first on a new page, table headers repeated on every page, rows and
    /// charts kept whole, and colours printed (red marks failures; a ✗ before each failing cell
    /// marks them without colour too). It contains no `<`, so the document stays well-formed
    /// XML as well as HTML.
    static let style = """
    @page { size: A4; margin: 15mm }
    * { -webkit-print-color-adjust: exact; print-color-adjust: exact; box-sizing: border-box }
    body { font-family: \(Markup.fontFamily); font-size: 10pt; color: #222; margin: 0 auto; max-width: 190mm; padding: 8mm 0; line-height: 1.45 }
    h1 { font-size: 17pt; margin: 0 0 2mm }
    h2 { font-size: 14pt; margin: 0 0 2mm; border-bottom: 2px solid #444; padding-bottom: 1mm }
    h3 { font-size: 11.5pt; margin: 5mm 0 2mm }
    h4 { font-size: 10pt; margin: 4mm 0 1.5mm }
    p { margin: 1.5mm 0 }
    .subtitle, .muted { color: #555 }
    .muted { font-size: 8.5pt }
    table { border-collapse: collapse; width: 100%; margin: 1.5mm 0 3mm; font-size: 8.5pt }
    table.summary { width: auto; font-size: 10pt }
    th, td { border: 1px solid #bbb; padding: 0.6mm 1.2mm; vertical-align: top }
    th { background: #eef1f5; font-weight: 600; text-align: center }
    td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums }
    td:first-child { min-width: 8em }
    td.pass, td.fail { white-space: nowrap }
    thead { display: table-header-group }
    tr, figure, svg { break-inside: avoid; page-break-inside: avoid }
    .fail { color: #c62828 }
    td.fail { background: #fdecea; font-weight: 600 }
    td.fail::before { content: "✗ " }
    .pass { color: #2e7d32 }
    ol { margin: 1mm 0 3mm; padding-left: 6mm }
    li { margin: 0.5mm 0 }
    figure { margin: 2mm 0 3mm }
    svg { max-width: 100%; height: auto; display: block }
    article + article { break-before: page; page-break-before: always }
    a { color: inherit }
    @media screen { article + article { border-top: 1px solid #ccc; padding-top: 8mm; margin-top: 10mm } }
    """
}
