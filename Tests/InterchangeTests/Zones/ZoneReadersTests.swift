import Domain
@testable import Interchange
import Spreadsheet
import Testing

/// The files of enrollment zoning and the forecast (居住片区, distances, 分年级在校生, 出生人口):
/// good files in Chinese and English headers, CSV and XLSX; every rule refused at its row
/// and column with nothing returned; the writers' files read back.
@Suite struct ZoneReadersTests {
    // MARK: Blocks

    static let blocks = [
        ResidentialBlock(
            id: "B001", name: "阳光小区", countyCode: "130349", location: Coordinate(longitude: 115.5, latitude: 38.25),
            children: [.primary: 120, .junior: 60], migrants: [.primary: 30, .junior: 0],
            currentSchool: [.primary: "2130349001", .junior: "2130349002"], population: 1_500),
        ResidentialBlock(id: "B002", name: "王家庄", countyCode: "130349", location: nil, children: [.primary: 35], community: "王家庄村"),
        ResidentialBlock(id: "B003", name: "", countyCode: "130349", location: Coordinate(longitude: 115.51, latitude: 38.2),
                         children: [:], currentSchool: [.primary: "2130349001"]),
    ]

    static let blocksChinese = """
        片区编号,片区名称,县区代码,经度,纬度,小学适龄儿童数,初中适龄儿童数,小学随迁子女数,初中随迁子女数,现划入小学,现划入初中,常住人口,所属社区
        B001,阳光小区,130349,115.5,38.25,120,60,30,0,2130349001,2130349002,"1,500",
        B002,王家庄,130349,,,35,,,,,,,王家庄村

        B003,,130349,115.51,38.2,,,,,2130349001,,,

        """

    /// The same blocks: columns in another order, English keys, an unknown column.
    static let blocksEnglish = """
        county_code,block_id,block_name,children_junior,children_primary,longitude,latitude,migrant_primary,migrant_junior,current_primary,current_junior,population,note,community
        130349,B001,阳光小区,60,120,115.5,38.25,30,0,2130349001,2130349002,1500,,
        130349,B002,王家庄,,35,,,,,,,,village,王家庄村
        130349,B003,,,,115.51,38.2,,,2130349001,,,,

        """

    @Test func blocksInChineseAndEnglishHeaders() throws {
        let chinese = try BlocksReader().read(Array(Self.blocksChinese.utf8), file: "b.csv")
        #expect(chinese.blocks == Self.blocks)
        #expect(chinese.content.rows == [2, 3, 5])
        #expect(chinese.warnings.isEmpty)
        let english = try BlocksReader(language: .english).read(Array(Self.blocksEnglish.utf8), file: "b.csv")
        #expect(english.blocks == Self.blocks)
        #expect(english.warnings == ["b.csv:1:note: unknown column, ignored"])
        let gb = try TextDecoding.gb18030(fromUTF8: Array(Self.blocksChinese.utf8))
        #expect(try BlocksReader().read(gb, file: "b.csv").blocks == Self.blocks)
    }

    @Test(arguments: HeaderStyle.allCases)
    func blocksFromAWorkbook(headers: HeaderStyle) throws {
        let csv = try BlocksWriter(headers: headers).write(Self.blocks)
        let bytes = try Self.workbook(csv, sheet: "片区")
        let file = try BlocksReader().read(bytes, file: "b.xlsx")
        #expect(file.blocks == Self.blocks)
        #expect(file.content.file == "b.xlsx:片区")
    }

