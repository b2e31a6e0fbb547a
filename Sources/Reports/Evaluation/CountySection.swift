import Domain
import Interchange

/// One county's part of the report: verdict and reasons, each stage, the excluded schools,
/// the county facts and the map of its schools.
struct CountySection {
    let standard: Standard
    let language: Language

    /// Appends the section of `result`, whose rows are `schools`, with the id `anchor`.
    func append(_ result: CountyResult, anchor: String, schools: [SchoolYear], into out: inout String) {
        let l = language
        out.append("<section class=\"county\" id=\"\(anchor)\">\n<h2>")
        out.appendEscaped(result.countyCode + (result.countyName.map { " " + $0 } ?? ""))
        out.append(l.pick(" · \(result.year)年度", " · \(result.year)"))
        out.append("</h2>\n<p class=\"verdict verdict-\(result.verdict.rawValue)\">\(l.pick("结论：", "Verdict: "))<strong>")
        out.append(HTMLReport.verdictMark(result.verdict) + result.verdict.name(in: l))
        out.append("</strong></p>\n")
        if !result.findings.isEmpty {
            out.append("<h3>\(l.pick("原因", "Reasons"))</h3>\n<ol class=\"findings\">\n")
            for finding in result.findings {
                out.append(finding.isFailure ? "<li class=\"failure\">" : "<li class=\"incomplete\">")
                out.appendEscaped(finding.text(in: l, standard: standard))
                out.append("</li>\n")
            }
            out.append("</ol>\n")
        }
        if let facts = EvaluationReport(standard: standard, language: l).factsLine(result.facts) {
            out.append("<p>")
            out.appendEscaped(facts)
            out.append("</p>\n")
        }
        // Units come sorted by stage (see `Standard.units(of:)`): each stage is one slice.
        var start = 0
        let stageSection = StageSection(standard: standard, language: l)
        for stage in result.stages {
            var end = start
            while end < result.units.count, result.units[end].unit.stage == stage.stage { end += 1 }
            stageSection.append(stage, units: result.units[start..<end], into: &out)
            start = end
        }
        appendExclusions(result.excluded, into: &out)
        SchoolMapSection(language: l).append(result, schools: schools, into: &out)
        out.append("</section>\n")
    }

    /// The schools left out of the resource part, each with its reason.
    func appendExclusions(_ excluded: [Exclusion], into out: inout String) {
        guard !excluded.isEmpty else { return }
        let l = language
        out.append("<h3>\(l.pick("未单独纳入资源配置评估的学校（\(excluded.count)所）", "Schools not evaluated as units of their own (\(excluded.count))"))</h3>\n")
        out.append("<table class=\"excluded\">\n<thead><tr>")
        for header in l == .chinese ? ["学校名称", "学校标识码", "学生数", "原因"] : ["School", "Code", "Students", "Reason"] {
            out.append("<th>\(header)</th>")
        }
        out.append("</tr></thead>\n<tbody>\n")
        for exclusion in excluded {
            out.append("<tr><td>")
            out.appendEscaped(exclusion.schoolName)
            out.append("</td><td>")
            out.appendEscaped(exclusion.schoolCode)
            out.append("</td><td class=\"num\">\(exclusion.students)</td><td>")
            out.appendEscaped(exclusion.reason.text(in: l))
            out.append("</td></tr>\n")
        }
        out.append("</tbody>\n</table>\n")
    }
}
