import Foundation
import Testing

/// `junheng evaluate` and `junheng demo` as a user runs them: the contract of data-format.md.
@Suite("junheng evaluate and demo, end to end")
struct EvaluateCommandTests {
    /// A small valid county with English headers: a primary school, a junior school, a
    /// teaching point and a nine-year school.
    static let goodCSV = """
        year,county_code,county_name,school_code,school_name,school_type,parent_school_code,locality,students_primary,students_junior,students_senior,classes_primary,classes_junior,teachers_primary,teachers_junior,qualified_primary,qualified_junior,backbone_primary,backbone_junior,pe_art_primary,pe_art_junior,teaching_area,sports_area,equipment_value,multimedia_rooms
        2025,130102,长安区,1301020001,长安区第一小学,primary,,urban,900,,,20,,60,,55,,12,,9,,5400,8100,2000000,25
        2025,130102,长安区,1301020002,长安区第一中学,junior,,urban,,800,,,16,,70,,60,,10,,8,6000,9000,2400000,24
        2025,130102,长安区,1301020003,西村教学点,teaching_point,1301020001,rural,40,,,2,,4,,4,,0,,1,,300,900,60000,1
        2025,130102,长安区,1301020004,东镇九年一贯制学校,nine_year,,town,300,200,,8,4,25,18,20,14,3,2,3,2,3000,6000,1500000,16

        """

