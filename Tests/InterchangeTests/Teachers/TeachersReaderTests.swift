import Domain
@testable import Interchange
import Spreadsheet
import Testing

/// The teachers file (教师信息): good files in every form, every rule refused at its row and
/// column with nothing returned, and the writer's files read back.
@Suite struct TeachersReaderTests {
    /// The teachers of ``chineseCSV`` and ``englishCSV``.
    static let expected = [
        Teacher(id: "T001", schoolCode: "2130349001", stage: .primary, subject: .mathematics, gender: .female, birthYear: 1985,
                qualification: .bachelor, title: .intermediate, backbone: .county, yearsAtSchool: 7, ruralServiceYears: 0),
        Teacher(id: "T002", schoolCode: "2130349001", stage: .junior, subject: .physicalEducation, gender: .male, birthYear: 1970,
                qualification: .associate, title: .senior, backbone: .none, yearsAtSchool: 20, ruralServiceYears: 12,
                isPrincipal: true, exemptions: [.pregnancy, .illness]),
        Teacher(id: "T003", schoolCode: "2130349002", stage: .primary, subject: .other("书法"), gender: .female, birthYear: 2003,
                qualification: .vocational, title: .none, backbone: .none, yearsAtSchool: 4, ruralServiceYears: 0),
        Teacher(id: "T004", schoolCode: "2130349002", stage: .junior, subject: .morality, gender: .male, birthYear: 1955,
                qualification: .postgraduate, title: .professor, backbone: .province, yearsAtSchool: 50, ruralServiceYears: 3,
                exemptions: [.other]),
    ]

    static let chineseCSV = """
        教师编号,学校标识码,任教学段,任教学科,性别,出生年份,最高学历,职称,骨干教师级别,本校任教年限,农村学校任教年限,是否校长,暂缓交流
        T001,2130349001,小学,数学,女,1985,本科,中级,县级,7,0,否,
        T002,2130349001,初中,体育,男,1970,专科,高级,,20,12,是,孕期哺乳期、重病
        T003,2130349002,小学,书法,女,2003,中专,未评,无,4,0,,
        T004,2130349002,初中,道德与法治,男,1955,研究生,正高级,省级,50,3,否,其他

        """

    /// The same teachers: columns in another order, English keys, aliases, an unknown column.
    static let englishCSV = """
        stage,teacher_id,school_code,subject,gender,birth_year,qualification,title,backbone,years_at_school,rural_service_years,principal,exemption,note
        primary,T001,2130349001,Mathematics,F,1985,Bachelor,intermediate,county,7,0,false,,
        junior,T002,2130349001,physical_education,male,1970,大专,senior,none,20,12,yes,pregnancy; illness,
        primary,T003,2130349002,书法,female,2003,vocational,none,,4,0,no,none,new
        junior,T004,2130349002,morality,M,1955,硕士,professor,province,50,3,0,other,

        """

    private func read(_ csv: String, language: Language = .english) throws(DataFileError) -> TeachersFile {
        try TeachersReader(referenceYear: 2025, language: language).read(Array(csv.utf8), file: "t.csv")
    }

    private func errors(_ csv: String, language: Language = .english) -> [String]? {
        do {
            _ = try read(csv, language: language)
            return nil
        } catch {
            return error.errors.map(\.description)
        }
    }

    private static let header = "teacher_id,school_code,stage,subject,gender,birth_year,qualification,title,backbone,years_at_school,rural_service_years,principal,exemption"

    // MARK: Good files

    @Test func chineseHeadersAndNames() throws {
        let file = try read(Self.chineseCSV)
        #expect(file.teachers == Self.expected)
        #expect(file.warnings.isEmpty)
    }

    @Test func englishHeadersKeysAndAliasesInAnyOrder() throws {
        let file = try read(Self.englishCSV)
        #expect(file.teachers == Self.expected)
        #expect(file.warnings == ["t.csv:1:note: unknown column, ignored"])
    }

    @Test func gb18030AndBOMReadAlike() throws {
        let gb = try TextDecoding.gb18030(fromUTF8: Array(Self.chineseCSV.utf8))
        #expect(try TeachersReader(referenceYear: 2025).read(gb, file: "t.csv").teachers == Self.expected)
        let bom = TextDecoding.byteOrderMark + Array(Self.chineseCSV.utf8)
        #expect(try TeachersReader(referenceYear: 2025).read(bom, file: "t.csv").teachers == Self.expected)
    }

