import SQLKit

/// A value as the store writes and reads it by position, for the bulk paths
/// (``DirectStatements``): what a column holds, without Codable in between.
enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int)
    case double(Double)
    case text(String)
    case bool(Bool)

    /// `value`, or NULL when it is missing.
    init(_ value: String?) { self = value.map(SQLValue.text) ?? .null }

    /// The value of a bind SQLKit collected while serializing a query (the store binds only
    /// these four types).
    init(bind: any Encodable & Sendable) throws {
        switch bind {
        case let n as Int: self = .integer(n)
        case let x as Double: self = .double(x)
        case let s as String: self = .text(s)
        case let b as Bool: self = .bool(b)
        default: throw DirectStatementError.unsupportedBind(type(of: bind))
        }
    }
}

/// A bind for a value that may be missing, in SQLKit-built statements: NULL as a literal,
/// so it needs no type.
func bindOrNull(_ value: (any Encodable & Sendable)?) -> any SQLExpression {
    guard let value else { return SQLLiteral.null }
    return SQLBind(value)
}

extension SQLRow {
    /// The value of `column`, or `nil` when it is NULL.
    func optional<T: Decodable>(_ column: String, as type: T.Type) throws -> T? {
        try decodeNil(column: column) ? nil : try decode(column: column, as: type)
    }
}
