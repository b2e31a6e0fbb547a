/// UTF-8 XML being built: raw markup appended as is, text escaped for element content or
/// attribute values, including the characters XML 1.0 cannot carry.
struct XMLBytes {
    /// The document so far.
    private(set) var bytes: [UInt8] = []

    /// The XML declaration every package part starts with.
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    /// A document starting with the XML declaration.
    init() {
        bytes.reserveCapacity(4096)
        raw(Self.declaration)
    }

    /// Appends markup that needs no escaping.
    mutating func raw(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    /// Appends ` name="value"` with the value escaped.
    mutating func attribute(_ name: String, _ value: String) {
        bytes.append(UInt8(ascii: " "))
        raw(name)
        raw("=\"")
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": raw("&amp;")
            case "<": raw("&lt;")
            case ">": raw("&gt;")
            case "\"": raw("&quot;")
            // Attribute-value normalisation would turn these into spaces: keep them as references.
            case "\t": raw("&#9;")
            case "\n": raw("&#10;")
            case "\r": raw("&#13;")
            default:
                // Characters XML 1.0 forbids cannot be written in an attribute at all.
                if XMLText.isXMLCharacter(scalar.value) { bytes.append(contentsOf: UTF8.encode(scalar)!) }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends ` name="value"` for a number or other text known to need no escaping.
    mutating func attribute(_ name: String, _ value: Int) {
        raw(" \(name)=\"\(value)\"")
    }

    /// Appends text as element content with the escapes of SpreadsheetML strings
    /// (`ST_Xstring`): `&`, `<`, `>` as entities; CR and the control characters XML 1.0
    /// forbids as `_xHHHH_` (what Excel writes, and what openpyxl and LibreOffice read back);
    /// an underscore that would start such an escape as `_x005F_`.
    mutating func spreadsheetText(_ text: String) {
        var utf8 = Array(text.utf8)
        var needsWork = false
        for byte in utf8 where byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<")
            || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "_") || byte == 0xEF {
            needsWork = true
            break
        }
        guard needsWork else { return bytes.append(contentsOf: utf8) }
        utf8.removeAll()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": raw("&amp;")
            case "<": raw("&lt;")
            case ">": raw("&gt;")
            case "\t", "\n": bytes.append(UInt8(scalar.value))
            case "_":
                if Self.startsEscape(scalars, at: index) { raw("_x005F_") } else { bytes.append(UInt8(ascii: "_")) }
            default:
                if scalar.value == 0xD || !XMLText.isXMLCharacter(scalar.value) {
                    raw("_x" + Self.hex4(scalar.value) + "_")
                } else {
                    bytes.append(contentsOf: UTF8.encode(scalar)!)
                }
            }
        }
    }

    /// Whether `_xHHHH_` starts at `index`, so that a reader would turn it into a character.
    private static func startsEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_" else { return false }
        return scalars[(index + 2)...(index + 5)].allSatisfy { $0.isASCII && UInt8($0.value).hexValue != nil }
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
