import Domain
import Foundation
@testable import Interchange
@testable import Reports
import Testing

/// The printable report (`EvaluationReport.printableDocument`, rendered by
/// ``PrintableHTMLRenderer``): what a reader of the printed file must find in it.
@Suite("HTML county report")
struct HTMLReportTests {
    typealias F = HTMLReportFixture

    @Test("the whole document and every chart parse as XML")
    func wellFormed() {
        #expect(F.xmlError(F.chinese) == nil)
        #expect(F.xmlError(F.english) == nil)
        let svgs = F.svgs(in: F.chinese)
        #expect(!svgs.isEmpty)
        for svg in svgs { #expect(F.xmlError(svg) == nil) }
        for tag in ["html", "body", "article", "section", "table", "svg", "figure"] {
            #expect(F.count("<\(tag)", in: F.chinese) == F.count("</\(tag)>", in: F.chinese), "\(tag)")
        }
    }

    @Test("one bar chart per evaluated stage, with a bar and a limit marker per indicator")
    func cvCharts() {
        let stages = F.results.flatMap(\.stages).filter { $0.unitCount > 0 }
        let charts = F.svgs(in: F.chinese).filter { $0.contains("class=\"chart bar-chart\"") }
        #expect(charts.count == stages.count)
        for (chart, stage) in zip(charts, stages) {
            #expect(F.count("<rect class=\"bar", in: chart) == stage.indicators.count)
            #expect(F.count("<line class=\"marker\"", in: chart) == stage.indicators.count)
            #expect(F.count("<rect class=\"bar highlighted\"", in: chart) == stage.indicators.count { $0.pass == false })
            #expect(chart.contains(stage.stage.chineseName + "各项指标校际差异系数"))
        }
    }

    @Test("one strip chart per evaluated stage, a dot per school value against the threshold")
    func stripCharts() {
        let stages = F.results.flatMap { result in
            result.stages.filter { $0.unitCount > 0 }.map { stage in (stage, result.units.filter { $0.unit.stage == stage.stage }) }
        }
        let charts = F.svgs(in: F.chinese).filter { $0.contains("class=\"chart strip-chart\"") }
        #expect(charts.count == stages.count)
        for (chart, (stage, units)) in zip(charts, stages) {
            #expect(chart.contains(stage.stage.chineseName + "各校指标值与达标值之比"))
            let values = stage.indicators.reduce(0) { total, indicator in total + units.count { $0.values[indicator.index] != nil } }
            // The legend's dot stands for the highlighted ones.
            let legend = chart.contains("class=\"dots highlighted\"") ? 1 : 0
            #expect(F.count("<circle", in: chart) == values + legend)
        }
    }

    @Test("a summary row per county leads to its part, which shows its verdict and every reason")
    func verdictsAndReasons() throws {
        let parts = F.parts(of: F.chinese)
        #expect(parts.count == F.results.count + 1)
        #expect(parts[0].hasPrefix("<article id=\"part-1\">\n<h2>汇总</h2>"))
        for (index, result) in F.results.enumerated() {
            let part = parts[index + 1]
            #expect(F.chinese.contains("<td><a href=\"#part-\(index + 2)\">\(result.countyCode)</a></td>"))
            #expect(part.hasPrefix("<article id=\"part-\(index + 2)\">\n<h2>\(result.countyCode)"))
            let verdictClass = switch result.verdict {
            case .pass: " class=\"pass\""
            case .fail: " class=\"fail\""
            case .incomplete: ""
            }
            #expect(part.contains("<tr><th>评估结论</th><td\(verdictClass)>\(result.verdict.name(in: .chinese))</td></tr>"))
            for finding in result.findings {
                #expect(part.contains("<li>" + Markup.escape(finding.text(in: .chinese, standard: F.standard)) + "</li>"))
            }
        }
        #expect(F.chinese.contains(F.standard.name))
    }

    @Test("ids are positions, unique, never user text")
    func anchors() {
        let ids = F.chinese.components(separatedBy: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(ids.count > F.results.count)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            let parts = id.split(separator: "-")
            #expect(parts.first == "part" && (2...3).contains(parts.count) && parts.dropFirst().allSatisfy { Int($0) != nil }, "\(id)")
        }
    }

    @Test("school names are escaped everywhere")
    func escaping() {
        #expect(!F.chinese.contains(F.trickyName))
        #expect(F.chinese.contains("Tom &amp; Jerry &lt;&quot;实验&quot;&gt;&#39;小学&#39;"))
        #expect(F.english.contains("<title>Demo &amp; &lt;test&gt;</title>"))
        #expect(F.english.contains("<h1>Demo &amp; &lt;test&gt;</h1>"))
    }

    @Test("every school unit and every school left out is listed with its values")
    func everySchool() {
        for result in F.results {
            for unit in result.units {
                #expect(F.chinese.contains("<td>\(Markup.escape(unit.unit.schoolName))</td><td>\(unit.unit.schoolCode)</td>"))
            }
            for exclusion in result.excluded {
                #expect(F.chinese.contains("<td>\(Markup.escape(exclusion.schoolName))</td><td>\(exclusion.schoolCode)</td><td class=\"num\">\(exclusion.students)</td>"))
            }
        }
        // The thresholds head each stage's table of schools, which leaves out what its stage says.
        let stages = F.results.flatMap(\.stages).count { $0.unitCount > 0 }
        #expect(F.count("<tr><td>达标值</td>", in: F.chinese) == stages)
        let firstIndicator = Markup.escape(F.standard.indicators[0].name(in: .chinese))
        #expect(F.count("<thead><tr><th>学校名称</th><th>学校标识码</th><th>城乡类型</th><th>在校生数</th><th>\(firstIndicator)", in: F.chinese) == stages)
    }

    @Test("every unmet value and failing school is marked in colour and with ✗")
    func failuresMarked() {
        let unmet = F.results.flatMap(\.units).reduce(0) { $0 + $1.unmet.count }
        let failingCVs = F.results.flatMap(\.stages).flatMap(\.indicators).count { $0.pass == false }
        let failing = F.results.flatMap(\.units).count { $0.passes == false }
        #expect(unmet > 0 && failing > 0)
        #expect(F.count("<td class=\"num fail\">", in: F.chinese) == unmet + failingCVs)
        #expect(F.count("<td class=\"fail\">", in: F.chinese) >= failing)
        #expect(F.chinese.contains("td.fail::before { content: \"✗ \" }"))
    }

    @Test("the map has one point per school with coordinates and counts the others")
    func map() {
        let maps = F.svgs(in: F.chinese).filter { $0.contains("class=\"chart scatter-map\"") }
        #expect(maps.count == F.results.count)
        for (map, result) in zip(maps, F.results) {
            let schools = F.schools.filter { $0.countyCode == result.countyCode && $0.year == result.year }
            #expect(F.count("class=\"point\"", in: map) == schools.count { $0.coordinate != nil })
            let missing = schools.count { $0.coordinate == nil }
            #expect(missing == 0 || F.chinese.contains("\(missing)所学校没有坐标"))
        }
        let notes = F.results.count { result in
            F.schools.contains { $0.countyCode == result.countyCode && $0.coordinate == nil }
        }
        #expect(notes > 0)
        #expect(F.count("所学校没有坐标", in: F.chinese) == notes)
    }

    @Test("self-contained: no scripts, no external references, no non-finite numbers")
    func selfContained() {
        for document in [F.chinese, F.english] {
            let withoutNamespace = document.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
            #expect(!withoutNamespace.contains("http://"))
            #expect(!withoutNamespace.contains("https://"))
            #expect(!document.lowercased().contains("<script"))
            #expect(!document.contains("src="))
            #expect(!document.contains("nan\"") && !document.contains("inf\""))
            #expect(!document.contains(">nan<") && !document.contains(">inf<"))
            #expect(document.contains("@page { size: A4; margin: 15mm }"))
            #expect(document.contains("thead { display: table-header-group }"))
        }
    }

    @Test("two renders are byte-identical")
    func deterministic() {
        let again = EvaluationReport(standard: F.standard, language: .chinese).printableDocument(F.results, schools: F.schools, title: nil)
        #expect(again == F.chinese)
    }

    @Test("English mode uses English labels")
    func english() {
        #expect(F.english.contains("<html lang=\"en\">"))
        #expect(F.english.contains("<tr><th>Verdict</th>"))
        #expect(F.english.contains("inter-school CV of each indicator"))
        #expect(F.english.contains("<th>County value</th><th>Min</th><th>Max</th><th>CV</th><th>Limit</th>"))
        #expect(F.english.contains(F.standard.nameEn))
        for term in ["差异系数", "结论", "达标值", "城区", "未达标", "学校达标"] {
            #expect(!F.english.contains(term), "\(term)")
        }
        #expect(F.chinese.contains("<th>城区</th><th>镇区</th><th>乡村</th>"))
        #expect(F.chinese.contains("综合差异系数"))
    }

    @Test("an empty file still gives a valid document")
    func empty() {
        let document = EvaluationReport(standard: F.standard, language: .chinese).printableDocument([], schools: [], title: nil)
        #expect(F.xmlError(document) == nil)
        #expect(document.contains("共0个县区"))
    }

    @Test("the renderer shows detail tables whole and keeps user text out of ids")
    func renderer() {
        var table = ReportTable(name: "t", columns: [ReportColumn("a", "A")], isDetail: true)
        for row in 0..<150 { table.append([.count(row)]) }
        let report = Report(title: "<T>", sections: [ReportSection(id: "\"><script>", "H", [.table(table), .subheading("S")])])
        let html = PrintableHTMLRenderer(language: .english).document([report], title: "D", subtitle: nil)
        #expect(F.count("<tr><td class=\"num\">", in: html) == 150)
        #expect(html.contains("<section id=\"part-1-1\">\n<h3>H</h3>"))
        #expect(html.contains("<h4>S</h4>"))
        #expect(html.contains("<h2>&lt;T&gt;</h2>"))
        #expect(!html.contains("script"))
        #expect(!html.contains("class=\"subtitle\""))
    }
}
