import Domain
import Interchange

/// The printable county evaluation report (督导评估报告) as one self-contained HTML document:
/// a title, a summary table with one row per county, then each county's verdict and reasons,
/// per stage the 差异系数 against their limits (chart and table), where inequality sits
/// (城区/镇区/乡村), every school against the thresholds, the excluded schools and a map.
///
/// Output is deterministic (no dates, no randomness), has no scripts and no external
/// resources, escapes all user text, and is built in one pass into one string, so a
/// province file of thousands of counties renders in linear time.
public struct HTMLReport: Sendable {
    /// The method the results were evaluated with (names, thresholds, the school rule).
    public let standard: Standard
    /// The report's language; official Chinese terms are used verbatim in Chinese.
    public let language: Language

    public init(standard: Standard, language: Language) {
        self.standard = standard
        self.language = language
    }

    /// One self-contained HTML document for every county in `results` (a whole province file: a
    /// summary table with one row per county linking to the details, then each county's
    /// details). `schools` are the rows that were evaluated (for coordinates and names).
    public func document(_ results: [CountyResult], schools: [SchoolYear], title: String?) -> String {
        let l = language
        let title = title ?? l.pick("县域义务教育均衡发展督导评估报告", "County compulsory-education balance evaluation report")
        // One index of the rows by county and year, so each county finds its schools without
        // scanning the whole file.
        var rowsByCounty: [CountyKey: [Int]] = [:]
        for index in schools.indices {
            rowsByCounty[CountyKey(code: schools[index].countyCode, year: schools[index].year), default: []].append(index)
        }
        var out = ""
        out.reserveCapacity(8_000 + results.reduce(0) { $0 + 12_000 + $1.units.count * 1_400 })
        out.append("<!DOCTYPE html>\n<html lang=\"\(l.pick("zh-CN", "en"))\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>")
        out.appendEscaped(title)
        out.append("</title>\n<style>\n")
        out.append(ReportStyle.css)
        out.append("\n</style>\n</head>\n<body>\n<header>\n<h1>")
        out.appendEscaped(title)
        out.append("</h1>\n<p class=\"subtitle\">")
        out.appendEscaped(standard.name(in: l) + (standard.document.map { l.pick("（\($0)）", " (\($0))") } ?? ""))
        out.append("</p>\n</header>\n")
        appendSummary(results, into: &out)
        let section = CountySection(standard: standard, language: l)
        for (index, result) in results.enumerated() {
            let rows = rowsByCounty[CountyKey(code: result.countyCode, year: result.year)] ?? []
            section.append(result, anchor: Self.anchor(index), schools: rows.map { schools[$0] }, into: &out)
        }
        out.append("</body>\n</html>\n")
        return out
    }

    /// The in-page anchor of the county at `index`; positions rather than codes, so that no
    /// user text ends up in an id.
    static func anchor(_ index: Int) -> String { "county-\(index + 1)" }

    /// The summary table: one row per county, linking to its section.
    func appendSummary(_ results: [CountyResult], into out: inout String) {
        let l = language
        let counts = Dictionary(grouping: results, by: \.verdict).mapValues(\.count)
        out.append("<section class=\"summary\">\n<h2>\(l.pick("汇总", "Summary"))</h2>\n<p>")
        out.append(l.pick(
            "共\(results.count)个县区：通过 \(counts[.pass] ?? 0)，未通过 \(counts[.fail] ?? 0)，数据不全 \(counts[.incomplete] ?? 0)。",
            "\(results.count) counties: \(counts[.pass] ?? 0) pass, \(counts[.fail] ?? 0) fail, \(counts[.incomplete] ?? 0) incomplete."))
        out.append("</p>\n<table class=\"summary\">\n<thead><tr>")
        let headers = l == .chinese
            ? ["县区代码", "县区名称", "年度", "结论", "未通过项", "数据不全项"]
            : ["County code", "County", "Year", "Verdict", "Failed rules", "Missing data"]
        for header in headers { out.append("<th>\(header)</th>") }
        out.append("</tr></thead>\n<tbody>\n")
        for (index, result) in results.enumerated() {
            let failed = result.findings.count(where: \.isFailure)
            out.append("<tr><td><a href=\"#\(Self.anchor(index))\">")
            out.appendEscaped(result.countyCode)
            out.append("</a></td><td>")
            out.appendEscaped(result.countyName ?? "—")
            out.append("</td><td class=\"num\">\(result.year)</td><td class=\"verdict-\(result.verdict.rawValue)\">")
            out.append(Self.verdictMark(result.verdict) + result.verdict.name(in: l))
            out.append("</td><td class=\"num\">\(failed)</td><td class=\"num\">\(result.findings.count - failed)</td></tr>\n")
        }
        out.append("</tbody>\n</table>\n</section>\n")
    }

    /// A sign before the verdict that survives black-and-white print.
    static func verdictMark(_ verdict: Verdict) -> String {
        switch verdict {
        case .pass: "✓ "
        case .fail: "✗ "
        case .incomplete: "? "
        }
    }
}
