import Domain
import Testing
import UseCases

@Suite("Budget input")
struct BudgetInputTests {
    @Test func readsEntriesWithTheUsualSeparatorsAndUnits() throws {
        let input = try #require(try BudgetInput.parse(" 2026:500万，2027：3000000.5元;2028=1.5亿\n2029:7 ", dataYear: 2025))
        #expect(input.budgets == [
            YearBudget(year: 2026, budget: 5_000_000), YearBudget(year: 2027, budget: 3_000_000.5),
            YearBudget(year: 2028, budget: 150_000_000), YearBudget(year: 2029, budget: 7),
        ])
        #expect(input.text == "2026:5000000, 2027:3000000.5, 2028:150000000, 2029:7")
        #expect(try BudgetInput.parse(input.text, dataYear: 2025) == input)
    }

    @Test func blankMeansNoSchedule() throws {
        #expect(try BudgetInput.parse(nil, dataYear: 2025) == nil)
        #expect(try BudgetInput.parse("  ", dataYear: 2025) == nil)
        #expect(try BudgetInput.parse(" , ", dataYear: 2025) == nil)
    }

    @Test func refusesWhatIsNotABudget() {
        #expect(throws: BudgetInput.Problem.self) { try BudgetInput.parse("2026:inf", dataYear: 2025) }
        #expect(throws: BudgetInput.Problem.self) { try BudgetInput.parse("2026:20000000000000", dataYear: 2025) }
        #expect(throws: BudgetInput.Problem.self) { try BudgetInput.parse("2201:1", dataYear: 2025) }
        #expect(throws: BudgetInput.Problem.self) { try BudgetInput.parse("2026:万", dataYear: 2025) }
        let many = (2026..<2026 + BudgetInput.maximumYears + 1).map { "\($0):1" }.joined(separator: ",")
        #expect(throws: BudgetInput.Problem.self) { try BudgetInput.parse(many, dataYear: 2025) }
    }

    /// Issue 15: the form's placeholder, and what bureaus type besides it.
    @Test(arguments: [
        ("2026:4917093, 2027:5000000", [4_917_093.0, 5_000_000]),
        ("2026:4,917,093, 2027:5,000,000", [4_917_093, 5_000_000]),
        ("2026:4,917,093,2027:5,000,000", [4_917_093, 5_000_000]),
        ("2026:4917093,2027:5000000", [4_917_093, 5_000_000]),
        ("２０２６：４９１７０９３，２０２７：５００００００", [4_917_093, 5_000_000]),
        ("２０２６：４，９１７，０９３；２０２７：５００万元", [4_917_093, 5_000_000]),
        ("2026:491.7093万\n2027=5,000,000.50元", [4_917_093, 5_000_000.5]),
        ("2026: 1,000 ; 2027 : 2,000", [1_000, 2_000]),
        ("2026:100,200", [100_200]),
    ])
    func readsThePlaceholderThousandsAndFullWidth(text: String, amounts: [Double]) throws {
        let input = try #require(try BudgetInput.parse(text, dataYear: 2025))
        #expect(input.budgets.map(\.year) == Array(2026..<2026 + amounts.count))
        #expect(zip(input.budgets.map(\.budget), amounts).allSatisfy { abs($0 - $1) < 1e-6 }, "\(input.budgets)")
    }

    /// A comma is a thousands separator only before exactly three digits that end the group;
    /// anything else is refused with the sentence that says what to write.
    @Test(arguments: [
        ("2026:100, 200", "预算第 2 项“200”应写成“年度:金额”，各项以逗号、分号或换行分隔，如 2026:4917093, 2027:5000000"),
        ("2026:1,0000", "预算第 2 项“0000”应写成“年度:金额”"),
        ("2026:49,17,093", "预算第 2 项“17,093”应写成“年度:金额”"),
        ("2026:4917093 2027:5000000", "预算第 1 项的金额“4917093 2027:5000000”不是数值：请写元数，如 4917093、4,917,093 或 491.7万"),
        ("2026:1,234.", "预算第 1 项的金额“1,234.”不是数值"),
        ("2026:0x10", "预算第 1 项的金额“0x10”不是数值"),
        ("2026:nan", "预算第 1 项的金额“nan”不是数值"),
    ])
    func explainsWhatToWrite(text: String, message: String) throws {
        let problem = try #require(throws: BudgetInput.Problem.self) { try BudgetInput.parse(text, dataYear: 2025) }
        #expect(problem.message(in: .chinese).hasPrefix(message), "\(problem.message(in: .chinese))")
    }

    @Test func theTextReadsBack() throws {
        for text in ["2026:4,917,093, 2027:5000000.5", "2026:1,000;2027:2亿"] {
            let input = try #require(try BudgetInput.parse(text, dataYear: 2025))
            #expect(try BudgetInput.parse(input.text, dataYear: 2025) == input)
        }
    }
}

@Suite("Amounts of money as typed")
struct YuanTextTests {
    @Test(arguments: [
        ("4917093", 4_917_093.0), ("4,917,093", 4_917_093), ("4,917,093.25", 4_917_093.25), ("491.7093万", 4_917_093),
        ("500万元", 5_000_000), ("1.5亿", 150_000_000), (" 3500 元 ", 3_500), ("０．５", 0.5), ("４，９１７", 4_917),
        ("-5", -5), ("+7", 7), ("999", 999), ("1,000,000", 1_000_000),
    ])
    func reads(text: String, value: Double) throws {
        let read = try #require(YuanText.value(text))
        #expect(abs(read - value) < 1e-6)
    }

    @Test(arguments: ["", "元", "万", "1e9", "inf", "nan", "0x10", "1,00", "12,3456", ",123", "1,234,", "1.", ".5", "1.2.3", "五百", "1 000",
                      String(repeating: "9", count: 400)])
    func refuses(text: String) {
        #expect(YuanText.value(text) == nil)
    }
}
