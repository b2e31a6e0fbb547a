/// The workbook's shared strings, each distinct text stored once (schools files repeat
/// county names, localities and school types thousands of times).
struct SharedStringTable {
    private var indices: [String: Int] = [:]
    private var strings: [String] = []
    /// How many cells refer to a string (the `count` attribute Excel writes).
    private var references = 0

    /// The index of `text`, added when new.
    mutating func index(of text: String) -> Int {
        references += 1
        if let index = indices[text] { return index }
        let index = strings.count
        indices[text] = index
        strings.append(text)
        return index
    }

    /// `xl/sharedStrings.xml`.
    var xml: [UInt8] {
        var xml = XMLBytes()
        xml.raw(#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#)
        xml.attribute("count", references)
        xml.attribute("uniqueCount", strings.count)
        xml.raw(">")
        for string in strings {
            // Without xml:space="preserve" Excel trims leading and trailing white space.
            let preserve = string.first.map(\.isWhitespace) == true || string.last.map(\.isWhitespace) == true
            xml.raw(preserve ? #"<si><t xml:space="preserve">"# : "<si><t>")
            xml.spreadsheetText(string)
            xml.raw("</t></si>")
        }
        xml.raw("</sst>")
        return xml.bytes
    }
}
