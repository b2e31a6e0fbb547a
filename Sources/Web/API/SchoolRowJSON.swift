import Domain
import Interchange
import Reports

/// A school's row as the API shows it: one member per ``SchoolField`` in the catalogue's
/// column order, keyed by ``SchoolField/key``, with typed values — counts as integers,
/// amounts as numbers, flags as booleans, enumerations by their English code, and `null`
/// for a figure not reported.
///
/// ```json
/// {"year": 2025, "county_code": "320281", …, "boarding": false, "teaching_area": 5210.5, …}
/// ```
enum SchoolRowJSON {
    static func object(_ row: SchoolYear) -> JSONValue {
        .object(SchoolField.allCases.map { field in (field.key, value(row.value(of: field))) })
    }

    static func value(_ value: FieldValue?) -> JSONValue {
        switch value {
        case nil: .null
        case .integer(let n)?: .int(n)
        case .decimal(let x)?: .number(x as Double?)  // null rather than invalid JSON if ever not finite
        case .text(let s)?: .string(s)
        case .flag(let b)?: .bool(b)
        }
    }
}
