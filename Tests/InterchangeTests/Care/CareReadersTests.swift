import Domain
@testable import Interchange
import Foundation
import Testing

/// The care files (儿童登记, 控辍保学台账, 巩固率): both headers, CSV and XLSX, the values registers
/// actually write, every rule refused at its cell, and the checks against the schools and the
/// register.
@Suite struct CareReadersTests {
    static let children = [
        Child(id: "G341102201203050012", name: "张小明", gender: .male, birthDate: CalendarDate(year: 2012, month: 3, day: 5)!,
              countyCode: "341102", year: 2026, schoolCode: "S1", grade: 8, classId: "8-2", leftBehind: .bothParentsAway,
              guardian: "张大爷", guardianPhone: "138 0000 0000", address: "城关镇一村", partner: "T1"),
        Child(id: "L0002", name: "欧阳娜娜", gender: .female, birthDate: CalendarDate(year: 2016, month: 2, day: 29)!, countyCode: "341102",
              year: 2026, schoolCode: "S2", grade: 4, migrant: true, disability: .hearing, placement: .regularClass, poverty: true),
        Child(id: "L0003", name: "李四", birthDate: CalendarDate(year: 2014, month: 9, day: 1)!, countyCode: "341102", year: 2026,
              disability: .intellectual, placement: .homeTeaching, orphan: true),
    ]

    static let chinese = """
        县区代码,年度,学籍号,姓名,性别,出生日期,学校标识码,年级,班级,是否留守儿童,是否随迁子女,残疾类型,安置方式,家庭经济困难,孤儿,监护人,联系电话,家庭住址,结对教师
        341102,2026,G341102201203050012,张小明,男,2012/3/5,S1,初二,8-2,2,否,,,,,张大爷,138 0000 0000,城关镇一村,T1
        341102,2026,L0002,欧阳娜娜,女,2016年2月29日,S2,四年级,,0,是,听力残疾,随班就读,1,0,,,,
        341102,2026,L0003,李四,,20140901,,,,,,智力,送教上门,,是,,,,

        """

    static let schools: [SchoolYear] = [("S1", SchoolType.junior), ("S2", .primary)].map { code, type in
        SchoolYear(year: 2026, countyCode: "341102", schoolCode: code, schoolName: code, type: type, locality: .rural)
    }

    @Test func theRegisterReadsAsBureausWriteIt() throws {
        let file = try ChildrenReader().read(Array(Self.chinese.utf8), file: "c.csv")
        #expect(file.children == Self.children)
        #expect(CareInputCheck().problems(children: file, schools: Self.schools).isEmpty)
    }

    @Test(arguments: HeaderStyle.allCases)
    func theWritersFileReadsBackAlsoAsAWorkbook(headers: HeaderStyle) throws {
        let csv = try ChildrenWriter(headers: headers).write(Self.children)
        #expect(try ChildrenReader().read(csv, file: "c.csv").children == Self.children)
        let book = try ZoneReadersTests.workbook(csv, sheet: "儿童登记")
        #expect(try ChildrenReader().read(book, file: "c.xlsx").children == Self.children)
    }