    static func lines(_ edits: [(String, String)]) -> String {
        edits.reduce(goodCSV) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    @Test func aValidFileEvaluatesInEveryFormat() throws {
        let folder = try CommandRunner.temporaryFolder()
        let file = try CommandRunner.write(Self.goodCSV, to: "schools.csv", in: folder)

        let table = try CommandRunner.run(["evaluate", file])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.text.contains("县域义务教育优质均衡发展督导评估办法"))
        #expect(table.text.contains("■ 130102 长安区 · 2025年度 · 结论：数据不全"))
        #expect(table.text.contains("生均教学及辅助用房面积"))
        #expect(table.text.contains("不足50人的教学点 1"))

        let english = try CommandRunner.run(["evaluate", file, "--lang", "en"])
        #expect(english.text.contains("verdict: incomplete"))
        #expect(english.text.contains("Teaching and auxiliary room area per student"))

        let csv = try CommandRunner.run(["evaluate", file, "--format", "csv"])
        let rows = csv.text.split(separator: "\n")
        #expect(rows.first == "county_code,year,stage,indicator,county_value,cv,limit,pass")
        #expect(rows.count == 1 + 2 * 7)
        #expect(rows.contains { $0.hasPrefix("130102,2025,primary,teaching_area_per_student,") && $0.hasSuffix(",0.5,true") })

        let json = try CommandRunner.run(["evaluate", file, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        #expect(object["standard"] as? String == "quality-2017")
        let county = try #require((object["counties"] as? [[String: Any]])?.first)
        #expect(county["verdict"] as? String == "incomplete")
        let stages = try #require(county["stages"] as? [String: Any])
        let primary = try #require(stages["primary"] as? [String: Any])
        #expect(primary["units"] as? Int == 2)
        let indicators = try #require(primary["indicators"] as? [String: [String: Any]])
        #expect(indicators.count == 7)
        for key in ["county_value", "cv", "limit", "pass", "gini", "theil", "mcloone", "min", "max"] {
            #expect(indicators["teaching_area_per_student"]?[key] != nil, "\(key)")
        }
    }

    @Test func badFilesAreRefusedWithEveryLocationAndNothingOnStdout() throws {
        let folder = try CommandRunner.temporaryFolder()
        let file = try CommandRunner.write(Self.lines([
            (",primary,,urban,900,", ",university,,urban,900,"),            // unknown type, row 2
            (",8,6000,9000,", ",8,abc,9000,"),                               // text in a number, row 3
            ("urban,,800,", "urban,,,"),                                     // students missing for the type, row 3
            ("1301020003,西村教学点,teaching_point,1301020001", "1301020002,西村教学点,teaching_point,"), // duplicate code, no parent, row 4
            ("town,300,200,,8,4,25,18", "town,300,0,,8,4,25,18"),            // teachers without students, row 5
            ("rural,40,,,2,,4,,4,,0,,1", "rural,-40,,,2,,4,,4,,0,,1"),       // negative count, row 4
        ]), to: "bad.csv", in: folder)
        let result = try CommandRunner.run(["evaluate", file, "--lang", "en"])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        let locations = result.errorLines.map { line in line.split(separator: ":").prefix(3).joined(separator: ":") }
        for expected in [
            "\(file):2:school_type", "\(file):3:teaching_area", "\(file):4:school_code",
            "\(file):4:parent_school_code", "\(file):4:students_primary", "\(file):3:students_junior",
            "\(file):5:teachers_junior",
        ] {
            #expect(locations.contains(expected), "missing \(expected) in \(result.stderr)")
        }
    }

    @Test func usageErrorsExit64() throws {
        #expect(try CommandRunner.run(["evaluate", "/nonexistent/schools.csv"]).status == 64)
        let folder = try CommandRunner.temporaryFolder()
        let file = try CommandRunner.write(Self.goodCSV, to: "schools.csv", in: folder)
        let badFormat = try CommandRunner.run(["evaluate", file, "--format", "pdf"])
        #expect(badFormat.status == 64)
        #expect(badFormat.stdout.isEmpty)
    }

    @Test func aProvinceStandardFileIsLoadedOrRefusedPrecisely() throws {
        let folder = try CommandRunner.temporaryFolder()
        let file = try CommandRunner.write(Self.goodCSV, to: "schools.csv", in: folder)
        let broken = try CommandRunner.write(#"{"key": "hebei", "name": 3}"#, to: "hebei.json", in: folder)
        let refused = try CommandRunner.run(["evaluate", file, "--standard", broken])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("hebei.json: name: expected a string"))

        let basic = try CommandRunner.run(["evaluate", file, "--standard", "basic-2012", "--format", "csv"])
        // The basic method needs computers and books, which this file lacks: incomplete, not refused.
        #expect(basic.status == 0)
        #expect(basic.text.contains("130102,2025,primary,composite,,"))
    }

    @Test func filtersSelectCountiesAndYears() throws {
        let folder = try CommandRunner.temporaryFolder()
        let other = Self.goodCSV.replacingOccurrences(of: "130102", with: "130103").replacingOccurrences(of: "\n2025,", with: "\n2024,")
        let both = Self.goodCSV + other.split(separator: "\n").dropFirst().joined(separator: "\n") + "\n"
        let file = try CommandRunner.write(both, to: "schools.csv", in: folder)
        func counties(_ extra: [String]) throws -> [String] {
            let out = try CommandRunner.run(["evaluate", file, "--format", "csv"] + extra)
            return Array(Set(out.text.split(separator: "\n").dropFirst().map { String($0.prefix(11)) })).sorted()
        }
        #expect(try counties([]) == ["130102,2025", "130103,2024"])
        #expect(try counties(["--county", "130103"]) == ["130103,2024"])
        #expect(try counties(["--year", "2025"]) == ["130102,2025"])
    }

    @Test func englishUTF8AndChineseGB18030GiveByteIdenticalJSON() throws {
        let folder = try CommandRunner.temporaryFolder()
        let english = folder.appendingPathComponent("english").path
        let chinese = folder.appendingPathComponent("chinese").path
        #expect(try CommandRunner.run(["demo", "--out", english, "--seed", "11", "--counties", "3", "--headers", "english"]).status == 0)
        #expect(try CommandRunner.run(["demo", "--out", chinese, "--seed", "11", "--counties", "3", "--headers", "chinese", "--encoding", "gb18030"]).status == 0)
        let gb = try Data(contentsOf: URL(fileURLWithPath: chinese + "/schools.csv"))
        #expect(String(data: gb, encoding: .utf8) == nil, "the Chinese file really is GB18030")

        let a = try CommandRunner.run(["evaluate", english + "/schools.csv", "--facts", english + "/facts.csv", "--format", "json"])
        let b = try CommandRunner.run(["evaluate", chinese + "/schools.csv", "--facts", chinese + "/facts.csv", "--format", "json"])
        #expect(a.status == 0 && b.status == 0, "\(a.stderr)\(b.stderr)")
        #expect(a.stdout.count > 10_000)
        #expect(a.stdout == b.stdout)
    }

    @Test func demoIsReproducibleAndGivesEveryVerdictAField() throws {
        let folder = try CommandRunner.temporaryFolder()
        let first = folder.appendingPathComponent("a").path
        let second = folder.appendingPathComponent("b").path
        _ = try CommandRunner.run(["demo", "--out", first, "--seed", "5", "--counties", "40"])
        _ = try CommandRunner.run(["demo", "--out", second, "--seed", "5", "--counties", "40"])
        let a = try Data(contentsOf: URL(fileURLWithPath: first + "/schools.csv"))
        #expect(a == (try Data(contentsOf: URL(fileURLWithPath: second + "/schools.csv"))))
        #expect(try Data(contentsOf: URL(fileURLWithPath: first + "/facts.csv")) == (try Data(contentsOf: URL(fileURLWithPath: second + "/facts.csv"))))

        let json = try CommandRunner.run(["evaluate", first + "/schools.csv", "--facts", first + "/facts.csv", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        let counties = try #require(object["counties"] as? [[String: Any]])
        #expect(counties.count == 40)
        #expect(Set(counties.compactMap { $0["verdict"] as? String }).contains("fail"))
    }

    @Test func helpDescribesTheContract() throws {
        let help = try CommandRunner.run(["evaluate", "--help"])
        #expect(help.status == 0)
        for text in ["--standard", "--facts", "--year", "--county", "--format", "--lang", "65"] {
            #expect(help.text.contains(text), "\(text)")
        }
    }
}
