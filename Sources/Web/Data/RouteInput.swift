import Hummingbird
import WebForms

/// Reading route parameters and query items, refusing bad ones with 400/404 instead of
/// crashing or guessing.
extension AppRequestContext {
    /// A 6-digit county code from the path.
    func countyParameter(_ name: String = "county") throws(WebError) -> String {
        guard let code = parameters.get(name), code.count == 6, code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw WebError.notFound
        }
        return code
    }

    /// A text parameter from the path (a school code).
    func textParameter(_ name: String) throws(WebError) -> String {
        guard let text = parameters.get(name), !text.isEmpty, text.count <= 64 else { throw WebError.notFound }
        return text
    }

    /// A year from the path.
    func yearParameter(_ name: String = "year") throws(WebError) -> Int {
        guard let text = parameters.get(name), let year = Int(text), (1949...2200).contains(year) else { throw WebError.notFound }
        return year
    }
}

extension Request {
    /// An optional year from the query (`?year=2025`); a malformed one is a 400.
    func yearQuery() throws(WebError) -> Int? {
        guard let text = uri.queryParameters["year"].map(String.init), !text.isEmpty else { return nil }
        guard let year = Int(text), (1949...2200).contains(year) else { throw WebError.badRequest("year") }
        return year
    }

    /// A non-negative integer from the query, with a default and an upper bound.
    func intQuery(_ name: String, default value: Int, max upper: Int) throws(WebError) -> Int {
        guard let text = uri.queryParameters[Substring(name)].map(String.init), !text.isEmpty else { return value }
        guard let number = Int(text), number >= 0 else { throw WebError.badRequest(name) }
        return min(number, upper)
    }

    /// A text item of the query.
    func textQuery(_ name: String) -> String? {
        uri.queryParameters[Substring(name)].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A text item of the query as a page's GET form sends it (`application/x-www-form-urlencoded`:
    /// `+` is a space, `%2B` a plus); `nil` when empty.
    func formQuery(_ name: String) -> String? {
        FormFields(urlEncoded: uri.query ?? "")[name].flatMap { $0.isEmpty ? nil : $0 }
    }
}
