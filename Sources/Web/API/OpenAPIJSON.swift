/// A JSON value as the OpenAPI document needs it: decoded from the bundled half, edited by
/// path, encoded again (keys sorted). Integers stay integers, booleans booleans — unlike a
/// round trip through `JSONSerialization`, which on Linux can turn `0` into `false`.
enum OpenAPIJSON: Codable, Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([OpenAPIJSON])
    case object([String: OpenAPIJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([OpenAPIJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: OpenAPIJSON].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case let .bool(value): try container.encode(value)
        case let .int(value): try container.encode(value)
        case let .number(value): try container.encode(value)
        case let .string(value): try container.encode(value)
        case let .array(value): try container.encode(value)
        case let .object(value): try container.encode(value)
        }
    }

    /// The member at a path of object keys; setting creates the objects on the way.
    subscript(path: [String]) -> OpenAPIJSON? {
        get {
            guard let key = path.first else { return self }
            guard case let .object(members) = self else { return nil }
            return members[key]?[Array(path.dropFirst())]
        }
        set {
            guard let key = path.first else {
                self = newValue ?? .null
                return
            }
            var members: [String: OpenAPIJSON] = if case let .object(existing) = self { existing } else { [:] }
            var child = members[key] ?? .object([:])
            child[Array(path.dropFirst())] = newValue
            members[key] = child
            self = .object(members)
        }
    }
}
