import Demo
import Domain
import Foundation
import Reports
import Testing

/// The evaluation's document: built once from the results, written, and read back by
/// `JSONDecoder` into the same document, whose values are the results'.
@Suite struct EvaluationDocumentTests {
    let standard: Standard
    let results: [CountyResult]

    init() throws {
        standard = try Standard.builtIn("quality-2017")
        let data = DemoGenerator(seed: 1, counties: 2, year: 2025).generate()
        results = Evaluator(standard: standard).evaluate(data.schools, facts: data.facts)
    }

    func decoded(_ document: EvaluationDocument) throws -> (text: String, document: EvaluationDocument) {
        let text = try JSONValue(encoding: document).serialized()
        return (text, try JSONDecoder().decode(EvaluationDocument.self, from: Data(text.utf8)))
    }

    @Test func readsBackAsTheSameDocumentWithTheResultsValues() throws {
        let document = EvaluationDocument(results, standard: standard, language: .english)
        let (text, back) = try decoded(document)
        #expect(back == document)
        // Members that are data are written in the results' order (JSONDecoder does not keep it).
        let keys = standard.indicators.map(\.key)
        let positions = keys.compactMap { text.range(of: "\"\($0)\": {")?.lowerBound }
        #expect(positions.count == keys.count && positions == positions.sorted(), "indicators in the standard's order")
        let stages = try #require(results.first).stages.compactMap { text.range(of: "\"\($0.stage.rawValue)\": {")?.lowerBound }
        #expect(stages.count == results[0].stages.count && stages == stages.sorted(), "stages in the evaluation's order")
        #expect(back.standard == "quality-2017")
        #expect(back.counties.count == results.count)
        for (county, result) in zip(back.counties, results) {
            #expect(county.countyCode == result.countyCode && county.countyName == result.countyName && county.year == result.year)
            #expect(county.verdict == result.verdict.rawValue)
            #expect(county.reasons == result.findings.map { $0.text(in: .english, standard: standard) })
            #expect(Set(county.stages.keys) == Set(result.stages.map(\.stage.rawValue)))
            for stage in result.stages {
                let written = try #require(county.stages[stage.stage.rawValue])
                #expect(written.units == stage.unitCount && written.students == stage.students)
                #expect(written.compositeCV == stage.compositeCV)
                #expect(Set(written.indicators.keys) == Set(keys))
                for indicator in stage.indicators {
                    let shown = try #require(written.indicators[keys[indicator.index]])
                    #expect(shown.cv == indicator.cv && shown.limit == indicator.limit && shown.pass == indicator.pass)
                    #expect(shown.countyValue == indicator.countyValue && shown.gini == indicator.gini)
                    #expect(shown.theil == indicator.theil?.total && shown.missingUnits == indicator.missingUnits)
                    #expect(Set(shown.theilGroups.keys) == Set((indicator.theil?.groups ?? []).map(\.group.rawValue)))
                }
            }
            #expect(county.schools.map(\.schoolCode) == result.units.map(\.unit.schoolCode))
            for (school, unit) in zip(county.schools, result.units) {
                #expect(Set(school.values.keys) == Set(keys))
                #expect(keys.indices.allSatisfy { school.values[keys[$0]] == unit.values[$0] })
                #expect(keys.indices.allSatisfy { school.met[keys[$0]] == unit.met[$0] })
                #expect(school.pass == unit.passes && school.students == unit.unit.students)
            }
            #expect(county.excluded.map(\.schoolCode) == result.excluded.map(\.schoolCode))
            #expect(county.facts.map(\.item) == result.facts.map(\.rule.key))
        }
        // The demo's facts hold both kinds of value.
        let values = back.counties.flatMap(\.facts).compactMap(\.value)
        #expect(values.contains { if case .answer = $0 { true } else { false } })
        #expect(values.contains { if case .number = $0 { true } else { false } })
    }

    @Test func nonFiniteNumbersAreNull() throws {
        var result = try #require(results.first)
        result.stages[0].compositeCV = .nan
        result.stages[0].indicators[0].cv = .infinity
        result.stages[0].indicators[0].countyValue = -.infinity
        result.units[0].values[0] = .nan
        let document = EvaluationDocument([result], standard: standard, language: .chinese)
        let (text, back) = try decoded(document)
        #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil, "valid JSON")
        #expect(text.contains("\"composite_cv\": null"))
        let stage = try #require(back.counties.first?.stages[result.stages[0].stage.rawValue])
        #expect(stage.compositeCV == nil)
        let indicator = try #require(stage.indicators[standard.indicators[result.stages[0].indicators[0].index].key])
        #expect(indicator.cv == nil && indicator.countyValue == nil)
        #expect(back.counties.first?.schools.first?.values[standard.indicators[0].key] == .some(nil))
        #expect(back == document)
    }
}
