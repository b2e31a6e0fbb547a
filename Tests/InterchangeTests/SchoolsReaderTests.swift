import Domain
import Foundation
import Testing
@testable import Interchange

@Suite struct SchoolsReaderTests {
    /// The schools of `Fixtures/schools-*.csv`.
    static let fixtureSchools = [
        SchoolYear(
            year: 2025, countyCode: "110101", countyName: "东城区", schoolCode: "2111000001", schoolName: "东城区第一实验小学",
            type: .primary, locality: .urban, boarding: false, coordinate: Coordinate(longitude: 116.4165, latitude: 39.9289),
            primary: StageRecord(students: 1200, classes: 30, teachers: 80, qualifiedTeachers: 76, backboneTeachers: 12, peArtTeachers: 9, seniorTitleTeachers: 40),
            facilities: Facilities(teachingArea: 8200.5, sportsArea: 6400, equipmentValue: 3_250_000.75, multimediaRooms: 30, computers: 210, books: 48000)),
        SchoolYear(
            year: 2025, countyCode: "110101", countyName: "东城区", schoolCode: "2111000002", schoolName: "育英学校,\"东校区\"",
            type: .nineYear, locality: .urban, ownership: .private, boarding: true,
            primary: StageRecord(students: 600, classes: 15, teachers: 42, qualifiedTeachers: 40, backboneTeachers: 6, peArtTeachers: 5),
            junior: StageRecord(students: 450, classes: 12, teachers: 38, qualifiedTeachers: 35, backboneTeachers: 5, peArtTeachers: 4),
            facilities: Facilities(teachingArea: 9000, sportsArea: 7000, equipmentValue: 2_100_000, multimediaRooms: 27)),
        SchoolYear(
            year: 2025, countyCode: "110101", schoolCode: "2111000003", schoolName: "北沟教学点", type: .teachingPoint,
            parentSchoolCode: "2111000001", locality: .rural,
            primary: StageRecord(students: 18, classes: 3, teachers: 3, qualifiedTeachers: 2, backboneTeachers: 0, peArtTeachers: 0),
            facilities: Facilities(teachingArea: 240, sportsArea: 300, equipmentValue: 45000.5, multimediaRooms: 3)),
        SchoolYear(
            year: 2025, countyCode: "110101", schoolCode: "2111000004", schoolName: "第二中学\n(初中部)", type: .completeSecondary,
            locality: .town, junior: StageRecord(students: 900, classes: 20, teachers: 75, qualifiedTeachers: 75, backboneTeachers: 10, peArtTeachers: 8),
            seniorStudents: 700, facilities: Facilities(teachingArea: 15000, sportsArea: 12000, equipmentValue: 0.1, multimediaRooms: 40)),
        SchoolYear(
            year: 2025, countyCode: "110101", schoolCode: "2111000005", schoolName: "启智特殊教育学校", type: .special,
            locality: .urban, facilities: Facilities(teachingArea: 2000, sportsArea: 800, equipmentValue: 600_000, multimediaRooms: 8)),
    ]

    @Test(arguments: [
        "schools-en.csv",          // UTF-8, English headers and values, quoted cells, CRLF
        "schools-zh-gb18030.csv",  // GB18030, Chinese headers and values, columns reversed
        "schools-bom.csv",         // UTF-8 with BOM, padded Chinese headers, upper-case English values, LF
    ])
    func fixturesReadTheSameSchools(name: String) throws {
        let file = try SchoolsReader().read(CSVFixtures.bytes(name), file: name)
        #expect(file.schools == Self.fixtureSchools)
        #expect(file.warnings.isEmpty)
    }

