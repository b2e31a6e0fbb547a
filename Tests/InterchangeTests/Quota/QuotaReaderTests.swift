import Domain
@testable import Interchange
import Foundation
import Testing

/// The `quota` file (优质高中招生名额分配到校): both headers, CSV and XLSX, the share as a
/// fraction or a percentage, every rule refused at its cell, and the checks against the
/// schools it is shared among.
@Suite struct QuotaReaderTests {
    static let quotas = [
        HighSchoolQuota(countyCode: "430102", highSchool: "一中", year: 2026, totalPlaces: 600, allocatedShare: 0.6, ruralWeight: 0.2),
        HighSchoolQuota(countyCode: "430102", highSchool: "二中", year: 2026, totalPlaces: 450, allocatedShare: 0.5, minimumPerSchool: 2),
        HighSchoolQuota(highSchool: "市实验高中", year: 2026, totalPlaces: 1_200, allocatedShare: 0.55),
    ]

    static let chinese = """
        县区代码,高中学校,年度,招生计划数,分配比例,每校最少名额,农村学校倾斜系数
        430102,一中,2026,600,60%,,0.2
        430102,二中,2026,450,0.5,2,
        ,市实验高中,2026,"1,200",55％,,

        """

    @Test func quotasInChineseAndEnglishHeaders() throws {
        let chinese = try QuotaReader().read(Array(Self.chinese.utf8), file: "q.csv")
        #expect(chinese.quotas == Self.quotas)
        #expect(chinese.content.rows == [2, 3, 4])
        let english = try QuotaReader(language: .english).read(Array("""
            rural_weight,high_school,year,total_places,allocated_share,county_code,min_per_school
            0.2,一中,2026,600,0.6,430102,
            ,二中,2026,450,50%,430102,2
            ,市实验高中,2026,1200,0.55,,

            """.utf8), file: "q.csv")
        #expect(english.quotas == Self.quotas)
    }

    @Test(arguments: HeaderStyle.allCases)
    func theWritersFileReadsBackAlsoAsAWorkbook(headers: HeaderStyle) throws {
        let csv = try QuotaWriter(headers: headers).write(Self.quotas)
        #expect(try QuotaReader().read(csv, file: "q.csv").quotas == Self.quotas)
        let book = try ZoneReadersTests.workbook(csv, sheet: "指标到校")
        #expect(try QuotaReader().read(book, file: "q.xlsx").quotas == Self.quotas)
    }

