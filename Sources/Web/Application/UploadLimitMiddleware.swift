import Hummingbird

/// Refuses a request whose declared `Content-Length` is over the upload limit before anything
/// reads its body, so a hostile upload costs the server a header, not 64 MiB of reading (a
/// client that waits for `100 Continue`, as curl does, never sends the body at all). A body
/// without a length is still stopped at the limit by whoever collects it.
struct UploadLimitMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let limit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw WebError.uploadTooLarge(context.language)
        }
        return try await next(request, context)
    }
}