    @Test func everyBlockRuleIsRefusedAtItsCell() {
        let errors = Self.errors(BlocksReader(language: .english), """
            block_id,block_name,county_code,longitude,latitude,children_primary,children_junior,migrant_primary,migrant_junior,current_primary,current_junior,population
            B1,a,130349,115.5,,10,5,,,,,
            B2,b,1303,,,-3,5,,6,,,
            B1,c,130349,,,10,5,11,5,,,
            ,d,,200,38,1.5,x,,,,,-1
            B3,e,130349,,,,,1,,,,
            """)
        #expect(errors == [
            "b.csv:2:latitude: fill both longitude and latitude, or neither",
            "b.csv:3:county_code: county code '1303' is not 6 digits",
            "b.csv:3:children_primary: must not be negative",
            "b.csv:3:migrant_junior: more than the 5 children_junior (migrant children are counted among them)",
            "b.csv:4:block_id: duplicate block_id, first on row 2",
            "b.csv:4:migrant_primary: more than the 10 children_primary (migrant children are counted among them)",
            "b.csv:5:block_id: required value is empty",
            "b.csv:5:county_code: required value is empty",
            "b.csv:5:longitude: must be between -180 and 180",
            "b.csv:5:children_primary: '1.5' is not a whole number",
            "b.csv:5:children_junior: 'x' is not a number",
            "b.csv:5:population: must not be negative",
            "b.csv:6:migrant_primary: more than the 0 children_primary (migrant children are counted among them)",
        ])
    }

    @Test func blockMessagesInChinese() {
        let errors = Self.errors(BlocksReader(), """
            片区编号,县区代码,小学适龄儿童数,小学随迁子女数
            B1,130349,10,12
            B1,130349,10,2
            """)
        #expect(errors == [
            "b.csv:2:小学随迁子女数: 不能多于小学适龄儿童数10（随迁子女包含在适龄儿童中）",
            "b.csv:3:片区编号: 片区编号重复，首次出现在第2行",
        ])
    }

    @Test func aMissingRequiredColumnIsNamedByItsKey() {
        let errors = Self.errors(BlocksReader(language: .english), "block_id,children_primary\nB1,3\n")
        #expect(errors == ["b.csv:1:county_code: required column is missing"])
    }

    // MARK: Distances

    static let distances = [
        TravelDistance(from: "B001", to: "2130349001", measure: .kilometres(1.25)),
        TravelDistance(from: "B001", to: "2130349002", measure: .minutes(12)),
        TravelDistance(from: "B002", to: "SITE-1", measure: .kilometres(0)),
    ]

    @Test func distancesInChineseAndEnglishHeaders() throws {
        let chinese = try DistancesReader().read(Array("""
            片区编号,学校标识码或布点编号,距离（公里）,用时（分钟）
            B001,2130349001,1.25,
            B001,2130349002,,12
            B002,SITE-1,0,
            """.utf8), file: "d.csv")
        #expect(chinese.distances == Self.distances)
        let english = try DistancesReader().read(Array("""
            to,from,minutes,distance
            2130349001,B001,,1.25
            2130349002,B001,12,
            SITE-1,B002,,0
            """.utf8), file: "d.csv")
        #expect(english.distances == Self.distances)
        for headers in HeaderStyle.allCases {
            let csv = try DistancesWriter(headers: headers).write(Self.distances)
            #expect(try DistancesReader().read(csv, file: "d.csv").distances == Self.distances)
            #expect(try DistancesReader().read(try Self.workbook(csv, sheet: "S"), file: "d.xlsx").distances == Self.distances)
        }
    }

    @Test func everyDistanceRuleIsRefusedAtItsCell() {
        let errors = Self.errors(DistancesReader(language: .english), """
            from,to,distance,minutes
            B1,S1,1,
            B1,S2,,
            B1,S3,2,5
            B1,S4,1000.5,
            B1,S5,,1441
            B1,S6,-1,
            B1,S1,,3
            ,S7,1,
            B1,S8,nan,
            """, file: "d.csv")
        #expect(errors == [
            "d.csv:3:distance: fill distance or minutes",
            "d.csv:4:minutes: fill distance or minutes, not both",
            "d.csv:5:distance: must be between 0 and 1000",
            "d.csv:6:minutes: must be between 0 and 1440",
            "d.csv:7:distance: must not be negative",
            "d.csv:8:to: duplicate from and to, first on row 2",
            "d.csv:9:from: required value is empty",
            "d.csv:10:distance: 'nan' is not a number",
        ])
    }

    // MARK: Enrollment

    static let records = [
        EnrollmentRecord(year: 2024, schoolCode: "2130349001", grade: 1, students: 90, classes: 2, largestClass: 46),
        EnrollmentRecord(year: 2024, schoolCode: "2130349001", grade: 2, students: 0, classes: 0),
        EnrollmentRecord(year: 2025, schoolCode: "2130349002", grade: 9, students: 1_205, classes: 24, largestClass: 56),
    ]

    @Test func enrollmentInChineseAndEnglishHeaders() throws {
        let chinese = try EnrollmentReader().read(Array("""
            年度,学校标识码,年级,在校生数,班数,最大班额
            2024,2130349001,1,90,2,46
            2024,2130349001,2,0,0,
            2025,2130349002,9,1205,24,56
            """.utf8), file: "e.csv")
        #expect(chinese.records == Self.records)
        let english = try EnrollmentReader().read(Array("""
            school_code,year,grade,classes,students
            2130349001,2024,1,2,90
            2130349001,2024,2,0,0
            2130349002,2025,9,24,1205
            """.utf8), file: "e.csv")
        #expect(english.records == Self.records.map { var r = $0; r.largestClass = nil; return r })
        for headers in HeaderStyle.allCases {
            let csv = try EnrollmentWriter(headers: headers).write(Self.records)
            #expect(try EnrollmentReader().read(csv, file: "e.csv").records == Self.records)
            #expect(try EnrollmentReader().read(try Self.workbook(csv, sheet: "在校生"), file: "e.xlsx").records == Self.records)
        }
    }

    @Test func everyEnrollmentRuleIsRefusedAtItsCell() {
        let errors = Self.errors(EnrollmentReader(language: .english), """
            year,school_code,grade,students,classes,largest_class
            2025,S1,1,90,2,45
            2025,S1,0,90,2,
            2025,S1,10,90,2,
            2025,S1,2,30,0,
            2025,S1,3,91,2,45
            2025,S1,4,40,1,41
            2025,S1,1,80,2,
            1900,S1,5,10,1,
            """, file: "e.csv")
        #expect(errors == [
            "e.csv:3:grade: grade 0 is not between 1 and 9",
            "e.csv:4:grade: grade 10 is not between 1 and 9",
            "e.csv:5:classes: 30 students need at least one class",
            "e.csv:6:largest_class: largest_class is below the average class (students ÷ classes, rounded up) of 46",
            "e.csv:7:largest_class: largest_class is more than the 40 students",
            "e.csv:8:grade: duplicate grade for this year and school, first on row 2",
            "e.csv:9:year: year 1900 is not between 1949 and 2100",
        ])
    }

    @Test func enrollmentMessagesInChinese() {
        let errors = Self.errors(EnrollmentReader(), """
            年度,学校标识码,年级,在校生数,班数,最大班额
            2025,S1,1,30,0,
            2025,S1,1,91,2,45
            """, file: "e.csv")
        #expect(errors == [
            "e.csv:2:班数: 有30名在校生，班数不能为0",
            "e.csv:3:年级: 同一年度、同一学校的年级重复，首次出现在第2行",
            "e.csv:3:最大班额: 最大班额不能小于平均班额（在校生数÷班数，向上取整）46",
        ])
    }

    // MARK: Births

    static let births = [
        BirthRecord(areaCode: "130349", year: 2019, births: 5_210),
        BirthRecord(areaCode: "130349101", year: 2019, births: 812),
        BirthRecord(areaCode: "130349", year: 2020, births: 4_980),
    ]

    @Test func birthsInChineseAndEnglishHeaders() throws {
        let chinese = try BirthsReader().read(Array("区域代码,年度,出生人数\n130349,2019,5210\n130349101,2019,812\n130349,2020,4980\n".utf8), file: "n.csv")
        #expect(chinese.births == Self.births)
        let english = try BirthsReader().read(Array("year,births,area_code\n2019,5210,130349\n2019,812,130349101\n2020,4980,130349\n".utf8), file: "n.csv")
        #expect(english.births == Self.births)
        for headers in HeaderStyle.allCases {
            let csv = try BirthsWriter(headers: headers).write(Self.births)
            #expect(try BirthsReader().read(csv, file: "n.csv").births == Self.births)
            #expect(try BirthsReader().read(try Self.workbook(csv, sheet: "S"), file: "n.xlsx").births == Self.births)
        }
    }

    @Test func everyBirthsRuleIsRefusedAtItsCell() {
        let errors = Self.errors(BirthsReader(language: .english), """
            area_code,year,births
            130349,2019,5210
            130349,2019,5000
            130349,2020,-4
            130349,2021,
            """, file: "n.csv")
        #expect(errors == [
            "n.csv:3:year: duplicate births for this area and year, first on row 2",
            "n.csv:4:births: must not be negative",
            "n.csv:5:births: required value is empty",
        ])
    }

    // MARK: Workbooks

    @Test func aWorkbookNamesItsSheetInEveryProblem() throws {
        let csv = Array("片区编号,县区代码,小学适龄儿童数\nB1,130349,-1\nB1,130349,2\n".utf8)
        let bytes = try Self.workbook(csv, sheet: "片区")
        #expect(Self.errors(BlocksReader(language: .english), bytes, file: "b.xlsx") == [
            "b.xlsx:片区:2:小学适龄儿童数: must not be negative",
            "b.xlsx:片区:3:片区编号: duplicate block_id, first on row 2",
        ])
    }

    // MARK: Helpers

    /// A workbook of one sheet holding the cells of `csv` (simple CSV: no quotes), numbers
    /// of the data rows as numbers, as Excel keeps them.
    static func workbook(_ csv: [UInt8], sheet name: String) throws -> [UInt8] {
        let lines = String(decoding: csv, as: UTF8.self).split(whereSeparator: \.isNewline)
        var sheet = XLSXSheetContent(name: name)
        sheet.rows = lines.enumerated().map { index, line in
            line.split(separator: ",", omittingEmptySubsequences: false).map { cell in
                let text = String(cell)
                if text.isEmpty { return XLSXOutputCell(.empty) }
                if index > 0, let number = Double(text) { return XLSXOutputCell(.number(number)) }
                return XLSXOutputCell(.text(text))
            }
        }
        var book = XLSXWriter()
        book.add(sheet)
        return try book.bytes()
    }

    static func errors<Reader: ZoneFileReading>(_ reader: Reader, _ csv: String, file: String = "b.csv") -> [String]? {
        errors(reader, Array(csv.utf8), file: file)
    }

    static func errors<Reader: ZoneFileReading>(_ reader: Reader, _ bytes: [UInt8], file: String) -> [String]? {
        do {
            try reader.readAny(bytes, file: file)
            return nil
        } catch {
            return error.errors.map(\.description)
        }
    }
}

/// The four readers alike, for the helpers above.
protocol ZoneFileReading {
    func readAny(_ bytes: [UInt8], file: String) throws(DataFileError)
}

extension BlocksReader: ZoneFileReading {
    func readAny(_ bytes: [UInt8], file: String) throws(DataFileError) { _ = try read(bytes, file: file) }
}

extension DistancesReader: ZoneFileReading {
    func readAny(_ bytes: [UInt8], file: String) throws(DataFileError) { _ = try read(bytes, file: file) }
}

extension EnrollmentReader: ZoneFileReading {
    func readAny(_ bytes: [UInt8], file: String) throws(DataFileError) { _ = try read(bytes, file: file) }
}

extension BirthsReader: ZoneFileReading {
    func readAny(_ bytes: [UInt8], file: String) throws(DataFileError) { _ = try read(bytes, file: file) }
}
