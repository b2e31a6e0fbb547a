import Domain
import Testing
@testable import Interchange

@Suite struct FactsReaderTests {
    private let standard: Standard

    init() throws {
        standard = try Standard.builtIn("quality-2017")
    }

    private func read(_ csv: String, language: Language = .english) throws(DataFileError) -> FactsFile {
        try FactsReader(standard: standard, language: language).read(Array(csv.utf8), file: "f.csv")
    }

    private func errors(_ csv: String) -> [String] {
        do {
            _ = try read(csv)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func readsAnswersNumbersAndPercentages() throws {
        let csv = """
        年度,县区代码,项目,值,佐证材料
        2025,110101,gov_01_layout,是,"京教发〔2024〕3号, 第2条"
        2025,110101,veto_school_choice,no,
        2025,110101,gov_08_teacher_pay,TRUE,
        2025,110101,gov_11_rotation_share,12.5%,
        2025,110101,gov_13_nearby_junior,96％,
        2025,110101,gov_07_special_funding,6200,
        2025,110101,quality_09_difference_rate,0.12,
        2024,110101,gov_01_layout,0,
        """
        let file = try read(csv)
        #expect(file.facts == [
            CountyFact(year: 2025, countyCode: "110101", item: "gov_01_layout", value: .yes, evidence: "京教发〔2024〕3号, 第2条"),
            CountyFact(year: 2025, countyCode: "110101", item: "veto_school_choice", value: .no),
            CountyFact(year: 2025, countyCode: "110101", item: "gov_08_teacher_pay", value: .yes),
            CountyFact(year: 2025, countyCode: "110101", item: "gov_11_rotation_share", value: .number(12.5)),
            CountyFact(year: 2025, countyCode: "110101", item: "gov_13_nearby_junior", value: .number(96)),
            CountyFact(year: 2025, countyCode: "110101", item: "gov_07_special_funding", value: .number(6200)),
            CountyFact(year: 2025, countyCode: "110101", item: "quality_09_difference_rate", value: .number(0.12)),
            CountyFact(year: 2024, countyCode: "110101", item: "gov_01_layout", value: .no),
        ])
        #expect(file.warnings.isEmpty)
    }

    @Test func refusesBadItemsValuesAndDuplicates() {
        let csv = """
        year,county_code,item,value,evidence
        2025,110101,gov_11_rotaton_share,12,
        2025,110101,no_such_thing,1,
        2025,110101,veto_key_schools,maybe,
        2025,110101,gov_11_rotation_share,about ten,
        2025,110101,gov_01_layout,yes,
        2025,110101,gov_01_layout,yes,
        2025,1101,gov_01_layout,yes,
        2025,110101,,yes,
        """
        #expect(errors(csv) == [
            "f.csv:2:item: the standard has no item 'gov_11_rotaton_share'; did you mean 'gov_11_rotation_share'?",
            "f.csv:3:item: the standard has no item 'no_such_thing'",
            "f.csv:4:value: unknown value 'maybe'; accepted: yes (是), no (否)",
            "f.csv:5:value: 'about ten' is not a number",
            "f.csv:7:item: duplicate item for this year and county, first on row 6",
            "f.csv:8:county_code: county code '1101' is not 6 digits",
            "f.csv:9:item: required value is empty",
        ])
    }

    @Test func missingColumnsAreNamed() {
        #expect(errors("year,county_code,item\n2025,110101,gov_01_layout\n") == ["f.csv:1:value: required column is missing"])
    }

    @Test func chineseMessages() {
        do {
            _ = try read("年度,县区代码,项目,值\n2025,110101,gov_01_layout,可能\n", language: .chinese)
            Issue.record("the file should be refused")
        } catch {
            #expect(error.description == "f.csv:2:值: 无法识别的取值“可能”，可填：是（yes）、否（no）")
        }
    }
}
