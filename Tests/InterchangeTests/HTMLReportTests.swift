import Domain
import Foundation
@testable import Interchange
@testable import Reports
import Testing

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
        for tag in ["html", "body", "section", "table", "svg", "figure"] {
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

    @Test("verdicts and every reason are shown, with a summary row linking to each county")
    func verdictsAndReasons() {
        let standard = F.standard
        for (index, result) in F.results.enumerated() {
            #expect(F.chinese.contains("结论：<strong>" + HTMLReport.verdictMark(result.verdict) + result.verdict.name(in: .chinese)))
            for finding in result.findings {
                #expect(F.chinese.contains(Markup.escape(finding.text(in: .chinese, standard: standard))))
            }
            #expect(F.chinese.contains("<a href=\"#county-\(index + 1)\">\(result.countyCode)</a>"))
            #expect(F.chinese.contains("<section class=\"county\" id=\"county-\(index + 1)\">"))
        }
        #expect(F.chinese.contains(standard.name))
    }

    @Test("school names are escaped everywhere")
    func escaping() {
        #expect(!F.chinese.contains(F.trickyName))
        #expect(F.chinese.contains("Tom &amp; Jerry &lt;&quot;实验&quot;&gt;&#39;小学&#39;"))
        #expect(F.english.contains("<title>Demo &amp; &lt;test&gt;</title>"))
    }

    @Test("every unmet value and failing school is marked in colour and with ✗")
    func failuresMarked() {
        let unmet = F.results.flatMap(\.units).reduce(0) { $0 + $1.unmet.count }
        let failing = F.results.flatMap(\.units).count { $0.passes == false }
        #expect(unmet > 0)
        #expect(F.count("<td class=\"num unmet\" title=\"未达标\">✗ ", in: F.chinese) == unmet)
        #expect(F.count("<td class=\"tag unmet\">✗ 未达标</td>", in: F.chinese) >= failing)
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
            #expect(document.contains("@page { size: A4; margin: 15mm }"))
            #expect(document.contains("thead { display: table-header-group }"))
        }
    }

    @Test("two renders are byte-identical")
    func deterministic() {
        let again = HTMLReport(standard: F.standard, language: .chinese).document(F.results, schools: F.schools, title: nil)
        #expect(again == F.chinese)
    }

    @Test("English mode uses English labels")
    func english() {
        #expect(F.english.contains("<html lang=\"en\">"))
        #expect(F.english.contains("Verdict: <strong>"))
        #expect(F.english.contains("inter-school CV of each indicator"))
        #expect(F.english.contains("<th>County</th><th>Min</th><th>Max</th><th>CV</th><th>Limit</th>"))
        #expect(F.english.contains(F.standard.nameEn))
        for term in ["差异系数", "结论", "达标值", "城区", "未达标", "学校达标"] {
            #expect(!F.english.contains(term), "\(term)")
        }
        #expect(F.chinese.contains("<th>城区</th><th>镇区</th><th>乡村</th>"))
        #expect(F.chinese.contains("综合差异系数"))
    }

    @Test("an empty file still gives a valid document")
    func empty() {
        let document = HTMLReport(standard: F.standard, language: .chinese).document([], schools: [], title: nil)
        #expect(F.xmlError(document) == nil)
        #expect(document.contains("共0个县区"))
    }
}
