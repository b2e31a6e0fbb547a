/// The declarations as the OpenAPI document writes them.
extension APIParameter {
    /// The Parameter Object.
    var openAPI: OpenAPIJSON {
        var schema = rule.schema
        if let defaultValue, case var .object(members) = schema {
            members["default"] = .int(defaultValue)
            schema = .object(members)
        }
        return .object([
            "name": .string(name), "in": .string(location.rawValue), "required": .bool(required),
            "description": .string(description), "schema": schema,
        ])
    }
}

extension APIParameterRule {
    /// The JSON Schema of values that keep the rule.
    var schema: OpenAPIJSON {
        switch self {
        case let .integer(range):
            .object(["type": .string("integer"), "minimum": .int(range.lowerBound), "maximum": .int(range.upperBound)])
        case let .integerFrom(minimum):
            .object(["type": .string("integer"), "minimum": .int(minimum), "maximum": .int(Int(Int32.max))])
        case let .digits(count):
            .object(["type": .string("string"), "pattern": .string("^[0-9]{\(count)}$")])
        case let .text(range):
            .object(["type": .string("string"), "minLength": .int(range.lowerBound), "maxLength": .int(range.upperBound)])
        case let .oneOf(words):
            .object(["type": .string("string"), "enum": .array(words.map(OpenAPIJSON.string))])
        }
    }
}
