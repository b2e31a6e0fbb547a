import Domain
import Hummingbird

/// Why a request failed, mapped once to HTTP: pages show a page (or go to the sign-in page
/// when anonymous), the API answers the stable JSON shape
/// `{"error": {"code": "…", "message": "…", "details": […]}}`.
public struct WebError: Error, Sendable, Equatable {
    enum Kind: String, Sendable, Equatable {
        case unauthenticated, forbidden, notFound, badRequest, conflict, tooManyAttempts, locked, invalidData, csrf, busy
    }
    let kind: Kind
    /// A sentence for the person (already in the request's language where it matters).
    let message: String?
    /// Row-level problems of an import or a form, each a full sentence.
    let details: [String]
    /// Seconds after which trying again may succeed (`Retry-After`), for ``busy(retryAfter:)``.
    let retryAfter: Int?

    init(_ kind: Kind, _ message: String? = nil, details: [String] = [], retryAfter: Int? = nil) {
        self.kind = kind
        self.message = message
        self.details = details
        self.retryAfter = retryAfter
    }

    static let unauthenticated = WebError(.unauthenticated)
    static let forbidden = WebError(.forbidden)
    static let notFound = WebError(.notFound)
    static let csrf = WebError(.csrf)
    static func badRequest(_ message: String) -> WebError { WebError(.badRequest, message) }
    static func locked(_ message: String) -> WebError { WebError(.locked, message) }
    static func conflict(_ message: String) -> WebError { WebError(.conflict, message) }
    static func invalidData(_ message: String, details: [String]) -> WebError { WebError(.invalidData, message, details: details) }
    static func tooManyAttempts(_ message: String) -> WebError { WebError(.tooManyAttempts, message) }
    /// A body over the upload limit (``WebConfiguration/maxUploadSize``).
    static func uploadTooLarge(_ l: Language) -> WebError { WebError(.badRequest, l.pick("上传文件过大", "upload too large")) }
    /// The server has no room for more CPU-heavy work now (503 with `Retry-After`).
    static func busy(retryAfter seconds: Int) -> WebError { WebError(.busy, retryAfter: seconds) }

    /// The stable code of the JSON shape.
    var code: String {
        switch kind {
        case .unauthenticated: "unauthenticated"
        case .forbidden: "forbidden"
        case .notFound: "not_found"
        case .badRequest: "bad_request"
        case .conflict: "conflict"
        case .tooManyAttempts: "too_many_attempts"
        case .locked: "locked"
        case .invalidData: "invalid_data"
        case .csrf: "csrf_token_invalid"
        case .busy: "busy"
        }
    }

    var status: HTTPResponse.Status {
        switch kind {
        case .unauthenticated: .unauthorized
        case .forbidden, .csrf: .forbidden
        case .notFound: .notFound
        case .badRequest: .badRequest
        case .conflict, .locked: .conflict
        case .tooManyAttempts: .tooManyRequests
        case .invalidData: .unprocessableContent
        case .busy: .serviceUnavailable
        }
    }
}
