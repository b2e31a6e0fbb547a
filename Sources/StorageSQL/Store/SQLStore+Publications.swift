import Foundation
import Storage

extension SQLStore: PublicationStore {
    public func publishedReports(counties: [String]?) async throws -> [PublishedReport] {
        try await reading { session in
            let rows = try await session.direct.run(
                "SELECT county_code, year, title, published_at, account_name FROM \(SQLSession.quoted(Tables.publishedReports)) ORDER BY county_code, year", [])
            return try rows.compactMap { row -> PublishedReport? in
                guard row.count == 5, case .text(let county) = row[0], case .integer(let year) = row[1], case .text(let title) = row[2],
                      case .text(let account) = row[4] else { throw StoreError.corrupt("\(Tables.publishedReports): a row that is no report") }
                let at: Double
                switch row[3] {
                case .double(let x): at = x
                case .integer(let n): at = Double(n)
                default: throw StoreError.corrupt("\(Tables.publishedReports): published_at holds \(row[3])")
                }
                guard counties?.contains(county) ?? true else { return nil }
                return PublishedReport(countyCode: county, year: year, title: title, publishedAt: StoredTime.date(at), accountName: account)
            }
        }
    }

    public func publishedDocument(county: String, year: Int) async throws -> String? {
        try await reading { session in
            let rows = try await session.direct.run(
                "SELECT document FROM \(SQLSession.quoted(Tables.publishedReports)) WHERE county_code = \(session.flavor.placeholder(1)) AND year = \(session.flavor.placeholder(2))",
                [.text(county), .integer(year)])
            guard let first = rows.first?.first else { return nil }
            guard case .text(let document) = first else { throw StoreError.corrupt("\(Tables.publishedReports): document holds \(first)") }
            return document
        }
    }

    public func publish(_ report: PublishedReport, document: String, by account: Account) async throws {
        try PublicationLimits.check(report, document: document)
        try await writing { session in
            try await session.insert(into: Tables.publishedReports, columns: ["county_code", "year", "title", "published_at", "account_name", "document"],
                                     rows: [[.text(report.countyCode), .integer(report.year), .text(report.title),
                                             .double(StoredTime.value(report.publishedAt)), .text(report.accountName), .text(document)]],
                                     replacingOn: ["county_code", "year"])
            try await session.appendAudit([PublicationLimits.auditEntry(.publish, county: report.countyCode, year: report.year, by: account, at: report.publishedAt)])
        }
    }

    public func unpublish(county: String, year: Int, by account: Account, at time: Date) async throws -> Bool {
        try await writing { session in
            let rows = try await session.direct.run(
                "SELECT 1 FROM \(SQLSession.quoted(Tables.publishedReports)) WHERE county_code = \(session.flavor.placeholder(1)) AND year = \(session.flavor.placeholder(2))",
                [.text(county), .integer(year)])
            guard !rows.isEmpty else { return false }
            _ = try await session.direct.run(
                "DELETE FROM \(SQLSession.quoted(Tables.publishedReports)) WHERE county_code = \(session.flavor.placeholder(1)) AND year = \(session.flavor.placeholder(2))",
                [.text(county), .integer(year)])
            try await session.appendAudit([PublicationLimits.auditEntry(.unpublish, county: county, year: year, by: account, at: time)])
            return true
        }
    }
}
