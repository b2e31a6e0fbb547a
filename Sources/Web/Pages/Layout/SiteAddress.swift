import Domain
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
            return "/counties/\(county)/schools/\(code)?year=\(year)"
        case let .schoolYear(code, county, year):
            return "/counties/\(county)/schools/\(code)?year=\(year)"
        case let .county(code, year):
            return "/counties/\(code)?year=\(year)"
        case let .indicators(county, year):
            return "/counties/\(county)?year=\(year)#indicators"
        case let .units(county, year, selection):
            return CountySchoolQuery(year: year, selection: selection).href(county: county)
        }
    }
}

extension HTMLRenderer {
    /// The renderer of a page about `county` in `year`: its schools link to their pages of
    /// that year.
    init(language: Language, county: String, year: Int, rowLimit: Int? = nil) {
        self.init(language: language, rowLimit: rowLimit) { SiteAddress.of($0, county: county, year: year) }
    }
}