    @Test(arguments: [
        // Cell types and ranges.
        ([["students_primary": "三百"]], ["t.csv:2:students_primary: '三百' is not a number"]),
        ([["classes_primary": "10.5"]], ["t.csv:2:classes_primary: '10.5' is not a whole number"]),
        ([["teachers_primary": "-1"]], ["t.csv:2:teachers_primary: must not be negative"]),
        ([["teaching_area": "-3.5"]], ["t.csv:2:teaching_area: must not be negative"]),
        ([["multimedia_rooms": "2147483648"]], ["t.csv:2:multimedia_rooms: too large (at most 2147483647)"]),
        ([["year": "1900"]], ["t.csv:2:year: year 1900 is not between 1949 and 2100"]),
        ([["county_code": "11010"]], ["t.csv:2:county_code: county code '11010' is not 6 digits"]),
        ([["school_name": ""]], ["t.csv:2:school_name: required value is empty"]),
        ([["school_type": "college"]], [
            "t.csv:2:school_type: unknown value 'college'; accepted: primary (小学), junior (初级中学), nine_year (九年一贯制学校), twelve_year (十二年一贯制学校), complete_secondary (完全中学), teaching_point (教学点), special (特殊教育学校)",
        ]),
        ([["longitude": "200", "latitude": "30"]], ["t.csv:2:longitude: must be between -180 and 180"]),
        ([["longitude": "116.4"]], ["t.csv:2:latitude: fill both longitude and latitude, or neither"]),
        // Stages and teachers.
        ([["students_primary": "0"]], ["t.csv:2:teachers_primary: teachers without students: students_primary is 0 or empty"]),
        ([["teachers_junior": "2"]], ["t.csv:2:teachers_junior: teachers without students: students_junior is 0 or empty"]),
        ([["qualified_primary": "25", "pe_art_primary": "21"]], [
            "t.csv:2:qualified_primary: greater than teachers_primary", "t.csv:2:pe_art_primary: greater than teachers_primary",
        ]),
        ([["school_type": "nine_year"]], ["students_junior", "classes_junior", "teachers_junior", "qualified_junior", "backbone_junior", "pe_art_junior"].map {
            "t.csv:2:\($0): nine_year schools must report \($0)"
        }),
        // Codes and parents.
        ([[:], ["school_name": "又一小"]], ["t.csv:3:school_code: duplicate school_code in 2025, first on row 2"]),
        ([[:], ["year": "2024"]], []),
        ([["school_code": "T1", "school_type": "teaching_point"]], [teachingPointError(row: 2)]),
        ([["school_code": "T1", "school_type": "teaching_point", "parent_school_code": "T1"]], [teachingPointError(row: 2)]),
        ([["county_code": "110102"], ["school_code": "T1", "school_type": "teaching_point", "parent_school_code": "S1"]], [teachingPointError(row: 3)]),
        ([["year": "2024"], ["school_code": "T1", "school_type": "teaching_point", "parent_school_code": "S1"]], [teachingPointError(row: 3)]),
        ([juniorSchool, ["school_code": "T1", "school_type": "teaching_point", "parent_school_code": "J1"]], [teachingPointError(row: 3)]),
        // The parent may come after its teaching point.
        ([["school_code": "T1", "school_type": "teaching_point", "parent_school_code": "S1"], [:]], []),
    ] as [([[String: String]], [String])])
    func rowRules(rows: [[String: String]], expected: [String]) {
        #expect(CSVFixtures.schoolErrors(CSVFixtures.schools(rows)) == expected)
    }

    private static let juniorSchool = [
        "school_code": "J1", "school_type": "junior", "students_primary": "", "classes_primary": "", "teachers_primary": "",
        "qualified_primary": "", "backbone_primary": "", "pe_art_primary": "", "students_junior": "300",
        "classes_junior": "8", "teachers_junior": "25", "qualified_junior": "20", "backbone_junior": "3", "pe_art_junior": "2",
    ]

    private static func teachingPointError(row: Int) -> String {
        "t.csv:\(row):parent_school_code: teaching point without a parent: parent_school_code must be another school of the same year and county with a primary stage"
    }

