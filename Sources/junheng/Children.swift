import ArgumentParser
import Domain
import Foundation
import Interchange
import Reports
import Storage
import StorageSQL
import UseCases

/// `junheng children …`: the children who need care (关爱帮扶) — their rates, pairing with
/// teachers (结对帮扶) and contact cards, the dropout ledger (控辍保学), and the stored register
/// as an account may see it.
struct Children: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Children who need care: rates, pairing and contact cards, the dropout ledger, the stored register.",
        subcommands: [Rates.self, Pair.self, Dropouts.self, List.self])

    /// The register file, read and checked against the schools file when one is given.
    static func register(_ path: String, schools: [SchoolYear]?, language l: Language) throws -> [Child] {
        let file = try readDataFile(path, \.warnings) { try ChildrenReader(language: l).read($0, file: path) }
        if let schools {
            try refusingProblems { try CareInputCheck.refuse(CareInputCheck(language: l).problems(children: file, schools: schools)) }
        }
        return file.children
    }

    static func rules(_ path: String?, language l: Language) throws -> CareRules {
        try path.map { try readRules($0, CareRules.input, language: l) } ?? .defaults
    }

    /// Writes `bytes` to `path`, or stops with status 73.
    static func save(_ bytes: [UInt8], to path: String) throws {
        do { try writeFile(bytes, to: path) } catch {
            printError("\(path): \(error)")
            throw ExitStatus.cannotCreate
        }
    }

    static func schoolNames(_ schools: [SchoolYear]) -> [String: String] {
        Dictionary(schools.map { ($0.schoolCode, $0.schoolName) }, uniquingKeysWith: { a, _ in a })
    }

    /// `junheng children rates SCHOOLS CHILDREN`: the county's care dashboard.
    struct Rates: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Counts and rates of the children who need care, by school; quality items 1 and 2 and item 15.",
            discussion: """
                Reads the children register (儿童登记) and, with --cohorts, the junior cohorts (巩固率), checked against the \
                schools file. Reports the disabled children's enrollment rate (quality item 2, ≥ 95 %), the junior \
                three-year retention (quality item 1, ≥ 95 %) and the migrant children's share in public or \
                purchased-service schools (item 15, ≥ 85 %), and each school's counts. Names are never shown. \
                Exit status: 0, 65 when a file is refused, 64 for bad usage.
                """)

        @Argument(help: "The schools file (学校年度数据): CSV or XLSX.")
        var schools: String
        @Argument(help: "The children register (儿童登记): CSV or XLSX.")
        var children: String
        @Option(help: "The cohorts file (巩固率: grade-7 entrants, graduates, transfers, deaths).")
        var cohorts: String?
        @Option(help: "Care rules, JSON (pair_limit, pair_categories, school_age_from, school_age_to, age_on, purchased_service_schools).")
        var rules: String?
        @Option(help: "The county (default: the register's first).")
        var county: String?
        @Option(help: "The year (default: the register's first).")
        var year: Int?
        @OptionGroup var output: ReportOptions
        @OptionGroup var language: LanguageOption

        func run() throws {
            let l = try language.resolved()
            let rows = try readSchools(schools, sheet: nil, language: l)
            let register = try Children.register(children, schools: rows, language: l)
            var cohortRecords: [CohortRecord] = []
            if let cohorts {
                let file = try readDataFile(cohorts, \.warnings) { try CohortsReader(language: l).read($0, file: cohorts) }
                try refusingProblems { try CareInputCheck.refuse(CareInputCheck(language: l).problems(cohorts: file, schools: rows)) }
                cohortRecords = file.cohorts
            }
            let rules = try Children.rules(rules, language: l)
            guard let first = register.first.map({ ($0.countyCode, $0.year) }) ?? cohortRecords.first.map({ ($0.countyCode, $0.year) }) else {
                printError(l.pick("儿童登记没有数据行", "the children register has no rows"))
                throw ExitStatus.dataError
            }
            let county = self.county ?? first.0, year = self.year ?? first.1
            let rates = CareRates(children: register.filter { $0.countyCode == county && $0.year == year },
                                  schools: rows.filter { $0.countyCode == county },
                                  cohorts: cohortRecords.filter { $0.countyCode == county && $0.year == year }, rules: rules)
            let builder = CareReport(language: l)
            let title = l.pick("\(county) \(year)年度 关爱帮扶对象统计", "\(county) \(year): children who need care")
            try output.write(builder.dashboard(rates, title: title, schoolNames: Children.schoolNames(rows)),
                             csv: builder.schools(rates, names: Children.schoolNames(rows)), json: {
                try JSONValue(encoding: CareDocument(rates, county: county, year: year)).serialized() + "\n"
            }, summaryName: builder.summaryName, language: l)
        }
    }

    /// `junheng children pair SCHOOLS CHILDREN TEACHERS`: 结对帮扶 and contact cards.
    struct Pair: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Pair each child the care rules name with a teacher of their school (结对帮扶), and print contact cards.",
            discussion: """
                Every left-behind child (and the others pair_categories names) enrolled at a school is paired with a \
                teacher of that school, at most pair_limit (default 5) children per teacher: the head teacher of the \
                child's class (teachers file column head_of_class 班主任班级) preferred, then the child's partner so far \
                (register column partner 结对教师, last year's), by an exact min-cost flow. Children whose school has \
                too few teachers are listed unpaired. --register writes the register with this year's partners; \
                --cards writes printable contact cards (联系卡). Both hold personal data: keep them as the register. \
                Exit status: 0, 65 when a file is refused, 64 for bad usage, 73 when an output cannot be written.
                """)

        @Argument(help: "The schools file: CSV or XLSX.")
        var schools: String
        @Argument(help: "The children register: CSV or XLSX.")
        var children: String
        @Argument(help: "The teachers file (教师信息) with head_of_class: CSV or XLSX.")
        var teachers: String
        @Option(help: "Care rules, JSON.")
        var rules: String?
        @Option(help: "Write the register with this year's partners (.csv).")
        var register: String?
        @Option(help: "Write printable contact cards (联系卡, .html).")
        var cards: String?
        @OptionGroup var output: ReportOptions
        @OptionGroup var language: LanguageOption

        func run() throws {
            let l = try language.resolved()
            let rows = try readSchools(schools, sheet: nil, language: l)
            let list = try Children.register(children, schools: rows, language: l)
            let staff = try readDataFile(teachers, \.warnings) { try TeachersReader(referenceYear: list.first?.year ?? rows.map(\.year).max() ?? 2026, language: l).read($0, file: teachers) }.teachers
            let rules = try Children.rules(rules, language: l)
            let outcome = RegisterPairing(rules: rules).pair(list, teachers: staff)
            let names = Children.schoolNames(rows)
            let builder = CareReport(language: l)
            if let register { try Children.save(try ChildrenWriter(headers: l == .chinese ? .chinese : .english).write(outcome.children), to: register) }
            if let cards {
                let needing = Set(outcome.needing)
                let report = builder.contactCards(outcome.children.filter { needing.contains($0.id) }, title: l.pick("留守儿童联系卡", "Contact cards"),
                                                  unmasked: true, schoolNames: names)
                try Children.save(Array(PrintableHTMLRenderer(language: l).document([report], title: report.title, subtitle: nil).utf8), to: cards)
            }
            let report = builder.pairing(outcome, limit: rules.pairLimit, title: l.pick("结对帮扶名单", "Care pairing"), schoolNames: names)
            try output.write(report, csv: report.tables[0], json: {
                try JSONValue(encoding: PairingDocument(outcome, limit: rules.pairLimit)).serialized() + "\n"
            }, summaryName: builder.summaryName, language: l)
        }
    }

    /// `junheng children dropouts DROPOUTS`: the ledger.
    struct Dropouts: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The dropout ledger (控辍保学台账): each case with its follow-up visits, open cases first.",
            discussion: "With --children, each case's child must be on the register. Exit status: 0, 65 when a file is refused, 64 for bad usage.")

        @Argument(help: "The dropouts file: one row per visit (county_code, child_id, school_code, status, opened, closed, reason, visit_date, visitor, outcome).")
        var dropouts: String
        @Option(help: "The schools file, to check the cases' schools and name them.")
        var schools: String?
        @Option(help: "The children register, to check each case's child.")
        var children: String?
        @OptionGroup var output: ReportOptions
        @OptionGroup var language: LanguageOption

        func run() throws {
            let l = try language.resolved()
            let file = try readDataFile(dropouts, \.warnings) { try DropoutsReader(language: l).read($0, file: dropouts) }
            let rows = try schools.map { try readSchools($0, sheet: nil, language: l) } ?? []
            let register = try children.map { try Children.register($0, schools: schools == nil ? nil : rows, language: l) }
            if schools != nil || register != nil {
                try refusingProblems {
                    try CareInputCheck.refuse(CareInputCheck(language: l).problems(dropouts: file, children: register, schools: schools == nil ? nil : rows))
                }
            }
            let builder = CareReport(language: l)
            let report = builder.dropouts(file.cases, title: l.pick("控辍保学台账", "Dropout ledger"), schoolNames: Children.schoolNames(rows))
            try output.write(report, csv: report.tables[0], json: {
                try JSONValue(encoding: DropoutDocument(file.cases)).serialized() + "\n"
            }, summaryName: builder.summaryName, language: l)
        }
    }

    /// `junheng children list --county C --year Y [--school S] --user NAME`: the stored
    /// register as the account may see it — masked unless it may see names, and then recorded.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The stored children register as an account may see it (masked unless it may see names; every unmasked read recorded).",
            discussion: """
                Without --user the system user (an administrator) reads: masked. A care officer of the county (or of \
                the school) sees names, and the read is written to the audit trail with the account, the children and \
                the purpose. --export writes the list (.csv or .xlsx) as shown; an unmasked export is recorded as such. \
                Exit status: 0, 64 for bad usage or an account that may not read the county.
                """)

        @Option(help: "The county (6-digit code).")
        var county: String
        @Option(help: "The school year.")
        var year: Int
        @Option(help: "Only this school's children.")
        var school: String?
        @Option(help: "Read as this account.")
        var user: String?
        @Option(help: "Write the list to this file (.csv or .xlsx).")
        var export: String?
        @OptionGroup var database: DatabaseOption
        @OptionGroup var language: LanguageOption

        func run() async throws {
            let l = try language.resolved()
            let store = try await database.open()
            do {
                let account: Account
                if let user {
                    guard let found = try await store.account(named: user) else {
                        printError(l.pick("没有名为 \(user) 的用户", "no user named \(user)"))
                        throw ExitStatus.usage
                    }
                    account = found
                } else {
                    let name = "cli:" + (ProcessInfo.processInfo.environment["USER"] ?? NSUserName())
                    account = Account(id: 0, name: name, role: .admin, counties: [], schoolCode: nil, passwordHash: "", createdAt: Date())
                }
                let purpose = export.map { "export " + URL(fileURLWithPath: $0).lastPathComponent } ?? "junheng children list"
                let view: CareRegisterAccess.View
                do {
                    view = try await CareRegisterAccess(store: store).children(county: county, year: year, school: school, by: account, purpose: purpose, at: Date())
                } catch is CareRegisterAccess.Refusal {
                    printError(l.pick("用户 \(account.name) 无权查看县区 \(county) 的儿童登记", "user \(account.name) may not read county \(county)'s register"))
                    throw ExitStatus.usage
                }
                let names = Children.schoolNames(try await store.schoolYears(county: county, year: year))
                try await store.shutdown()
                let builder = CareReport(language: l)
                let report = builder.register(view.children, title: l.pick("儿童登记 \(county) \(year)", "Children register \(county) \(year)"),
                                              unmasked: view.unmasked, schoolNames: names)
                if let export {
                    let table = builder.registerTable(view.children, unmasked: view.unmasked, schoolNames: names)
                    if export.lowercased().hasSuffix(".xlsx") {
                        try Children.save(try XLSXRenderer(language: l, summaryName: builder.summaryName).workbook(report), to: export)
                    } else {
                        try Children.save(CSVRenderer().document(table), to: export)
                    }
                }
                writeOutput(TerminalRenderer(language: l).text(report))
            } catch {
                try? await store.shutdown()
                throw error
            }
        }
    }
}
