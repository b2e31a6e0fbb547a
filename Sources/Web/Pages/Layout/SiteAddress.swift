import Domain
import Foundation
import Reports

/// Where a report's links go on this site: the `address` of an ``HTMLRenderer``.
///
/// ```swift
/// let renderer = HTMLRenderer(language: l, county: county, year: year)
/// ```
enum SiteAddress {
    /// The address of `link`. A school's page is that of the county and year the page is
    /// about (`county`, `year`); without them a school stays plain text.
    static func of(_ link: ReportLink, county: String? = nil, year: Int? = nil) -> String? {
        switch link {
        case let .school(code):
            guard let county, let year else { return nil }
            return school(code, county: county, year: year)
        case let .schoolYear(code, county, year):
            return school(code, county: county, year: year)
        case let .county(code, year):
            return "/counties/\(segment(code))?year=\(year)"
        case let .indicators(county, year):
            return "/counties/\(segment(county))?year=\(year)#indicators"
        case let .units(county, year, selection):
            return CountySchoolQuery(year: year, selection: selection).href(county: county)
        case let .ledgerItem(county, id):
            return "/counties/\(segment(county))/ledger/\(id)"
        case let .account(id):
            return "/admin/accounts/\(id)"
        }
    }

    /// A school's page of a year.
    private static func school(_ code: String, county: String, year: Int) -> String {
        "/counties/\(segment(county))/schools/\(segment(code))?year=\(year)"
    }

    /// `text` as one path segment or query value: codes are digits, but a stored or typed one
    /// is not trusted to be.
    static func segment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}

extension HTMLRenderer {
    /// The renderer of a page about `county` in `year`: its schools link to their pages of
    /// that year.
    init(language: Language, county: String, year: Int, rowLimit: Int? = nil) {
        self.init(language: language, rowLimit: rowLimit) { SiteAddress.of($0, county: county, year: year) }
    }
}
