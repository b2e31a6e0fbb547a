import Hummingbird

/// One parameter of an API operation, declared once: the route refuses a request that breaks
/// it (``APIParameterValidator``) and the OpenAPI document describes it from the same value
/// (``OpenAPIDocument``), so the two cannot drift apart.
///
/// ```swift
/// APIParameter(query: "limit", "Entries per page.", rule: .integer(1...1000), default: 100)
/// ```
struct APIParameter: Sendable {
    /// Where the parameter travels.
    enum Location: String, Sendable {
        case path, query
    }

    var name: String
    var location: Location
    /// Whether a request must carry it (always for a path parameter).
    var required: Bool
    /// The sentence the document shows.
    var description: String
    var rule: APIParameterRule
    /// The value a route assumes when the parameter is absent, as the document states it.
    var defaultValue: Int?

    /// A path capture (`{county}`): always required.
    init(path name: String, _ description: String, rule: APIParameterRule) {
        self.name = name
        location = .path
        required = true
        self.description = description
        self.rule = rule
        defaultValue = nil
    }

    /// A query item, optional unless `required`.
    init(query name: String, _ description: String, rule: APIParameterRule, required: Bool = false, default value: Int? = nil) {
        self.name = name
        location = .query
        self.required = required
        self.description = description
        self.rule = rule
        defaultValue = value
    }

    /// The problem with `text` (the raw value, `nil` when absent), or `nil` when it is valid.
    /// An empty query item (`?year=`) is a value, and must keep the rule like any other.
    func problem(with text: String?) -> String? {
        guard let text else {
            return required ? "\(name): required" : nil
        }
        return rule.problem(with: text).map { "\(name): \($0)" }
    }
}
