/// The workbook's `xl/styles.xml`, built from the distinct ``XLSXStyle`` values in use:
/// fonts, fills and number formats are each stored once, and each style becomes one cell
/// format (`xf`) whose index the cells refer to with `s="…"`.
struct StyleTable {
    private var formats: [XLSXStyle: Int] = [.plain: 0]
    private var styles: [XLSXStyle] = [.plain]

    /// Number formats Excel knows by id; other codes get ids from 164 up.
    private static let builtInFormats: [String: Int] = [
        "General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "0.00E+00": 11, "@": 49,
    ]

    /// The cell format index of `style`, added when new.
    mutating func index(of style: XLSXStyle) -> Int {
        if let index = formats[style] { return index }
        let index = styles.count
        formats[style] = index
        styles.append(style)
        return index
    }

    /// Whether `hex` is an RGB colour such as "C00000" (or ARGB "FFC00000").
    static func isColor(_ hex: String) -> Bool {
        (hex.utf8.count == 6 || hex.utf8.count == 8) && hex.utf8.allSatisfy { $0.hexValue != nil }
    }

    /// ARGB as styles.xml wants it.
    private static func argb(_ hex: String) -> String {
        (hex.utf8.count == 6 ? "FF" + hex : hex).uppercased()
    }

    /// `xl/styles.xml`.
    var xml: [UInt8] {
        var numberFormats: [String: Int] = [:]
        var customFormats: [(id: Int, code: String)] = []
        var fonts: [FontKey: Int] = [FontKey(bold: false, color: nil): 0]
        var fontList = [FontKey(bold: false, color: nil)]
        var fills: [String: Int] = [:]
        var fillList: [String] = []
        var rows: [(format: Int, font: Int, fill: Int, style: XLSXStyle)] = []
        for style in styles {
            var format = 0
            if let code = style.numberFormat {
                if let builtIn = Self.builtInFormats[code] {
                    format = builtIn
                } else if let known = numberFormats[code] {
                    format = known
                } else {
                    format = 164 + customFormats.count
                    numberFormats[code] = format
                    customFormats.append((format, code))
                }
            }
            let fontKey = FontKey(bold: style.bold, color: style.fontColor.map(Self.argb))
            let font = fonts[fontKey] ?? {
                fontList.append(fontKey)
                fonts[fontKey] = fontList.count - 1
                return fontList.count - 1
            }()
            var fill = 0
            if let color = style.fill.map(Self.argb) {
                // Fills 0 and 1 are the two Excel requires (none, gray125).
                fill = fills[color] ?? {
                    fillList.append(color)
                    fills[color] = fillList.count + 1
                    return fillList.count + 1
                }()
            }
            rows.append((format, font, fill, style))
        }

        var xml = XMLBytes()
        xml.raw(#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#)
        if !customFormats.isEmpty {
            xml.raw("<numFmts")
            xml.attribute("count", customFormats.count)
            xml.raw(">")
            for format in customFormats {
                xml.raw("<numFmt")
                xml.attribute("numFmtId", format.id)
                xml.attribute("formatCode", format.code)
                xml.raw("/>")
            }
            xml.raw("</numFmts>")
        }
        xml.raw("<fonts")
        xml.attribute("count", fontList.count)
        xml.raw(">")
        for font in fontList {
            xml.raw(font.bold ? "<font><b/><sz val=\"11\"/>" : "<font><sz val=\"11\"/>")
            if let color = font.color { xml.raw("<color rgb=\"\(color)\"/>") }
            xml.raw(#"<name val="Calibri"/><family val="2"/></font>"#)
        }
        xml.raw("</fonts><fills")
        xml.attribute("count", fillList.count + 2)
        xml.raw(#"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#)
        for color in fillList {
            xml.raw(#"<fill><patternFill patternType="solid"><fgColor rgb="\#(color)"/><bgColor indexed="64"/></patternFill></fill>"#)
        }
        xml.raw(#"</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#)
        xml.raw(#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs"#)
        xml.attribute("count", rows.count)
        xml.raw(">")
        for row in rows {
            xml.raw("<xf numFmtId=\"\(row.format)\" fontId=\"\(row.font)\" fillId=\"\(row.fill)\" borderId=\"0\" xfId=\"0\"")
            if row.format != 0 { xml.raw(#" applyNumberFormat="1""#) }
            if row.font != 0 { xml.raw(#" applyFont="1""#) }
            if row.fill != 0 { xml.raw(#" applyFill="1""#) }
            if row.style.wrap || row.style.horizontal != nil {
                xml.raw(#" applyAlignment="1"><alignment"#)
                if let horizontal = row.style.horizontal { xml.attribute("horizontal", horizontal.rawValue) }
                if row.style.wrap { xml.raw(#" wrapText="1""#) }
                xml.raw("/></xf>")
            } else {
                xml.raw("/>")
            }
        }
        xml.raw(#"</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#)
        xml.raw(#"<dxfs count="0"/><tableStyles count="0"/></styleSheet>"#)
        return xml.bytes
    }

    /// A font as far as styles differ in it.
    private struct FontKey: Hashable {
        let bold: Bool
        let color: String?
    }
}
