import Domain
import Interchange
import Reports

/// What every county planning page (zones, forecast, layout, rotation, quota, funding) shows the
/// same way: a refused upload's problems, the readers' warnings, and a plan's report.
extension PageContent {
    /// A refused upload (or rules): the sentence and every problem (file, row, column, rule);
    /// nothing when `refusal` is nil.
    mutating func refusal(_ refusal: (message: String, problems: [RowError])?, in l: Language) {
        guard let refusal else { return }
        section("problems") { section in
            section.error(refusal.message)
            if !refusal.problems.isEmpty { section.append(HTMLRenderer(language: l).table(.problems(refusal.problems, in: l))) }
        }
    }

    /// What the readers noted without refusing; nothing when there is none.
    mutating func warningsSection(_ warnings: [String], in l: Language) {
        guard !warnings.isEmpty else { return }
        section("warnings") { $0.warnings(warnings, in: l) }
    }

    /// A plan's report as the county's pages show it: its title and headline in a `summary`
    /// section, then its sections, schools linked to their pages in `county` and `year`.
    static func planReport(_ report: Report, county: String, year: Int, rowLimit: Int, language l: Language) -> String {
        let renderer = HTMLRenderer(language: l, rowLimit: rowLimit, showsDetail: true) { SiteAddress.of($0, county: county, year: year) }
        var summary = PageContent()
        summary.section("summary") { section in
            section.subheading(report.title)
            section.append(renderer.facts(report.headline))
        }
        return summary.text + renderer.sections(report)
    }
}
