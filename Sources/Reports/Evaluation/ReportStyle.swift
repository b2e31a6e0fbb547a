/// The report's stylesheet, inline so that the file is self-contained. Print rules are for A4:
/// each county on a new page, table headers repeated on every page, rows and charts kept
/// whole, and colours printed (red marks failures; ✗ marks them without colour too).
/// It contains no `<`, so the document stays well-formed XML as well as HTML.
enum ReportStyle {
    static let css = """
    @page { size: A4; margin: 15mm }
    * { -webkit-print-color-adjust: exact; print-color-adjust: exact; box-sizing: border-box }
    body { font-family: \(Markup.fontFamily); font-size: 10pt; color: #222; margin: 0 auto; max-width: 190mm; padding: 8mm 0; line-height: 1.45 }
    h1 { font-size: 17pt; margin: 0 0 2mm }
    h2 { font-size: 14pt; margin: 0 0 2mm; border-bottom: 2px solid #444; padding-bottom: 1mm }
    h3 { font-size: 11.5pt; margin: 5mm 0 2mm }
    h4 { font-size: 10pt; margin: 4mm 0 1.5mm }
    p { margin: 1.5mm 0 }
    .subtitle, .note { color: #555 }
    .note { font-size: 8.5pt }
    table { border-collapse: collapse; width: 100%; margin: 1.5mm 0 3mm; font-size: 8.5pt }
    th, td { border: 1px solid #bbb; padding: 0.6mm 1.2mm; vertical-align: top }
    th { background: #eef1f5; font-weight: 600; text-align: center }
    td.tag { white-space: nowrap }
    td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums }
    thead { display: table-header-group }
    tr, figure, svg, .verdict { break-inside: avoid; page-break-inside: avoid }
    tr.thresholds th { background: #f7f7f7; font-weight: normal }
    .unit, .code { display: block; color: #666; font-size: 7.5pt; font-weight: normal }
    .unmet, .failure, .verdict-fail { color: #c62828 }
    td.unmet { background: #fdecea; font-weight: 600 }
    .verdict-pass { color: #2e7d32 }
    .verdict-incomplete { color: #8a6d00 }
    .verdict { font-size: 12pt; margin: 2mm 0 }
    ol.findings { margin: 1mm 0 3mm; padding-left: 6mm }
    ol.findings li { margin: 0.5mm 0 }
    figure { margin: 2mm 0 3mm }
    svg { max-width: 100%; height: auto; display: block }
    section.county { break-before: page; page-break-before: always }
    section.stage { margin-top: 4mm }
    a { color: inherit }
    @media screen { section.county { border-top: 1px solid #ccc; padding-top: 8mm; margin-top: 10mm } }
    """
}
