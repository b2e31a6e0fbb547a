/// The opening and closing of a chart's `<svg>` element: size, accessible name and fonts. Every
/// chart is a standalone SVG document that can also sit inside an HTML page.
struct SVGDocument {
    let width: Double
    let height: Double
    let title: String
    let description: String?
    let kind: String

    /// Appends the `<svg>` start tag and its `<title>` (and `<desc>`), which screen readers
    /// announce because of `role="img"`.
    func open(into out: inout String) {
        let w = Markup.number(width), h = Markup.number(height)
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart \(kind)\" role=\"img\" aria-label=\"")
        out.appendEscaped(title)
        out.append("\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" font-family=\"\(Markup.fontFamily)\" font-size=\"12\">")
        out.append("<title>")
        out.appendEscaped(title)
        out.append("</title>")
        if let description {
            out.append("<desc>")
            out.appendEscaped(description)
            out.append("</desc>")
        }
    }

    /// Appends the closing tag.
    func close(into out: inout String) {
        out.append("</svg>")
    }

    /// Appends `text` at (x, y) with extra attributes (`attributes` is trusted markup).
    static func text(_ text: String, x: Double, y: Double, attributes: String = "", into out: inout String) {
        out.append("<text x=\"\(Markup.number(x))\" y=\"\(Markup.number(y))\"")
        if !attributes.isEmpty { out.append(" " + attributes) }
        out.append(">")
        out.appendEscaped(text)
        out.append("</text>")
    }
}
