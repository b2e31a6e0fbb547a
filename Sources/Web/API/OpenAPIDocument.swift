import Foundation
import Hummingbird

/// `GET /api/openapi.json`: the OpenAPI 3.1 description of every API route. Public: it
/// describes the interface, not data.
///
/// Made of two halves: `Resources/openapi.json` holds what only prose can say (summaries,
/// request bodies, responses, schemas), and every operation's `parameters` come from the
/// ``APIEndpoint`` declarations the routes validate against — so a range or an enumeration
/// the document states is the one the server enforces. Composed once when the router is built.
struct OpenAPIDocument: Sendable {
    /// Where the document is served.
    static let path = "/api/openapi.json"

    /// The bundled half, read once.
    static let template: [UInt8]? = Bundle.module
        .url(forResource: "openapi", withExtension: "json", subdirectory: "Resources")
        .flatMap { try? Data(contentsOf: $0) }
        .map { Array($0) }

    /// The composed document; `nil` when the bundled half is missing or unreadable.
    let bytes: [UInt8]?

    init(endpoints: [APIEndpoint]) {
        bytes = Self.template.flatMap { try? Self.compose($0, endpoints: endpoints) }
    }

    /// The template with each endpoint's parameters written into its operation.
    static func compose(_ template: [UInt8], endpoints: [APIEndpoint]) throws -> [UInt8] {
        var document = try JSONDecoder().decode(OpenAPIJSON.self, from: Data(template))
        for endpoint in endpoints where !endpoint.parameters.isEmpty {
            document[["paths", endpoint.path, endpoint.method.rawValue.lowercased(), "parameters"]] =
                .array(endpoint.parameters.map(\.openAPI))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return Array(try encoder.encode(document))
    }

    @Sendable func serve(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let bytes else { throw HTTPError(.internalServerError, message: "openapi.json is missing from the bundle") }
        return Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-cache"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }
}