    @Test func optionalColumnsMayBeLeftOut() throws {
        let file = try read("""
            teacher_id,school_code,stage,subject,gender,birth_year,qualification,title,years_at_school,rural_service_years
            A,2130349001,primary,语文,女,1990,本科,初级,3,3

            """)
        #expect(file.teachers == [
            Teacher(id: "A", schoolCode: "2130349001", stage: .primary, subject: .chinese, gender: .female, birthYear: 1990,
                    qualification: .bachelor, title: .junior, backbone: .none, yearsAtSchool: 3, ruralServiceYears: 3),
        ])
    }

    /// A workbook with `headers` and the rows of ``expected``, numbers stored as numbers.
    private static func workbook(_ headers: HeaderStyle, extra: [XLSXOutputCell]? = nil) throws -> [UInt8] {
        var sheet = XLSXSheetContent(name: "教师")
        sheet.rows = [TeacherColumn.allCases.map { XLSXOutputCell(.text($0.header(headers))) }]
        let writer = TeachersWriter(headers: headers)
        for teacher in expected {
            sheet.rows.append(TeacherColumn.allCases.map { column in
                switch column {
                case .birthYear, .yearsAtSchool, .ruralServiceYears:
                    XLSXOutputCell(.number(Double(writer.text(column, of: teacher)!)!))
                default:
                    writer.text(column, of: teacher).map { XLSXOutputCell(.text($0)) } ?? XLSXOutputCell(.empty)
                }
            })
        }
        if let extra { sheet.rows.append(extra) }
        var book = XLSXWriter()
        book.add(sheet)
        return try book.bytes()
    }

    @Test(arguments: HeaderStyle.allCases)
    func aWorkbookReadsLikeItsCSV(headers: HeaderStyle) throws {
        let file = try TeachersReader(referenceYear: 2025).read(try Self.workbook(headers), file: "t.xlsx")
        #expect(file.teachers == Self.expected)
        #expect(file.warnings.isEmpty)
    }

    @Test func aWorkbookCodeStoredAsANumberIsItsDigits() throws {
        var sheet = XLSXSheetContent(name: "S")
        sheet.rows = [
            TeacherColumn.allCases.map { XLSXOutputCell(.text($0.key)) },
            ([.text("9"), .number(2130349001), .text("小学"), .text("英语"), .text("女"), .number(1999), .text("本科"),
              .text("初级"), .empty, .number(2), .number(2), .empty, .empty] as [XLSXOutputValue]).map { XLSXOutputCell($0) },
        ]
        var book = XLSXWriter()
        book.add(sheet)
        let teachers = try TeachersReader(referenceYear: 2025).read(try book.bytes(), file: "t.xlsx").teachers
        #expect(teachers.map(\.id) == ["9"])
        #expect(teachers.map(\.schoolCode) == ["2130349001"])
        #expect(teachers.map(\.subject) == [.english])
    }

    @Test func aWorkbookRowIsRefusedAtItsSheetRowAndColumn() throws {
        let values: [XLSXOutputValue] = [
            .text("T009"), .text("2130349003"), .text("小学"), .text("语文"), .text("女"), .number(2001), .text("本科"),
            .text("初级"), .empty, .number(9), .number(0), .empty, .empty,
        ]
        let bad = values.map { XLSXOutputCell($0) }
        do {
            _ = try TeachersReader(referenceYear: 2025).read(try Self.workbook(.chinese, extra: bad), file: "t.xlsx")
            Issue.record("the workbook should be refused")
        } catch let error as DataFileError {
            #expect(error.errors.map(\.description) == [
                "t.xlsx:教师:6:本校任教年限: 任教年限9年超过年龄允许的上限：2001年出生，到2025年最多6年（年龄减18）",
            ])
        }
    }

    // MARK: Refusals

    @Test func everyRuleNamesItsRowAndColumn() {
        let good = "2130349001,primary,语文,女,1985,本科,中级,县级,7,0,否,"
        #expect(errors("""
            \(Self.header)
            T1,\(good)
            T1,\(good)
            ,2130349001,primary,语文,女,1985,本科,中级,,7,0,,
            T4,,senior,语文,女,1985,本科,中级,,7,0,,
            T5,2130349001,primary, ,x,1985,本科,中级,,7,0,,
            T6,2130349001,primary,语文,女,1939,本科,中级,,7,0,,
            T7,2130349001,primary,语文,女,19x5,本科,中级,,7,0,,
            T8,2130349001,primary,语文,女,1985,博士后,专家,国家级,7,0,,
            T9,2130349001,primary,语文,女,1960,本科,中级,,51,7.5,maybe,
            T10,2130349001,primary,语文,女,2000,本科,中级,,8,-1,,
            T11,2130349001,primary,语文,女,2000,本科,中级,,7,9,,孕期、休假
            T12,2130349001,junior,语文,女,2010,本科,中级,,1,0,,
            T1,\(good)

            """) == [
            "t.csv:3:teacher_id: duplicate teacher_id, first on row 2",
            "t.csv:4:teacher_id: required value is empty",
            "t.csv:5:school_code: required value is empty",
            "t.csv:5:stage: unknown value 'senior'; accepted: primary (小学), junior (初中)",
            "t.csv:6:subject: required value is empty",
            "t.csv:6:gender: unknown value 'x'; accepted: female (女), male (男)",
            "t.csv:7:birth_year: birth year 1939 is not between 1940 and 2010",
            "t.csv:8:birth_year: '19x5' is not a number",
            "t.csv:9:qualification: unknown value '博士后'; accepted: secondary (高中及以下), vocational (中专), associate (专科), bachelor (本科), postgraduate (研究生)",
            "t.csv:9:title: unknown value '专家'; accepted: none (未评), junior (初级), intermediate (中级), senior (高级), professor (正高级)",
            "t.csv:9:backbone: unknown value '国家级'; accepted: none (无), county (县级), city (市级), province (省级)",
            "t.csv:10:years_at_school: 51 is not between 0 and 50 years",
            "t.csv:10:rural_service_years: '7.5' is not a whole number",
            "t.csv:10:principal: unknown value 'maybe'; accepted: yes (是), no (否)",
            "t.csv:11:years_at_school: 8 is more than the age allows: born in 2000, at most 7 years by 2025 (age − 18)",
            "t.csv:11:rural_service_years: must not be negative",
            "t.csv:12:rural_service_years: 9 is more than the age allows: born in 2000, at most 7 years by 2025 (age − 18)",
            "t.csv:12:exemption: unknown value '休假'; accepted: pregnancy (孕期哺乳期), illness (重病), other (其他)",
            "t.csv:13:years_at_school: 1 is more than the age allows: born in 2010, at most 0 years by 2025 (age − 18)",
            "t.csv:14:teacher_id: duplicate teacher_id, first on row 2",
        ])
    }

    @Test func theReferenceYearSetsTheAgeRule() throws {
        let csv = "\(Self.header)\nA,2130349001,primary,语文,女,2000,本科,初级,,7,7,,\n"
        #expect(try TeachersReader(referenceYear: 2025).read(Array(csv.utf8), file: "t.csv").teachers.count == 1)
        #expect(throws: DataFileError.self) { try TeachersReader(referenceYear: 2024).read(Array(csv.utf8), file: "t.csv") }
    }

    @Test func oneBadRowRefusesTheWholeFileWithNothingReturned() {
        var lines = [Self.header]
        for k in 1...50 { lines.append("T\(k),2130349001,primary,语文,女,1985,本科,中级,,7,0,,") }
        lines.append("T51,2130349001,primary,语文,女,1985,本科,中级,,7,0,,休假")
        var returned: TeachersFile?
        do {
            returned = try read(lines.joined(separator: "\n"))
        } catch {
            #expect(error.errors.map(\.description) == [
                "t.csv:52:exemption: unknown value '休假'; accepted: pregnancy (孕期哺乳期), illness (重病), other (其他)",
            ])
        }
        #expect(returned == nil)
    }

    @Test func chineseMessagesUseTheFileHeaders() {
        #expect(errors("""
            教师编号,学校标识码,任教学段,任教学科,性别,出生年份,最高学历,职称,本校任教年限,农村学校任教年限
            A,2130349001,小学,语文,女,2000,本科,初级,30,0
            A,2130349001,高中,语文,女,1930,本科,初级,0,60

            """, language: .chinese) == [
            "t.csv:2:本校任教年限: 任教年限30年超过年龄允许的上限：2000年出生，到2025年最多7年（年龄减18）",
            "t.csv:3:教师编号: 教师编号重复，首次出现在第2行",
            "t.csv:3:任教学段: 无法识别的取值“高中”，可填：小学（primary）、初中（junior）",
            "t.csv:3:出生年份: 出生年份1930不在1940至2010之间",
            "t.csv:3:农村学校任教年限: 任教年限60不在0至50之间",
        ])
    }

    @Test func missingAndDuplicateColumnsAreNamed() {
        #expect(errors("""
            teacher_id,school_code,stage,gender,birth_year,qualification,title,years_at_school,教师编号
            A,2130349001,primary,女,1990,本科,初级,3,B

            """) == [
            "t.csv:1:教师编号: duplicate of column 1",
            "t.csv:1:subject: required column is missing",
            "t.csv:1:rural_service_years: required column is missing",
        ])
    }

    @Test func duplicatesAcrossPartsOfALargeFileAreFound() throws {
        var lines = [Self.header]
        for k in 1...300 { lines.append("T\(k % 290),2130349001,primary,语文,女,1985,本科,中级,,7,0,,") }
        let csv = lines.joined(separator: "\n") + "\n"
        func refusal(partBytes: Int) -> [String] {
            var reader = TeachersReader(referenceYear: 2025, language: .english)
            reader.partBytes = partBytes
            do {
                _ = try reader.read(Array(csv.utf8), file: "t.csv")
                return []
            } catch {
                return error.errors.map(\.description)
            }
        }
        let whole = refusal(partBytes: .max)
        #expect(whole.count == 10)
        #expect(whole.first == "t.csv:292:teacher_id: duplicate teacher_id, first on row 2")
        #expect(refusal(partBytes: 256) == whole)
    }

    // MARK: Writer

    @Test(arguments: [(HeaderStyle.chinese, TextEncoding.utf8), (.english, .utf8WithBOM), (.chinese, .gb18030)])
    func writtenFilesReadBack(headers: HeaderStyle, encoding: TextEncoding) throws {
        var teachers = Self.expected
        teachers.append(Teacher(
            id: "X,1", schoolCode: "2130349003", stage: .junior, subject: .other("Calligraphy, \"brush\""), gender: .female,
            birthYear: 1980, qualification: .secondary, title: .junior, backbone: .city, yearsAtSchool: 0, ruralServiceYears: 25,
            exemptions: Set(Exemption.allCases)))
        let bytes = try TeachersWriter(headers: headers, encoding: encoding).write(teachers)
        let file = try TeachersReader(referenceYear: 2025).read(bytes, file: "t.csv")
        #expect(file.teachers == teachers)
        #expect(file.warnings.isEmpty)
    }

    @Test func theWriterUsesTheHeaderLanguage() throws {
        let chinese = String(decoding: try TeachersWriter().write([Self.expected[1]]), as: UTF8.self)
        #expect(chinese == """
            教师编号,学校标识码,任教学段,任教学科,性别,出生年份,最高学历,职称,骨干教师级别,本校任教年限,农村学校任教年限,是否校长,暂缓交流,班主任班级\r
            T002,2130349001,初中,体育,男,1970,专科,高级,无,20,12,是,孕期哺乳期、重病,\r

            """)
        let english = String(decoding: try TeachersWriter(headers: .english).write([Self.expected[1]]), as: UTF8.self)
        #expect(english == "\(Self.header),head_of_class\r\nT002,2130349001,junior,physical_education,male,1970,associate,senior,none,20,12,yes,pregnancy;illness,\r\n")
        // The head teacher's class (班主任班级) reads back.
        var head = Self.expected[1]
        head.headOfClass = "8-2"
        #expect(try TeachersReader(referenceYear: 2025).read(try TeachersWriter().write([head]), file: "t.csv").teachers == [head])
        #expect(try TeachersWriter().write([]).count > 0)
    }
}
