import Foundation
import PostgresNIO

/// A PostgreSQL URL read the way libpq reads it, as far as Junheng needs:
/// `postgres[ql]://USER[:PASSWORD]@HOST[:PORT]/DATABASE?sslmode=MODE&options=OPTIONS`.
///
/// `sslmode` is `disable`, `allow`/`prefer` (the default: TLS when the server offers it,
/// certificate unchecked, as libpq does), `require` (TLS, certificate unchecked), `verify-ca`
/// or `verify-full`. `options` is passed to the server at connection start, e.g.
/// `options=-c%20search_path%3Dcounty_data` to keep the tables in another schema.
struct PostgresSettings: Sendable {
    var host: String
    var port: Int
    var username: String
    var password: String?
    var database: String?
    var sslMode: String
    var options: String?

    struct Invalid: Error {}

    init(url: String) throws(Invalid) {
        guard let parts = URLComponents(string: url),
              let scheme = parts.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql",
              let host = parts.host, !host.isEmpty
        else { throw Invalid() }
        let query = parts.queryItems ?? []
        func item(_ name: String) -> String? { query.last { $0.name.lowercased() == name }?.value }
        self.host = host
        port = parts.port ?? 5432
        // libpq's default user is the operating system's user.
        username = parts.user.flatMap { $0.isEmpty ? nil : $0 }
            ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        password = parts.password
        let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        database = path.isEmpty ? nil : path
        sslMode = (item("sslmode") ?? "prefer").lowercased()
        guard ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"].contains(sslMode) else { throw Invalid() }
        options = item("options")
    }

    /// TLS as `sslmode` asks: libpq checks the certificate only for verify-ca and verify-full.
    private var tlsConfiguration: TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch sslMode {
        case "verify-full": configuration.certificateVerification = .fullVerification
        case "verify-ca": configuration.certificateVerification = .noHostnameVerification
        default: configuration.certificateVerification = .none
        }
        return configuration
    }

    /// The startup parameters besides user and database.
    private var startupParameters: [(String, String)] {
        [("application_name", "junheng")] + (options.map { [("options", $0)] } ?? [])
    }

    /// The configuration of a single connection (the reachability check at open).
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS = switch sslMode {
        case "disable": .disable
        case "allow", "prefer": .prefer(try NIOSSLContext(configuration: tlsConfiguration))
        default: .require(try NIOSSLContext(configuration: tlsConfiguration))
        }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls
        )
        configuration.options.additionalStartupParameters = startupParameters
        return configuration
    }

    /// The client configuration for PostgresNIO's pool.
    func clientConfiguration() -> PostgresClient.Configuration {
        let tlsConfiguration = self.tlsConfiguration
        let tls: PostgresClient.Configuration.TLS = switch sslMode {
        case "disable": .disable
        case "allow", "prefer": .prefer(tlsConfiguration)
        default: .require(tlsConfiguration)
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls
        )
        configuration.options.additionalStartupParameters = startupParameters
        return configuration
    }

    /// `url` with its password replaced by `***`, for messages and logs.
    static func redacted(_ url: String) -> String {
        guard var parts = URLComponents(string: url), parts.password != nil else { return url }
        parts.password = "***"
        return parts.string ?? url
    }
}
