import Domain
import Storage

/// The `school_years` table: one row per school and year, one column per ``SchoolField``
/// named by its key, so the catalogue spells each column once.
enum SchoolYearsTable {
    static let name = "school_years"
    /// The fields in column order.
    static let fields = SchoolField.allCases
    /// The column names.
    static let columns = fields.map(\.key)
    /// The schema version whose migration adds the column of `field`: 1 (the initial
    /// schema) for the catalogue as it stood then, and the version of each later
    /// `ALTER TABLE … ADD COLUMN` for the fields appended since. Every field appended to the
    /// catalogue gets its migration here, so that a new database and a migrated one have the
    /// same columns in the same order.
    static func version(adding field: SchoolField) -> Int {
        switch field {
        case .capacityPrimary, .capacityJunior: 6
        case .graduates, .eligible: 9
        case .boarders, .specialPupils, .musicRoomArea, .artRoomArea: 10
        default: 1
        }
    }

    /// The fields whose columns the migration to `version` adds, in catalogue order.
    static func fields(addedIn version: Int) -> [SchoolField] {
        fields.filter { self.version(adding: $0) == version }
    }

    /// 学校标识码 is unique within a year.
    static let key = [SchoolField.year.key, SchoolField.schoolCode.key]

    /// The column definitions of `fields`: only the identifying fields are NOT NULL; the
    /// others' requirements are the Domain's, checked when a row is read back.
    static func columnDefinitions(_ fields: [SchoolField], _ flavor: SQLFlavor) -> [String] {
        fields.map { "\($0.key) \(flavor.type(of: $0.valueKind))\($0.isIdentity ? " NOT NULL" : "")" }
    }

    /// The values of `row`, in column order (NULL when not reported).
    static func values(of row: SchoolYear) -> [SQLValue] {
        fields.map { field in
            switch row.value(of: field) {
            case nil: .null
            case .integer(let n)?: .integer(n)
            case .decimal(let x)?: .double(x)
            case .text(let s)?: .text(s)
            case .flag(let b)?: .bool(b)
            }
        }
    }

    /// A stored row, its values in column order, as a Domain value.
    ///
    /// - Throws: ``Storage/StoreError/corrupt(_:)`` when a column holds what its field cannot.
    static func decode(_ values: [SQLValue]) throws -> SchoolYear {
        guard values.count == fields.count else {
            throw StoreError.corrupt("\(name): \(values.count) columns read, \(fields.count) expected")
        }
        var fieldValues: [SchoolField: FieldValue] = [:]
        fieldValues.reserveCapacity(fields.count)
        for (field, value) in zip(fields, values) {
            switch (field.valueKind, value) {
            case (_, .null): continue
            case (.integer, .integer(let n)): fieldValues[field] = .integer(n)
            case (.decimal, .double(let x)): fieldValues[field] = .decimal(x)
            // SQLite may hand back a whole REAL as an integer, and keeps booleans as 0 and 1.
            case (.decimal, .integer(let n)): fieldValues[field] = .decimal(Double(n))
            case (.text, .text(let s)): fieldValues[field] = .text(s)
            case (.flag, .bool(let b)): fieldValues[field] = .flag(b)
            case (.flag, .integer(let n)) where n == 0 || n == 1: fieldValues[field] = .flag(n == 1)
            default:
                throw StoreError.corrupt("\(name) row \(describe(fieldValues)): \(field.key) holds \(value)")
            }
        }
        do {
            return try SchoolYear(fields: fieldValues)
        } catch {
            throw StoreError.corrupt("\(name) row \(describe(fieldValues)): \(error)")
        }
    }

    private static func describe(_ values: [SchoolField: FieldValue]) -> String {
        "\(values[.year]?.text ?? "?") \(values[.schoolCode]?.text ?? "?")"
    }
}
