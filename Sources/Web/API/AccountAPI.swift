import Hummingbird

/// `GET /api/me`: the signed-in account (never its password hash).
struct AccountAPI: Sendable {
    @Sendable func me(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let viewer = try context.requireViewer()
        return try APIResponse.json(APIAccount(viewer.account), context: context)
    }
}
