import Domain

/// Which SQL a database speaks, where SQLite and PostgreSQL differ: column types, identity
/// columns, how many values one statement may bind.
enum SQLFlavor: Sendable, Hashable {
    case sqlite
    case postgres

    /// A whole number. BIGINT on PostgreSQL: counts and ids outgrow INTEGER's 32 bits.
    var integer: String {
        switch self {
        case .sqlite: "INTEGER"
        case .postgres: "BIGINT"
        }
    }

    /// An exact IEEE double. Spelled out because SQLKit's `.real` is float4 on PostgreSQL,
    /// which would round 98765432.1; SQLite gives the name REAL affinity.
    var double: String { "DOUBLE PRECISION" }

    /// Text ordered byte by byte (code point order for UTF-8), as Swift and SQLite order it,
    /// whatever the PostgreSQL server's locale.
    var text: String {
        switch self {
        case .sqlite: "TEXT"
        case .postgres: "TEXT COLLATE \"C\""
        }
    }

    /// A yes/no value (SQLite keeps 0 and 1).
    var boolean: String { "BOOLEAN" }

    /// An increasing id assigned on insert, never reused (the audit trail relies on it).
    var identity: String {
        switch self {
        case .sqlite: "INTEGER PRIMARY KEY AUTOINCREMENT"
        case .postgres: "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
        }
    }

    /// The column type of a school field's kind of value.
    func type(of kind: FieldValue.Kind) -> String {
        switch kind {
        case .integer: integer
        case .decimal: double
        case .text: text
        case .flag: boolean
        }
    }

    /// The placeholder of the `position`th bound value (from 1).
    func placeholder(_ position: Int) -> String {
        switch self {
        case .sqlite: "?"
        case .postgres: "$\(position)"
        }
    }

    /// The most values one statement may bind: SQLite's SQLITE_MAX_VARIABLE_NUMBER (32766
    /// since 3.32) and the 16-bit parameter count of PostgreSQL's wire protocol.
    var bindLimit: Int {
        switch self {
        case .sqlite: 32_766
        case .postgres: 65_535
        }
    }
}