    /// The four: an impossible birth date, an unknown category, a duplicate child id
    /// (read), an unknown school (checked against the schools) — and the other rules.
    @Test func badRegisterRowsAreRefusedAtTheirCells() throws {
        let errors = Self.errors(ChildrenReader(language: .english), """
            county_code,year,child_id,name,birth_date,school_code,grade,left_behind,disability,placement,guardian_phone
            341102,2026,A1,甲,2013-02-29,S1,8,,,,
            341102,2026,A2,乙,2012-01-01,S1,8,3,盲,,
            341102,2026,A1,丙,2012-01-01,S1,8,,,,
            341102,2026,A4,丁,2027-01-01,,,,,随班就读,12345
            341102,2026,A5,戊,2012-01-01,S1,,,,未入学,
            341102,2026,A6,己,1990-01-01,,,,视力,,
            341102,2026,A7,庚,2012-01-01,S1,,,,送教上门,
            """)
        #expect(errors == [
            "c.csv:2:birth_date: '2013-02-29' is not a date of the calendar: write it as 2012-03-05",
            "c.csv:3:left_behind: unknown value '3'; accepted: no (否), one_parent (单亲外出), both_parents (双亲外出)",
            "c.csv:3:disability: unknown value '盲'; accepted: visual (视力), hearing (听力), speech (言语), physical (肢体), intellectual (智力), mental (精神), multiple (多重)",
            "c.csv:4:child_id: duplicate child_id in this county and year, first on row 2",
            "c.csv:5:birth_date: birth date 2027-01-01 is impossible: it must fall from 1996 to 2026",
            "c.csv:5:placement: placement is for disabled children (or not_enrolled): give the disability first",
            "c.csv:5:guardian_phone: guardian_phone '12345' must be 7 to 20 digits (with +, -, spaces or brackets)",
            "c.csv:6:placement: a child not enrolled (not_enrolled) has no school_code",
            "c.csv:7:birth_date: birth date 1990-01-01 is impossible: it must fall from 1996 to 2026",
            "c.csv:8:placement: placement is for disabled children (or not_enrolled): give the disability first",
        ])
        let file = try ChildrenReader(language: .english).read(Array("""
            county_code,year,child_id,name,birth_date,school_code,grade
            341102,2026,B1,甲,2012-01-01,S9,8
            341102,2026,B2,乙,2012-01-01,S2,8
            341102,2025,B3,丙,2012-01-01,S1,8

            """.utf8), file: "c.csv")
        #expect(CareInputCheck(language: .english).problems(children: file, schools: Self.schools).map(\.description) == [
            "c.csv:2:school_code: school_code S9 is not a school of county 341102 in 2026",
            "c.csv:3:grade: school S2 has no grade 8 (not one of its stages)",
            "c.csv:4:school_code: school_code S1 is not a school of county 341102 in 2025",
        ])
    }

    /// A masked register keeps no full name, id, phone or address.
    @Test func theMaskedRegisterHidesWhoTheChildrenAre() throws {
        let masked = Self.children.map(\.masked)
        #expect(masked.map(\.name) == ["张**", "欧***", "李*"])
        #expect(masked.map(\.id) == ["****0012", "****0002", "****0003"])
        #expect(masked.allSatisfy { $0.guardian == nil && $0.guardianPhone == nil && $0.address == nil && $0.birthDate.month == 1 })
        let text = String(decoding: try ChildrenWriter().write(masked), as: UTF8.self)
        for secret in ["张小明", "欧阳娜娜", "G341102201203050012", "138 0000 0000", "城关镇一村", "张大爷", "2012-03-05"] {
            #expect(!text.contains(secret))
        }
        #expect(masked.map(\.disability) == Self.children.map(\.disability))
    }

    @Test func theDropoutLedgerGroupsVisitsIntoCases() throws {
        let file = try DropoutsReader().read(Array("""
            县区代码,学籍号,学校标识码,状态,发现日期,结案日期,辍学原因,走访日期,走访人,走访结果
            341102,A1,S1,劝返中,2026-09-10,,厌学,2026-09-20,王老师,家长同意督促
            341102,A2,S1,已复学,2026-09-01,2026-10-08,外出打工,,,
            341102,A1,,,,,,2026-09-12,村干部,未见到本人
            341102,A1,S1,劝返中,2026-09-10,,,2026-10-01,校长,承诺返校

            """.utf8), file: "d.csv")
        let cases = file.cases
        #expect(cases.map(\.childID) == ["A1", "A2"])
        #expect(cases[0].visits.map(\.visitor) == ["村干部", "王老师", "校长"])
        #expect(cases[0].status == .persuading && !cases[0].isClosed && cases[0].reason == "厌学")
        #expect(cases[1].isClosed && cases[1].closed == CalendarDate(year: 2026, month: 10, day: 8))
        let again = try DropoutsReader().read(try DropoutsWriter().write(cases), file: "d.csv").cases
        #expect(again == cases)
        #expect(CareInputCheck(language: .english).problems(dropouts: file, children: Self.children, schools: Self.schools).map(\.description) == [
            "d.csv:2:学籍号: the children register has no child_id A1",
            "d.csv:3:学籍号: the children register has no child_id A2",
            "d.csv:4:学籍号: the children register has no child_id A1",
            "d.csv:5:学籍号: the children register has no child_id A1",
        ])
    }

    @Test func badLedgerRowsAreRefusedAtTheirCells() {
        let errors = Self.errors(DropoutsReader(language: .english), """
            county_code,child_id,status,opened,closed,visit_date,visitor,outcome
            341102,A1,已复学,2026-09-10,,,,
            341102,A2,辍学,2026-09-10,2026-09-11,2026-09-01,王,无
            341102,A3,劝返中,2026-09-10,,2026-09-12,王,
            341102,A4,,,,2026-09-12,王,好
            341102,A5,劝返中,2026-09-10,,,,
            341102,A5,辍学,,,,,
            """, file: "d.csv")
        #expect(errors == [
            "d.csv:2:closed: a case returned needs its closed date",
            "d.csv:3:closed: a case dropped_out is open: leave closed empty",
            "d.csv:3:visit_date: the date is before the case was opened (2026-09-10)",
            "d.csv:4:outcome: a visit needs visit_date, visitor and outcome together",
            "d.csv:5:status: required value is empty",
            "d.csv:5:opened: required value is empty",
            "d.csv:7:status: the case (school, status, dates, reason) differs from row 6; later rows may give the visit alone",
        ])
    }

    @Test func cohortsAreCountedAndBounded() throws {
        let file = try CohortsReader().read(Array("""
            县区代码,学校标识码,毕业年度,三年前七年级入学人数,毕业生数,转入人数,转出人数,死亡人数
            341102,S1,2026,200,190,4,5,1
            341102,S3,2026,100,,2,4,

            """.utf8), file: "k.csv")
        #expect(file.cohorts == [
            CohortRecord(countyCode: "341102", schoolCode: "S1", year: 2026, entrants: 200, graduates: 190, transfersIn: 4, transfersOut: 5, deaths: 1),
            CohortRecord(countyCode: "341102", schoolCode: "S3", year: 2026, entrants: 100, graduates: nil, transfersIn: 2, transfersOut: 4),
        ])
        #expect(CareInputCheck(language: .english).problems(cohorts: file, schools: Self.schools).map(\.description) == [
            "k.csv:3:学校标识码: school_code S3 is not a school of county 341102 in 2026",
        ])
        #expect(Self.errors(CohortsReader(language: .english), """
            county_code,school_code,year,grade7_entrants,graduates,transfers_in,transfers_out,deaths
            341102,S1,2026,100,99,0,1,1
            341102,S2,2026,10,,0,8,3
            341102,S1,2026,100,,,,
            """, file: "k.csv") == [
            "k.csv:2:graduates: graduates, transfers and deaths must leave the cohort between 0 and its entrants plus transfers in",
            "k.csv:3:transfers_out: graduates, transfers and deaths must leave the cohort between 0 and its entrants plus transfers in",
            "k.csv:4:school_code: duplicate school and graduation year, first on row 2",
        ])
    }

    static func errors(_ reader: some CareFileReading, _ csv: String, file: String = "c.csv") -> [String]? {
        do {
            try reader.readAny(Array(csv.utf8), file: file)
            return nil
        } catch {
            return error.errors.map(\.description)
        }
    }
}

protocol CareFileReading {
    func readAny(_ bytes: [UInt8], file: String) throws(DataFileError)
}

extension ChildrenReader: CareFileReading {
    func readAny(_ bytes: [UInt8], file: String) throws(DataFileError) { _ = try read(bytes, file: file) }
}

extension DropoutsReader: CareFileReading {
    func readAny(_ bytes: [UInt8], file: String) throws(DataFileError) { _ = try read(bytes, file: file) }
}

extension CohortsReader: CareFileReading {
    func readAny(_ bytes: [UInt8], file: String) throws(DataFileError) { _ = try read(bytes, file: file) }
}
