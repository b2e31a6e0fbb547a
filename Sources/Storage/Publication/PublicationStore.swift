import Foundation

/// A county-year's evaluation report as published (评估报告公开发布, 003: 定期发布评估报告): a
/// snapshot of the printable report taken when the planner published it, served read-only to
/// anyone at `/published/COUNTY/YEAR` — later edits change it only when it is published again.
public struct PublishedReport: Sendable, Hashable {
    /// 县区代码
    public var countyCode: String
    /// 年度
    public var year: Int
    /// The report's title (its county and year).
    public var title: String
    /// When it was (last) published.
    public var publishedAt: Date
    /// Who published it.
    public var accountName: String

    public init(countyCode: String, year: Int, title: String, publishedAt: Date, accountName: String) {
        self.countyCode = countyCode
        self.year = year
        self.title = title
        self.publishedAt = publishedAt
        self.accountName = accountName
    }

    /// The stable public address of the report.
    public var path: String { "/published/\(countyCode)/\(year)" }
}

/// Where the published reports are kept (``PublishedReport``): one per county and year, its
/// document with it. Publishing and withdrawing are recorded in the audit trail
/// (``AuditAction/publish``, ``AuditAction/unpublish``) in the same transaction.
public protocol PublicationStore: Sendable {
    /// The published reports of `counties` (all when `nil`), by county, then year.
    func publishedReports(counties: [String]?) async throws -> [PublishedReport]

    /// The document published for `county` in `year`; `nil` when none is.
    func publishedDocument(county: String, year: Int) async throws -> String?

    /// Publishes `document` as `county`'s report of `year`, replacing one published before.
    ///
    /// - Throws: ``StoreError/isInvalid`` for an empty document or title, or a document above
    ///   ``PublicationLimits/documentBytes``.
    func publish(_ report: PublishedReport, document: String, by account: Account) async throws

    /// Withdraws `county`'s report of `year`; whether there was one.
    func unpublish(county: String, year: Int, by account: Account, at time: Date) async throws -> Bool
}

/// The bound the store keeps on a published document.
public enum PublicationLimits {
    /// 16 MiB: a province's largest county report with its maps is a few MiB.
    public static let documentBytes = 16 << 20

    /// Refuses what no report is.
    public static func check(_ report: PublishedReport, document: String) throws {
        guard !report.title.isEmpty, !document.isEmpty, document.utf8.count <= documentBytes else {
            throw StoreError.invalid("published report \(report.countyCode) \(report.year): empty, or above \(documentBytes) bytes")
        }
    }

    /// The trail's entry: ``AuditAction/publish`` or ``AuditAction/unpublish``, the public
    /// address as the note.
    public static func auditEntry(_ action: AuditAction, county: String, year: Int, by account: Account, at time: Date) -> AuditEntry {
        AuditEntry(id: 0, at: time, accountName: account.name, action: action, countyCode: county, year: year, note: "/published/\(county)/\(year)")
    }
}