    @Test func everyQuotaRuleIsRefusedAtItsCell() {
        let errors = ZoneReadersTests.errors(QuotaReader(language: .english), """
            county_code,high_school,year,total_places,allocated_share,min_per_school,rural_weight
            430102,一中,2026,600,60,,
            430102,二中,2026,100001,1.5,1001,10.5
            430102,一中,2026,10,120%,,
            43010,,1800,-1,,2.5,x
            """, file: "q.csv")
        #expect(errors == [
            "q.csv:2:allocated_share: allocated_share '60' must be a fraction from 0 to 1 or a percentage from 0% to 100% (e.g. 0.6 or 60%)",
            "q.csv:3:total_places: total_places must be at most 100000",
            "q.csv:3:allocated_share: allocated_share '1.5' must be a fraction from 0 to 1 or a percentage from 0% to 100% (e.g. 0.6 or 60%)",
            "q.csv:3:min_per_school: min_per_school must be at most 1000",
            "q.csv:3:rural_weight: rural_weight must be at most 10 (0.2 counts a rural school's pupils 1.2 times)",
            "q.csv:4:high_school: duplicate county, high school and year, first on row 2",
            "q.csv:4:allocated_share: allocated_share '120%' must be a fraction from 0 to 1 or a percentage from 0% to 100% (e.g. 0.6 or 60%)",
            "q.csv:5:county_code: county code '43010' is not 6 digits",
            "q.csv:5:high_school: required value is empty",
            "q.csv:5:year: year 1800 is not between 1949 and 2100",
            "q.csv:5:total_places: must not be negative",
            "q.csv:5:allocated_share: required value is empty",
            "q.csv:5:min_per_school: '2.5' is not a whole number",
            "q.csv:5:rural_weight: 'x' is not a number",
        ])
    }

    @Test func theWholeFileIsBounded() {
        let rows = (1...11).map { "一中\($0),2026,100000,0.5" }.joined(separator: "\n")
        let errors = ZoneReadersTests.errors(QuotaReader(), "高中学校,年度,招生计划数,分配比例\n" + rows + "\n", file: "q.csv")
        #expect(errors == ["q.csv:12:招生计划数: 文件中各高中招生计划数合计不能超过1000000"])
    }

    // MARK: - Against the schools

    static func junior(_ code: String, county: String = "430102", year: Int = 2026, graduates: Int?, eligible: Int? = nil,
                       locality: Locality = .urban, type: SchoolType = .junior) -> SchoolYear {
        var school = SchoolYear(year: year, countyCode: county, schoolCode: code, schoolName: "学校\(code)", type: type, locality: locality,
                                junior: StageRecord(students: (graduates ?? 100) * 3))
        school.graduates = graduates
        school.eligibleGraduates = eligible
        return school
    }

    @Test func everyProblemAgainstTheSchoolsIsAtTheQuotaRow() throws {
        let file = try QuotaReader(language: .english).read(Array("""
            county_code,high_school,year,total_places,allocated_share,min_per_school
            430102,一中,2026,100,0.5,
            430103,二中,2026,100,0.5,
            430104,三中,2026,100,0.5,
            430102,四中,2026,100,0.5,30
            430105,五中,2026,100,0.5,

            """.utf8), file: "q.csv")
        let schools = [
            Self.junior("J1", graduates: 300), Self.junior("J2", graduates: 100, locality: .rural),
            Self.junior("P1", graduates: nil, type: .primary),                       // no junior stage: not counted
            Self.junior("K1", county: "430104", graduates: nil), Self.junior("K2", county: "430104", graduates: 80),
            Self.junior("L1", county: "430105", graduates: 0),
        ]
        let errors = QuotaInputCheck(language: .english).problems(quotas: file, schools: schools).map(\.description)
        #expect(errors == [
            "q.csv:3:year: county 430103 has no school with a junior stage in 2026: the places cannot be shared",
            "q.csv:4:year: these junior schools have no graduates (初中应届毕业生数), so the places cannot be shared: 学校K1（K1）",
            "q.csv:5:min_per_school: the minimum for each of 2 schools adds up to more than the 50 places allocated",
            "q.csv:6:total_places: 50 places to share but no school has anyone eligible",
        ])
        let county = QuotaInputCheck().problems(quotas: file, county: "430102", year: 2025).map(\.description)
        #expect(county.count == 8)
        #expect(county[0] == "q.csv:2:year: 年度2026不是所选年度2025：名额按所选年度的初中应届毕业生分配")
        #expect(county[1] == "q.csv:3:county_code: 县区代码430103不是本县（430102）；本县的名额分配只含本县的行（或留空）")
    }

    @Test func eligibleGraduatesAreReadAndNoMoreThanTheGraduates() throws {
        var school = SchoolYear(
            year: 2026, countyCode: "430102", schoolCode: "J1", schoolName: "一初中", type: .junior, locality: .urban,
            junior: StageRecord(students: 900, classes: 20, teachers: 70, qualifiedTeachers: 68, backboneTeachers: 7, peArtTeachers: 8),
            facilities: Facilities(teachingArea: 5000, sportsArea: 9000, equipmentValue: 2e6, multimediaRooms: 30))
        school.graduates = 300
        school.eligibleGraduates = 280
        let written = try SchoolsWriter(headers: .english).write([school])
        #expect(try SchoolsReader().read(written, file: "s.csv").schools == [school])
        let text = String(decoding: written, as: UTF8.self)
        #expect(text.contains(",300,280"))
        let errors = CSVFixtures.schoolErrors(text.replacingOccurrences(of: ",300,280", with: ",300,301"))
        #expect(errors == ["t.csv:2:eligible: greater than graduates"])
        // Boarders and 随班就读 pupils are part of the school's pupils.
        school.boarders = 900
        school.specialPupils = 900
        let full = String(decoding: try SchoolsWriter(headers: .english).write([school]), as: UTF8.self)
        #expect(try SchoolsReader().read(Array(full.utf8), file: "s.csv").schools == [school])
        let over = full.replacingOccurrences(of: ",300,280,900,900,", with: ",300,280,901,901,")
        #expect(CSVFixtures.schoolErrors(over) == ["t.csv:2:boarders: greater than the school's students (900)",
                                                  "t.csv:2:special_pupils: greater than the school's students (900)"])
    }
}

extension QuotaReader: ZoneFileReading {
    func readAny(_ bytes: [UInt8], file: String) throws(DataFileError) { _ = try read(bytes, file: file) }
}
