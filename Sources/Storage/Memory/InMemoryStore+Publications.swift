import Foundation

extension InMemoryStore: PublicationStore {
    public func publishedReports(counties: [String]?) -> [PublishedReport] {
        published.values.map(\.report).filter { counties?.contains($0.countyCode) ?? true }
            .sorted { ($0.countyCode, $0.year) < ($1.countyCode, $1.year) }
    }

    public func publishedDocument(county: String, year: Int) -> String? {
        published[CountyYear(countyCode: county, year: year)]?.document
    }

    public func publish(_ report: PublishedReport, document: String, by account: Account) throws {
        try PublicationLimits.check(report, document: document)
        published[CountyYear(countyCode: report.countyCode, year: report.year)] = (report, document)
        append(PublicationLimits.auditEntry(.publish, county: report.countyCode, year: report.year, by: account, at: report.publishedAt))
    }

    public func unpublish(county: String, year: Int, by account: Account, at time: Date) -> Bool {
        guard published.removeValue(forKey: CountyYear(countyCode: county, year: year)) != nil else { return false }
        append(PublicationLimits.auditEntry(.unpublish, county: county, year: year, by: account, at: time))
        return true
    }
}
