import Hummingbird

/// Checks a request against its operation's declared parameters before the route runs, and
/// refuses it with 400 `bad_request` listing every broken parameter in `details` — the one
/// check every API route shares.
struct APIParameterValidator: Sendable {
    let parameters: [APIParameter]

    /// - Throws: ``WebError`` `bad_request` with one detail per problem.
    func validate(_ request: Request, context: AppRequestContext) throws(WebError) {
        let query = request.uri.queryParameters
        let problems = parameters.compactMap { parameter -> String? in
            let value: String? = switch parameter.location {
            case .path: context.parameters.get(parameter.name)
            case .query: query[Substring(parameter.name)].map(String.init)
            }
            return parameter.problem(with: value)
        }
        guard problems.isEmpty else {
            throw WebError(.badRequest, context.language.pick("请求参数有误", "invalid request parameters"), details: problems)
        }
    }
}
