import Domain
@testable import Interchange
import Planning
import Spreadsheet
import Testing

/// The costs file (单位成本) and the budget file (年度预算): good files in every form, and every
/// rule refused at its row and column with nothing returned.
@Suite struct PlanReadersTests {
    // MARK: Costs

    private func costs(_ csv: String, language: Language = .english) throws(DataFileError) -> UnitCostsFile {
        try UnitCostsReader(language: language).read(Array(csv.utf8), file: "c.csv")
    }

    private func costErrors(_ csv: String, language: Language = .english) -> [String]? {
        do {
            _ = try costs(csv, language: language)
            return nil
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func englishCostsOverrideTheDefaults() throws {
        let file = try costs("""
            item,unit,unit_cost,locality
            teaching_area,m2,4000,
            sports_area,M²,250,rural
            backbone_teachers,person-year,120000.5,
            equipment_value,yuan,1,urban
            books,册,0,

            """)
        #expect(file.warnings.isEmpty)
        var expected = UnitCosts.defaults
        expected.set(.teachingArea, to: 4000)
        expected.set(.sportsArea, to: 250, in: .rural)
        expected.set(.backboneTeachers, to: 120_000.5)
        expected.set(.equipmentValue, to: 1, in: .urban)
        expected.set(.books, to: 0)
        #expect(file.costs == expected)
        #expect(file.costs.cost(of: .sportsArea, in: .rural) == 250)
        #expect(file.costs.cost(of: .sportsArea, in: .urban) == UnitCosts.defaults.cost(of: .sportsArea, in: .urban))
        #expect(file.costs.cost(of: .computers, in: .town) == 5_000)
    }

    @Test func chineseHeadersAndNamesInGB18030ReadAlike() throws {
        let csv = """
            项目,单位,单价,城乡类型
            教学及辅助用房面积,平方米,4000,
            体育运动场馆面积,㎡,250,乡村
            县级以上骨干教师,人年,120000,
            网络多媒体教室,间,60000,镇区
            体育、艺术（美术、音乐）专任教师,人·年,90000,

            """
        let english = try costs("""
            unit,item,locality,unit_cost
            m²,teaching_area,,4000
            m²,sports_area,rural,250
            人·年,backbone_teachers,,120000
            间,multimedia_rooms,town,60000
            人·年,pe_art_teachers,,90000

            """)
        let gb = try TextDecoding.gb18030(fromUTF8: Array(csv.utf8))
        let chinese = try UnitCostsReader().read(gb, file: "c.csv")
        #expect(chinese.costs == english.costs)
        #expect(chinese.costs.cost(of: .multimediaRooms, in: .town) == 60_000)
        #expect(chinese.costs.cost(of: .peArtTeachers, in: .rural) == 90_000)
    }

    @Test func aCostsWorkbookReadsLikeItsCSV() throws {
        var sheet = XLSXSheetContent(name: "单位成本")
        sheet.rows = [
            ["项目", "单位", "单价", "城乡类型"].map { XLSXOutputCell(.text($0)) },
            [XLSXOutputCell(.text("teaching_area")), XLSXOutputCell(.text("m2")), XLSXOutputCell(.number(4000)), XLSXOutputCell(.empty)],
            [XLSXOutputCell(.text("计算机")), XLSXOutputCell(.text("台")), XLSXOutputCell(.number(4500.5)), XLSXOutputCell(.text("乡村"))],
        ]
        var writer = XLSXWriter()
        writer.add(sheet)
        let workbook = try UnitCostsReader().read(try writer.bytes(), file: "c.xlsx").costs
        let csv = try costs("item,unit,unit_cost,locality\nteaching_area,m2,4000,\ncomputers,台,4500.5,rural\n").costs
        #expect(workbook == csv)

        sheet.rows.append([XLSXOutputCell(.text("books")), XLSXOutputCell(.text("kg")), XLSXOutputCell(.number(3)), XLSXOutputCell(.empty)])
        var bad = XLSXWriter()
        bad.add(sheet)
        do {
            _ = try UnitCostsReader(language: .english).read(try bad.bytes(), file: "c.xlsx")
            Issue.record("the workbook should be refused")
        } catch let error as DataFileError {
            #expect(error.errors.map(\.description) == ["c.xlsx:单位成本:4:单位: books is priced per '册' (or 本, volume, volumes, book, books), not 'kg'"])
        }
    }

    @Test func everyCostRuleNamesItsRowAndColumn() {
        let errors = costErrors("""
            item,unit,unit_cost,locality
            teaching_area,m2,4000,
            gym,m2,100,
            sports_area,元,100,
            books,册,abc,
            computers,台,-5,
            teachers,人年,100000,suburb
            teaching_area,平方米,3800,
            sports_area,m²,200,rural
            体育运动场馆面积,m²,210,乡村
            ,m²,1,
            multimedia_rooms,,1,
            equipment_value,元,inf,
            qualified_teachers,人年,,

            """)
        #expect(errors == [
            "c.csv:3:item: unknown value 'gym'; accepted: " + Resource.allCases.map { "\($0.rawValue) (\($0.chineseName))" }.joined(separator: ", "),
            "c.csv:4:unit: sports_area is priced per 'm²' (or m2, m^2, ㎡, 平方米, sqm), not '元'",
            "c.csv:5:unit_cost: 'abc' is not a number",
            "c.csv:6:unit_cost: must not be negative",
            "c.csv:7:locality: unknown value 'suburb'; accepted: urban (城区), town (镇区), rural (乡村)",
            "c.csv:8:item: duplicate price for this item and locality, first on row 2",
            "c.csv:10:item: duplicate price for this item and locality, first on row 9",
            "c.csv:11:item: required value is empty",
            "c.csv:12:unit: required value is empty",
            "c.csv:13:unit_cost: 'inf' is not a number",
            "c.csv:14:unit_cost: required value is empty",
        ])
    }

