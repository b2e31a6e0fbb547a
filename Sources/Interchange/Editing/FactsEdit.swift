import Domain
import Foundation

/// A county's items as typed in the county-items form (县级指标填报): each item's value and
/// evidence, read by the `facts` file's own rules — 是/否 for a yes/no item, a number or a
/// percentage for a compared one, the evidence within the text bounds — so that the form
/// accepts exactly what the file does and refuses it with the same messages.
///
/// ```swift
/// let facts = try FactsEdit(standard: standard, language: .chinese)
///     .apply(["gov_11_rotation_share": .init(value: "12%", evidence: "县教体局文件〔2025〕3号")], county: "341102", year: 2025)
/// ```
public struct FactsEdit: Sendable {
    /// One item as typed.
    public struct Typed: Sendable, Hashable {
        public var value: String
        public var evidence: String

        public init(value: String, evidence: String) {
            self.value = value
            self.evidence = evidence
        }
    }

    public var standard: Standard
    public var language: Language

    public init(standard: Standard, language: Language) {
        self.standard = standard
        self.language = language
    }

    /// The facts to record: one per item typed with a value, in the standard's order (an item
    /// left empty is not recorded, so a stored value stays).
    ///
    /// - Throws: ``DataFileError`` with every refused value, `form:ROW:COLUMN` where row 2 is
    ///   the first item typed (see ``rowItems(_:)``); an item the standard lacks is refused too.
    public func apply(_ typed: [String: Typed], county: String, year: Int) throws(DataFileError) -> [CountyFact] {
        let items = rowItems(typed)
        // Read back at once by the file's rules: written as typed, never neutralised.
        var csv = CSVWriter(neutralisesFormulas: false)
        for column in FactColumn.allCases { csv.cell(column.chineseHeader) }
        csv.endRecord()
        for item in items {
            let entry = typed[item] ?? Typed(value: "", evidence: "")
            let evidence = entry.evidence.trimmingCharacters(in: .whitespacesAndNewlines)
            for cell in [String(year), county, item, entry.value.trimmingCharacters(in: .whitespacesAndNewlines), evidence] {
                csv.cell(cell.isEmpty ? nil : cell)
            }
            csv.endRecord()
        }
        guard !items.isEmpty else { return [] }
        return try FactsReader(standard: standard, language: language).read(csv.bytes, file: "form").content
    }

    /// The items written, a row each from row 2: every item with a value typed — the
    /// standard's items in order, then any unknown one (which the reader refuses).
    public func rowItems(_ typed: [String: Typed]) -> [String] {
        let known = standard.facts.map(\.key)
        let withValue = typed.filter { !$0.value.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.keys
        return known.filter(withValue.contains) + withValue.filter { !known.contains($0) }.sorted()
    }
}
