import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A `junheng serve` of the built binary on a free port, for the end-to-end tests that sign
/// in, import and kill servers. Its output goes to a log file the failures quote.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    let log: URL
    var base: String { "http://127.0.0.1:\(port)" }

    /// Starts `junheng serve --database DATABASE` and waits until `/health` answers.
    init(database: String, folder: URL, name: String = "server") async throws {
        port = try BrowserFlowTests.freePort()
        log = folder.appendingPathComponent("\(name)-\(port).log")
        try Data().write(to: log)
        process.executableURL = CommandRunner.binary
        process.arguments = ["serve", "--database", database, "--port", String(port)]
        var environment = ProcessInfo.processInfo.environment
        environment["JUNHENG_BCRYPT_COST"] = "4"
        environment["JUNHENG_DATABASE_URL"] = nil
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        try await BrowserFlowTests.waitForHealth(port: port, server: process, log: log)
    }

    /// SIGKILL: no shutdown, no flushing — what a power cut or the OOM killer does to the process.
    func kill() {
        guard process.isRunning else { return }
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGTERM and wait (a clean stop).
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    var logText: String { String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self) }

    deinit { kill() }
}

/// A signed-in API client of one server: the session cookie and the CSRF token the sign-in
/// answered. The cookie may be sent to another server over the same database.
struct APIClient: Sendable {
    let base: String
    var cookie: String?
    var csrf: String?

    struct Answer: Sendable {
        var status: Int
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        var json: [String: Any]? { try? JSONSerialization.jsonObject(with: body) as? [String: Any] }
    }

    init(base: String) { self.base = base }

    /// A session that neither keeps nor sends cookies by itself: the shared one would send
    /// a cookie set by one test's server to every other server on 127.0.0.1 (cookies ignore
    /// the port), mixing sessions across databases.
    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        return URLSession(configuration: configuration)
    }()

    /// The same session on another server.
    func on(_ server: ServerProcess) -> APIClient {
        var client = APIClient(base: server.base)
        client.cookie = cookie
        client.csrf = csrf
        return client
    }

    /// `POST /api/login`; keeps the session on success.
    mutating func signIn(_ name: String, _ password: String) async throws -> Answer {
        let body = try JSONSerialization.data(withJSONObject: ["name": name, "password": password])
        let (answer, response) = try await send("POST", "/api/login", body: body, contentType: "application/json")
        if answer.status == 200 {
            let setCookie = response.value(forHTTPHeaderField: "Set-Cookie") ?? ""
            cookie = setCookie.split(separator: ",").flatMap { $0.split(separator: ";") }
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .first { $0.hasPrefix("junheng_session=") }
            csrf = answer.json?["csrfToken"] as? String
        }
        return answer
    }

    /// Sends a request with the session's cookie and CSRF token.
    func request(_ method: String, _ path: String, body: Data? = nil, contentType: String? = nil,
                 timeout: TimeInterval = 300) async throws -> Answer {
        try await send(method, path, body: body, contentType: contentType, timeout: timeout).0
    }

    private func send(_ method: String, _ path: String, body: Data?, contentType: String?,
                      timeout: TimeInterval = 300) async throws -> (Answer, HTTPURLResponse) {
        var request = URLRequest(url: URL(string: base + path)!, timeoutInterval: timeout)
        request.httpMethod = method
        request.httpShouldHandleCookies = false
        request.httpBody = body
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        if let cookie { request.setValue(cookie, forHTTPHeaderField: "Cookie") }
        if let csrf { request.setValue(csrf, forHTTPHeaderField: "X-CSRF-Token") }
        let (data, response) = try await Self.session.data(for: request)
        let http = response as! HTTPURLResponse
        return (Answer(status: http.statusCode, body: data), http)
    }
}