    @Test func headerProblems() {
        let csv = """
        year,county_code,school_code,school_name,学校名称,school_type,teaching_area,sports_area,equipment_value,multimedia_rooms
        2025,110101,S9,九小,九小,special,1,1,1,1

        """
        #expect(CSVFixtures.schoolErrors(csv) == [
            "t.csv:1:学校名称: duplicate of column 4",
            "t.csv:1:locality: required column is missing",
        ])
    }

    @Test func unknownColumnsAndParentsOfOtherSchoolsAreWarnings() throws {
        let csv = CSVFixtures.schools([["parent_school_code": "S0"]]).replacingOccurrences(of: "multimedia_rooms", with: "multimedia_rooms,remark")
        let file = try SchoolsReader(language: .english).read(Array(csv.utf8), file: "t.csv")
        #expect(file.schools.count == 1)
        #expect(file.warnings == [
            "t.csv:1:remark: unknown column, ignored",
            "t.csv:2:parent_school_code: only teaching points have a parent school",
        ])
    }

    @Test func everyProblemIsListedByRowThenColumn() {
        // Row 3 spans two lines; the teaching point's parent is checked after all rows.
        let csv = CSVFixtures.schools([
            ["school_code": "T1", "school_type": "teaching_point", "parent_school_code": "X", "teachers_primary": "x"],
            ["school_name": "\"二\n小\"", "school_code": "S2", "year": "20x5", "locality": "mountain"],
            ["school_code": "S3", "county_code": "1101011", "multimedia_rooms": "1,5"],
        ])
        #expect(CSVFixtures.schoolErrors(csv) == [
            "t.csv:2:parent_school_code: teaching point without a parent: parent_school_code must be another school of the same year and county with a primary stage",
            "t.csv:2:teachers_primary: 'x' is not a number",
            "t.csv:3:year: '20x5' is not a number",
            "t.csv:3:locality: unknown value 'mountain'; accepted: urban (城区), town (镇区), rural (乡村)",
            "t.csv:4:county_code: county code '1101011' is not 6 digits",
            "t.csv:4:26: more cells than the 25 header columns",
        ])
    }

    @Test func csvSyntaxErrorsStopReadingButKeepEarlierProblems() {
        let csv = CSVFixtures.schools([["year": "x"], ["school_name": "\"open"], ["year": "y"]])
        #expect(CSVFixtures.schoolErrors(csv) == [
            "t.csv:2:year: 'x' is not a number",
            "t.csv:3:school_name: unterminated quoted cell",
        ])
    }

    @Test func emptyFile() {
        #expect(CSVFixtures.schoolErrors("") == ["t.csv:1:1: empty file: no header row"])
    }

    @Test func blankRowsAreSkippedButCounted() {
        let csv = CSVFixtures.schools([[:]]) + ",,,\n\n" + CSVFixtures.schools([["school_code": "S2", "year": "x"]]).split(separator: "\n")[1]
        #expect(CSVFixtures.schoolErrors(csv) == ["t.csv:5:year: 'x' is not a number"])
    }

    @Test func emptyOptionalCellsAreNotReported() throws {
        let file = try SchoolsReader().read(Array(CSVFixtures.schools([["backbone_primary": "0"]]).utf8), file: "t.csv")
        let school = try #require(file.schools.first)
        #expect(school.primary.backboneTeachers == 0)
        #expect(school.primary.seniorTitleTeachers == nil)
        #expect(school.coordinate == nil)
        #expect(school.ownership == .public)
    }

    @Test func chineseMessagesNameTheRule() {
        let csv = """
        年度,县区代码,学校标识码,学校名称,办学类型,城乡类型,小学在校生数,小学班数,小学专任教师数,小学高于规定学历教师数,小学县级及以上骨干教师数,小学体育艺术专任教师数,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,网络多媒体教室数
        2025,110101,S1,一贯制,九年一贯制学校,城区,300,10,20,18,4,3,1000,800,-5,10

        """
        #expect(CSVFixtures.schoolErrors(csv, language: .chinese) == [
            "t.csv:2:教学仪器设备值: 不能为负数",
            "t.csv:2:students_junior: 九年一贯制学校必须填写初中在校生数",
            "t.csv:2:classes_junior: 九年一贯制学校必须填写初中班数",
            "t.csv:2:teachers_junior: 九年一贯制学校必须填写初中专任教师数",
            "t.csv:2:qualified_junior: 九年一贯制学校必须填写初中高于规定学历教师数",
            "t.csv:2:backbone_junior: 九年一贯制学校必须填写初中县级及以上骨干教师数",
            "t.csv:2:pe_art_junior: 九年一贯制学校必须填写初中体育艺术专任教师数",
        ])
    }

    @Test func columnsFollowTheDataFormat() {
        let keys = SchoolColumn.allCases.map(\.key)
        #expect(keys.count == 47 && Set(keys).count == 47)
        #expect(Set(SchoolColumn.allCases.map(\.chineseHeader)).count == 47)
        // Appended after training_funds, so earlier files keep their column order.
        #expect(keys.suffix(9) == ["training_funds", "capacity_primary", "capacity_junior", "graduates", "eligible",
                                   "boarders", "special_pupils", "music_room_area", "art_room_area"])
        #expect(SchoolColumn.graduates.chineseHeader == "初中应届毕业生数" && SchoolColumn.eligible.chineseHeader == "指标到校符合条件人数")
        #expect(SchoolColumn.capacityPrimary.chineseHeader == "小学学位数" && SchoolColumn.capacityJunior.chineseHeader == "初中学位数")
        #expect(SchoolColumn.allCases.filter(\.isRequired).map(\.key) == [
            "year", "county_code", "school_code", "school_name", "school_type", "locality",
            "teaching_area", "sports_area", "equipment_value", "multimedia_rooms",
        ])
    }

    /// 学位数: optional counts, read into each stage's record, written back, refused when
    /// negative or fractional; a file without the columns reads as not reported.
    @Test func placesAreOptionalCountsOfEachStage() throws {
        var school = SchoolYear(
            year: 2025, countyCode: "130349", schoolCode: "S1", schoolName: "一小", type: .nineYear, locality: .urban,
            primary: StageRecord(students: 900, classes: 20, teachers: 50, qualifiedTeachers: 48, backboneTeachers: 5, peArtTeachers: 6, capacity: 950),
            junior: StageRecord(students: 600, classes: 12, teachers: 50, qualifiedTeachers: 48, backboneTeachers: 5, peArtTeachers: 6),
            facilities: Facilities(teachingArea: 5000, sportsArea: 9000, equipmentValue: 2e6, multimediaRooms: 30))
        let written = String(decoding: try SchoolsWriter(headers: .english).write([school]), as: UTF8.self)
        let read = try SchoolsReader().read(Array(written.utf8), file: "t.csv").schools
        #expect(read == [school] && read[0].primary.capacity == 950 && read[0].junior.capacity == nil)
        school.junior.capacity = 0
        #expect(try SchoolsReader().read(try SchoolsWriter().write([school]), file: "t.csv").schools == [school])

        let lines = written.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false)
        var cells = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[header.count - 8] = "-5"
        cells[header.count - 7] = "12.5"
        #expect(CSVFixtures.schoolErrors(lines[0] + "\n" + cells.joined(separator: ",") + "\n") == [
            "t.csv:2:capacity_primary: must not be negative",
            "t.csv:2:capacity_junior: '12.5' is not a whole number",
        ])
        // The columns of version 1 alone: not reported.
        let old = lines.map { $0.split(separator: ",", omittingEmptySubsequences: false).dropLast(8).joined(separator: ",") }
        let oldRows = try SchoolsReader().read(Array(old.joined(separator: "\n").utf8), file: "t.csv").schools
        #expect(oldRows.count == 1 && oldRows[0].primary.capacity == nil && oldRows[0].junior.capacity == nil)
    }
}
