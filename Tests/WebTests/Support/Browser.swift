import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

/// A signed-in (or anonymous) client: keeps the cookies the server sets and sends them
/// back, and knows the session's CSRF token.
struct Browser: Sendable {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var csrf: String?

    init(_ client: any TestClientProtocol) { self.client = client }

    /// Signs in through the JSON API; the cookie also serves pages.
    static func signedIn(_ client: any TestClientProtocol, as name: String, password: String? = nil) async throws -> Browser {
        var browser = Browser(client)
        let body = #"{"name":"\#(name)","password":"\#(password ?? "pw-" + name)"}"#
        let response = try await browser.send("/api/login", method: .post, body: body, contentType: "application/json")
        guard response.status == .ok else { throw BrowserError("sign-in of \(name) answered \(response.status)") }
        let json = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
        browser.csrf = json?["csrfToken"] as? String
        return browser
    }

    /// Sends a request with the stored cookies; remembers the cookies of the answer.
    @discardableResult
    mutating func send(
        _ uri: String, method: HTTPRequest.Method = .get, body: String? = nil, contentType: String? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = extra
        if !cookies.isEmpty {
            headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        if let contentType { headers[.contentType] = contentType }
        let response = try await client.executeRequest(
            uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }
        )
        for field in response.headers[values: .setCookie] {
            let pair = field.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || field.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        return TestResponse(status: response.status, headers: response.headers, text: String(buffer: response.body),
                            bytes: Array(response.body.readableBytesView))
    }

    /// Posts a URL-encoded form, with the session's CSRF token unless `csrf` says otherwise.
    @discardableResult
    mutating func post(_ uri: String, form: [(String, String)], csrf token: String? = nil) async throws -> TestResponse {
        var fields = form
        if let value = token ?? csrf { fields.append(("csrf", value)) }
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(uri, method: .post, body: body, contentType: "application/x-www-form-urlencoded")
    }

    /// Sends JSON to the API with the CSRF header.
    @discardableResult
    mutating func api(_ uri: String, method: HTTPRequest.Method = .get, json: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let csrf, method != .get { headers[HTTPField.Name("X-CSRF-Token")!] = csrf }
        return try await send(uri, method: method, body: json, contentType: json == nil ? nil : "application/json", headers: headers)
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}

/// What a test looks at in an answer.
struct TestResponse: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var text: String
    /// The body as sent (a workbook is not text).
    var bytes: [UInt8] = []

    var location: String? { headers[.location] }

    /// The answer's JSON object.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// The `error.code` of an API error.
    var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
}

struct BrowserError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
