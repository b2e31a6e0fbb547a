import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Interchange
import NIOCore

/// A `multipart/form-data` body built by hand, as a browser sends the import form.
struct MultipartBody {
    let boundary = "----junheng-test-" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
    private(set) var bytes: [UInt8] = []

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// A text field.
    mutating func field(_ name: String, _ value: String) {
        append("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
    }

    /// A file input; an empty `bytes` with an empty file name is a file input left empty.
    mutating func file(_ name: String, filename: String, bytes: [UInt8], contentType: String = "text/csv") {
        append("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: \(contentType)\r\n\r\n")
        self.bytes += bytes
        append("\r\n")
    }

    /// The closing boundary.
    func finished() -> [UInt8] { bytes + Array("--\(boundary)--\r\n".utf8) }

    private mutating func append(_ text: String) { bytes += Array(text.utf8) }
}

extension Browser {
    /// Sends raw bytes (a file upload) with the stored cookies; remembers the answer's cookies.
    @discardableResult
    mutating func send(
        _ uri: String, method: HTTPRequest.Method = .post, bytes: [UInt8], contentType: String, headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = extra
        if !cookies.isEmpty {
            headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        headers[.contentType] = contentType
        let response = try await client.executeRequest(uri: uri, method: method, headers: headers, body: ByteBuffer(bytes: bytes))
        for field in response.headers[values: .setCookie] {
            let pair = field.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || field.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        return TestResponse(status: response.status, headers: response.headers, text: String(buffer: response.body))
    }

    /// Posts the import form: the files, an optional sheet, and the session's CSRF token
    /// unless `csrf` says otherwise (`""`: no token field at all).
    @discardableResult
    mutating func postImport(
        schools: (name: String, bytes: [UInt8])?, facts: (name: String, bytes: [UInt8])? = nil, sheet: String? = nil,
        csrf token: String? = nil, uri: String = "/import"
    ) async throws -> TestResponse {
        var body = MultipartBody()
        let token = token ?? csrf ?? ""
        if !token.isEmpty { body.field("csrf", token) }
        body.file("schools", filename: schools?.name ?? "", bytes: schools?.bytes ?? [])
        body.file("facts", filename: facts?.name ?? "", bytes: facts?.bytes ?? [])
        body.field("sheet", sheet ?? "")
        return try await send(uri, bytes: body.finished(), contentType: body.contentType)
    }

    /// Posts a file to `POST /api/import` with the CSRF header.
    @discardableResult
    mutating func apiImport(_ query: String, bytes: [UInt8], contentType: String = "text/csv", csrf token: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let value = token ?? csrf { headers[HTTPField.Name("X-CSRF-Token")!] = value }
        return try await send("/api/import?" + query, bytes: bytes, contentType: contentType, headers: headers)
    }
}

extension WebFixture {
    /// The stored rows of a county's year.
    func rows(county: String, year: Int) -> [SchoolYear] {
        rows.filter { $0.countyCode == county && $0.year == year }.sorted { $0.schoolCode < $1.schoolCode }
    }

    /// The row of `school` in `year`.
    func row(_ school: String, year: Int = 2025) -> SchoolYear {
        rows.first { $0.schoolCode == school && $0.year == year }!
    }

    /// `rows` as a `schools` CSV with the Chinese headers.
    static func csv(_ rows: [SchoolYear]) -> [UInt8] {
        try! SchoolsWriter().write(rows)
    }

    /// How many entries the audit trail holds.
    func trailCount() async throws -> Int {
        await store.auditTrail(.init(limit: 0)).total
    }
}

extension TestResponse {
    /// The answer's JSON array at `key`.
    func array(_ key: String) -> [[String: Any]] { json[key] as? [[String: Any]] ?? [] }

    /// The `error.details` of an API error.
    var errorDetails: [String] { (json["error"] as? [String: Any])?["details"] as? [String] ?? [] }
}
