import Demo
import Domain
import Foundation
#if canImport(FoundationXML)
import FoundationXML
import Interchange
import Reports
#endif

/// Demo counties evaluated under quality-2017, with names that need escaping, shared by the
/// report tests (built once, lazily).
enum HTMLReportFixture {
    /// A school name with every character HTML treats specially.
    static let trickyName = #"Tom & Jerry <"实验">'小学'"#
    static let standard = try! Standard.builtIn("quality-2017")

    static let demo = DemoGenerator(seed: 42, counties: 3).generate()

    /// Three demo counties (with failing CVs and schools); the first school of the first county is renamed to ``trickyName`` and
    /// one school of the first county loses its coordinates.
    static let schools: [SchoolYear] = {
        var schools = demo.schools
        let first = schools.firstIndex { $0.type == .primary }!
        schools[first].schoolName = trickyName
        let other = schools.lastIndex { $0.countyCode == schools[first].countyCode && $0.coordinate != nil }!
        schools[other].coordinate = nil
        return schools
    }()

    static let results = Evaluator(standard: standard).evaluate(schools, facts: demo.facts)

    static let chinese = EvaluationReport(standard: standard, language: .chinese).printableDocument(results, schools: schools, title: nil)
    static let english = EvaluationReport(standard: standard, language: .english).printableDocument(results, schools: schools, title: "Demo & <test>")

    /// The parts of `document`: each `<article …>…</article>`, the summary first.
    static func parts(of document: String) -> [String] {
        document.components(separatedBy: "<article ").dropFirst().map { "<article " + $0 }
    }

    /// How often `needle` occurs in `text`.
    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// Every `<svg …>…</svg>` element in `text`.
    static func svgs(in text: String) -> [String] {
        var found: [String] = []
        var rest = text[...]
        while let start = rest.range(of: "<svg "), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            found.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return found
    }

    /// Whether `text` parses as XML; the error when it does not.
    static func xmlError(_ text: String) -> String? {
        let parser = XMLParser(data: Data(text.utf8))
        return parser.parse() ? nil : String(describing: parser.parserError)
    }

    /// The numeric attribute `name` of every element in `svg` whose tag starts with `prefix`,
    /// e.g. the widths of `<rect class="bar"`.
    static func attribute(_ name: String, of prefix: String, in svg: String) -> [Double] {
        svg.components(separatedBy: prefix).dropFirst().compactMap { element in
            let tag = element.prefix { $0 != ">" }
            guard let range = tag.range(of: " \(name)=\"") else { return nil }
            return Double(tag[range.upperBound...].prefix { $0 != "\"" })
        }
    }
}
