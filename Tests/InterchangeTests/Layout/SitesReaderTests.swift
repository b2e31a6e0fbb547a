import Domain
@testable import Interchange
import Testing

/// The `sites` file (布点) of the layout planner: Chinese and English headers, CSV and XLSX,
/// every rule refused at its cell, and the writer's file read back.
@Suite struct SitesReaderTests {
    static let sites = [
        LayoutSite(id: "S1", name: "城关小学", location: Coordinate(longitude: 115.5, latitude: 38.25), schoolCode: "2130349001",
                   capacity: [.primary: 1_350], expandCostPerClass: 800_000, maxClasses: 36, keep: true),
        LayoutSite(id: "C1", name: "新区候选地块", location: Coordinate(longitude: 115.52, latitude: 38.21),
                   capacity: [.primary: 1_620, .junior: 900], buildCost: 42_000_000),
        LayoutSite(id: "C2", name: "", location: nil),
    ]

    static let chinese = """
        布点编号,名称,经度,纬度,学校标识码,小学学位数,初中学位数,新建费用,每增一班费用,最多班数,必须保留
        S1,城关小学,115.5,38.25,2130349001,1350,,,800000,36,是
        C1,新区候选地块,115.52,38.21,,1620,900,42000000,,,否
        C2,,,,,,,,,,

        """

    static let english = """
        site_id,keep,site_name,longitude,latitude,school_code,capacity_primary,capacity_junior,build_cost,expand_cost_per_class,max_classes
        S1,yes,城关小学,115.5,38.25,2130349001,1350,,,800000,36
        C1,no,新区候选地块,115.52,38.21,,1620,900,42000000,,
        C2,,,,,,,,,,

        """

    @Test func sitesInChineseAndEnglishHeaders() throws {
        let chinese = try SitesReader().read(Array(Self.chinese.utf8), file: "s.csv")
        #expect(chinese.sites == Self.sites)
        #expect(chinese.content.rows == [2, 3, 4])
        let english = try SitesReader(language: .english).read(Array(Self.english.utf8), file: "s.csv")
        #expect(english.sites == Self.sites)
        #expect(Self.sites[0].isExisting && !Self.sites[1].isExisting)
    }

    @Test(arguments: HeaderStyle.allCases)
    func theWritersFileReadsBackAlsoAsAWorkbook(headers: HeaderStyle) throws {
        let csv = try SitesWriter(headers: headers).write(Self.sites)
        #expect(try SitesReader().read(csv, file: "s.csv").sites == Self.sites)
        let book = try ZoneReadersTests.workbook(csv, sheet: "布点")
        #expect(try SitesReader().read(book, file: "s.xlsx").sites == Self.sites)
    }

    @Test func everySiteRuleIsRefusedAtItsCell() {
        let errors = ZoneReadersTests.errors(SitesReader(language: .english), """
            site_id,site_name,longitude,latitude,school_code,capacity_primary,capacity_junior,build_cost,expand_cost_per_class,max_classes,keep
            S1,a,115.5,,,10,,,,,
            S2,b,,,,-3,x,-1,,2.5,maybe
            S1,c,,,,,,,,,
            ,d,,,,,,,,,
            """, file: "s.csv")
        #expect(errors == [
            "s.csv:2:latitude: fill both longitude and latitude, or neither",
            "s.csv:3:capacity_primary: must not be negative",
            "s.csv:3:capacity_junior: 'x' is not a number",
            "s.csv:3:build_cost: must not be negative",
            "s.csv:3:max_classes: '2.5' is not a whole number",
            "s.csv:3:keep: unknown value 'maybe'; accepted: yes (是), no (否)",
            "s.csv:4:site_id: duplicate site_id, first on row 2",
            "s.csv:5:site_id: required value is empty",
        ])
    }

    @Test func siteMessagesInChinese() {
        let errors = ZoneReadersTests.errors(SitesReader(), "布点编号,必须保留\nS1,是\nS1,否\n", file: "s.csv")
        #expect(errors == ["s.csv:3:布点编号: 布点编号重复，首次出现在第2行"])
    }
}

extension SitesReader: ZoneFileReading {
    func readAny(_ bytes: [UInt8], file: String) throws(DataFileError) { _ = try read(bytes, file: file) }
}
