import Foundation
import Logging
import SQLKit

/// Brings a database's schema up to ``Migrations/latest``: each pending migration in its own
/// transaction (exclusive, so two servers starting at once migrate once), recorded in
/// `schema_migrations(version, applied_at)`.
struct Migrator {
    let migrations: [Migration]
    let logger: Logger

    init(migrations: [Migration] = Migrations.all, logger: Logger) {
        self.migrations = migrations
        self.logger = logger
    }

    private var latest: Int { migrations.last?.version ?? 0 }

    /// Applies the pending migrations; returns the versions applied.
    ///
    /// - Throws: ``SchemaVersionError`` when the database is newer than `migrations`,
    ///   before anything is changed.
    @discardableResult
    func migrate(_ connections: any SQLConnections) async throws -> [Int] {
        var applied: [Int] = []
        while let version = try await applyNext(connections) {
            applied.append(version)
        }
        return applied
    }

    /// Applies the first pending migration, if any, and returns its version.
    private func applyNext(_ connections: any SQLConnections) async throws -> Int? {
        let flavor = connections.flavor
        let latest = self.latest
        let migrations = self.migrations
        return try await connections.write(exclusive: true) { session -> Int? in
            let sql = session.sql
            try await sql.raw("""
                CREATE TABLE IF NOT EXISTS \(ident: Tables.schemaMigrations) (
                  version \(unsafeRaw: flavor.integer) PRIMARY KEY,
                  applied_at \(unsafeRaw: flavor.double) NOT NULL
                )
                """).run()
            let current = try await Self.version(sql)
            guard current <= latest else {
                throw SchemaVersionError(databaseVersion: current, programVersion: latest)
            }
            guard let next = migrations.first(where: { $0.version > current }) else { return nil }
            for statement in next.statements(flavor) {
                try await sql.raw(SQLQueryString(statement)).run()
            }
            try await sql.insert(into: Tables.schemaMigrations)
                .columns("version", "applied_at")
                .values(SQLBind(next.version), SQLBind(StoredTime.value(Date())))
                .run()
            logger.info("database schema migrated", metadata: [
                "version": "\(next.version)", "migration": "\(next.summary)",
            ])
            return next.version
        }
    }

    /// The schema version recorded in the database (0 when none is).
    static func version(_ sql: any SQLDatabase) async throws -> Int {
        let row = try await sql.select()
            .column(SQLFunction("MAX", args: SQLIdentifier("version")), as: "version")
            .from(Tables.schemaMigrations)
            .first()
        guard let row, try !row.decodeNil(column: "version") else { return 0 }
        return try row.decode(column: "version", as: Int.self)
    }
}
