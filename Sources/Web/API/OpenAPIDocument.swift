import Foundation
import Hummingbird

/// `GET /api/openapi.json`: the OpenAPI 3.1 description of every API route, a static file
/// (`Resources/openapi.json`) kept next to the code and checked by the tests against the
/// registered routes. Public: it describes the interface, not data.
struct OpenAPIDocument: Sendable {
    /// The bundled document's bytes, read once.
    static let bytes: [UInt8]? = Bundle.module
        .url(forResource: "openapi", withExtension: "json", subdirectory: "Resources")
        .flatMap { try? Data(contentsOf: $0) }
        .map { Array($0) }

    @Sendable func serve(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let bytes = Self.bytes else { throw HTTPError(.internalServerError, message: "openapi.json is missing from the bundle") }
        return Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-cache"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }
}
