import Foundation

/// Package part names: relationship targets resolved to ZIP entry paths.
enum PartPath {
    /// The entry path of `target` as written in the rels of part `source` ("" for the
    /// package): absolute targets start at the root, relative ones at the source's folder;
    /// `.` and `..` are resolved and percent escapes decoded.
    static func resolve(_ target: String, from source: String) -> String {
        let decoded = target.removingPercentEncoding ?? target
        var components: [Substring] = []
        if !decoded.hasPrefix("/") {
            components = source.split(separator: "/", omittingEmptySubsequences: true).dropLast()
        }
        for component in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }

    /// The rels part of `part`: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
    static func relationships(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "_rels/\(part).rels" }
        return "\(part[..<slash])/_rels/\(part[part.index(after: slash)...]).rels"
    }
}
