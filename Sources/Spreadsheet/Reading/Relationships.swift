/// Reads `.rels` parts (Open Packaging Conventions) into ``Relationship`` values.
enum Relationships {
    /// The relationships in `bytes`, the rels part of `source` ("" for the package itself).
    /// External targets (hyperlinks) are left out: they are not parts.
    static func read(_ bytes: [UInt8], source: String, file: String, part: String) throws(XLSXError) -> [Relationship] {
        try PartScan.run(bytes, file: file, part: part) { (scanner: inout XMLScanner) throws(ScanError) in
            var relationships: [Relationship] = []
            while true {
                let token = try scanner.next()
                if token == .done { break }
                guard token == .start || token == .empty, scanner.isNamed("Relationship") else { continue }
                if let mode = scanner.attribute("TargetMode"), try scanner.string(mode) == "External" { continue }
                guard let id = scanner.attribute("Id"), let type = scanner.attribute("Type"),
                      let target = scanner.attribute("Target") else { continue }
                relationships.append(Relationship(
                    id: try scanner.string(id), type: try scanner.string(type),
                    target: PartPath.resolve(try scanner.string(target), from: source)))
            }
            return relationships
        }
    }
}
