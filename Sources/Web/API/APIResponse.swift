import Foundation
import Hummingbird
import Interchange
import Reports
import Storage

/// JSON answers of the API: UTF-8, sorted keys (stable for clients and tests), never cached.
enum APIResponse {
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, context: AppRequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value)))
        )
    }
}

/// An account as the API shows it (never the password hash).
struct APIAccount: Encodable {
    var id: Int64
    var name: String
    var role: String
    var counties: [String]
    var schoolCode: String?

    init(_ account: Account) {
        id = account.id
        name = account.name
        role = account.role.rawValue
        counties = account.counties
        schoolCode = account.schoolCode
    }
}

extension APIResponse {
    /// A document built in a fixed key order (school rows in the catalogue's column order,
    /// evaluations in the data-format.md contract), as UTF-8 JSON.
    static func document(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: value.serialized()))
        )
    }

    /// A result's Codable document (``EvaluationDocument``, ``InvestmentPlanDocument``, …) as
    /// UTF-8 JSON: the bytes the command line writes for it, keys in the document's order.
    static func document(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        document(try JSONValue(encoding: value), status: status)
    }

    /// `204 No Content`: the act was done and there is nothing to show.
    static func noContent() -> Response {
        Response(status: .noContent, headers: [.cacheControl: "no-store"])
    }
}