    @Test func costMessagesInChineseUseTheFileHeaders() {
        #expect(costErrors("项目,单位,单价\n教学及辅助用房面积,间,10\n图书,册,5\n图书,本,6\n", language: .chinese) == [
            "c.csv:2:单位: 教学及辅助用房面积的单位应为“m²”（也可写作 m2、m^2、㎡、平方米、sqm），不是“间”",
            "c.csv:4:项目: 同一项目、同一城乡类型的单价重复，首次出现在第3行",
        ])
    }

    @Test func purchaseUnitsAreReadPerItemAndBlankKeepsTheDefault() throws {
        let file = try costs("""
            item,unit,unit_cost,locality,purchase_unit
            teaching_area,m2,4000,,10
            teaching_area,m2,3800,rural,10
            sports_area,m2,250,rural,
            equipment_value,yuan,1,,1000
            multimedia_rooms,间,60000,,2
            books,册,30,,

            """)
        #expect(file.warnings.isEmpty)
        #expect(file.costs.purchaseUnit(of: .teachingArea) == 10)
        #expect(file.costs.purchaseUnit(of: .sportsArea) == 1)
        #expect(file.costs.purchaseUnit(of: .equipmentValue) == 1000)
        #expect(file.costs.purchaseUnit(of: .multimediaRooms) == 2)
        #expect(file.costs.purchaseUnit(of: .books) == 1)
        #expect(file.costs.cost(of: .teachingArea, in: .rural) == 3800)
        // Without the column every item keeps its default purchase unit.
        let plain = try costs("item,unit,unit_cost\nteaching_area,m2,4000\n").costs
        #expect(plain.purchaseUnit(of: .teachingArea) == 1 && plain.purchaseUnit(of: .equipmentValue) == 100)
    }

    @Test func aPurchaseUnitWorkbookWithChineseHeadersReadsLikeItsCSV() throws {
        var sheet = XLSXSheetContent(name: "单位成本")
        sheet.rows = [
            ["项目", "单位", "单价", "购置单位"].map { XLSXOutputCell(.text($0)) },
            [XLSXOutputCell(.text("体育运动场馆面积")), XLSXOutputCell(.text("平方米")), XLSXOutputCell(.number(300)), XLSXOutputCell(.number(25))],
            [XLSXOutputCell(.text("计算机")), XLSXOutputCell(.text("台")), XLSXOutputCell(.number(4500)), XLSXOutputCell(.number(10))],
        ]
        var writer = XLSXWriter()
        writer.add(sheet)
        let workbook = try UnitCostsReader().read(try writer.bytes(), file: "c.xlsx").costs
        let csv = try costs("item,unit,unit_cost,purchase_unit\nsports_area,m2,300,25\ncomputers,台,4500,10\n").costs
        #expect(workbook == csv)
        #expect(workbook.purchaseUnit(of: .sportsArea) == 25)
    }

    @Test func everyPurchaseUnitRuleNamesItsRowAndColumn() {
        #expect(costErrors("""
            item,unit,unit_cost,locality,purchase_unit
            teaching_area,m2,4000,,0
            sports_area,m2,300,,-1
            equipment_value,元,1,,200000000
            multimedia_rooms,间,50000,,1.5
            books,册,30,,2.5
            computers,台,5000,,abc
            backbone_teachers,人年,100000,,2
            backbone_teachers,人年,90000,rural,3
            pe_art_teachers,人年,100000,,1

            """) == [
            "c.csv:2:purchase_unit: the purchase unit must be more than 0",
            "c.csv:3:purchase_unit: must not be negative",
            "c.csv:4:purchase_unit: the purchase unit 200000000 is above the limit of 100000000",
            "c.csv:5:purchase_unit: multimedia_rooms is bought whole; the purchase unit cannot be 1.5",
            "c.csv:6:purchase_unit: books is bought whole; the purchase unit cannot be 2.5",
            "c.csv:7:purchase_unit: 'abc' is not a number",
            "c.csv:9:purchase_unit: the purchase unit differs from the one on row 8 for this item",
        ])
        #expect(costErrors("项目,单位,单价,购置单位\n教学及辅助用房面积,m2,10,0\n", language: .chinese) == [
            "c.csv:2:购置单位: 购置单位须大于0",
        ])
    }

    @Test func missingCostColumnsAreNamed() {
        #expect(costErrors("item,unit_cost\nbooks,30\n") == ["c.csv:1:unit: required column is missing"])
    }

    // MARK: Budget

    private func budgets(_ csv: String, language: Language = .english) throws(DataFileError) -> BudgetFile {
        try BudgetReader(language: language).read(Array(csv.utf8), file: "b.csv")
    }

    private func budgetErrors(_ csv: String, language: Language = .english) -> [String]? {
        do {
            _ = try budgets(csv, language: language)
            return nil
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func budgetsReadInFileOrder() throws {
        let english = try budgets("year,budget\n2027,2500000.5\n2026,3000000\n")
        #expect(english.budgets == [YearBudget(year: 2027, budget: 2_500_000.5), YearBudget(year: 2026, budget: 3_000_000)])
        #expect(english.warnings.isEmpty)
        let chinese = try BudgetReader().read(TextDecoding.gb18030(fromUTF8: Array("预算,年度,备注\n2500000.5,2027,一期\n3000000,2026,\n".utf8)), file: "b.csv")
        #expect(chinese.budgets == english.budgets)
        #expect(chinese.warnings == ["b.csv:1:备注: 无法识别的列，已忽略"])
    }

    @Test func aBudgetWorkbookReadsLikeItsCSV() throws {
        var sheet = XLSXSheetContent(name: "预算")
        sheet.rows = [
            [XLSXOutputCell(.text("年度")), XLSXOutputCell(.text("预算"))],
            [XLSXOutputCell(.number(2026)), XLSXOutputCell(.number(3_000_000))],
            [XLSXOutputCell(.number(2027)), XLSXOutputCell(.number(2_500_000.5))],
        ]
        var writer = XLSXWriter()
        writer.add(sheet)
        let read = try BudgetReader().read(try writer.bytes(), file: "b.xlsx")
        #expect(read.budgets == [YearBudget(year: 2026, budget: 3_000_000), YearBudget(year: 2027, budget: 2_500_000.5)])
    }

    @Test func everyBudgetRuleNamesItsRowAndColumn() {
        #expect(budgetErrors("""
            year,budget
            2026,1000000
            1999,5
            2027.5,5
            twenty,5
            2028,0
            2029,-3
            2026,200
            2030,
            2031,abc
            2101,1

            """) == [
            "b.csv:3:year: year 1999 is not between 2000 and 2100",
            "b.csv:4:year: '2027.5' is not a whole number",
            "b.csv:5:year: 'twenty' is not a number",
            "b.csv:6:budget: the budget must be more than 0 yuan",
            "b.csv:7:budget: must not be negative",
            "b.csv:8:year: duplicate year, first on row 2",
            "b.csv:9:budget: required value is empty",
            "b.csv:10:budget: 'abc' is not a number",
            "b.csv:11:year: year 2101 is not between 2000 and 2100",
        ])
        #expect(budgetErrors("年度,预算\n2026,0\n2026,5\n", language: .chinese) == [
            "b.csv:2:预算: 预算须大于0元",
            "b.csv:3:年度: 年度重复，首次出现在第2行",
        ])
        #expect(budgetErrors("year\n2026\n") == ["b.csv:1:budget: required column is missing"])
    }
}
