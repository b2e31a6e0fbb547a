import ArgumentParser
import Domain
import Foundation
import Interchange
import Storage
import StorageSQL
import UseCases

/// `junheng import`: loads a schools file (and a facts file) into the database, all or
/// nothing, in one transaction.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a schools file (CSV or XLSX) and/or a county facts file into the database, all or nothing.",
        discussion: """
        Each row replaces the stored row of the same year and school code; the school's other years stay, and \
        every changed value is kept in the audit trail. A file with any error is refused whole (exit 65) and \
        nothing is written; so is a file that touches a locked year.
        """
    )

    @Argument(help: "The schools file: CSV (UTF-8 or GB18030) or XLSX; Chinese or English headers.")
    var file: String?

    @Option(help: "The worksheet to read when the schools file is a workbook (default: the first).")
    var sheet: String?

    @OptionGroup var facts: FactsFileOption
    @OptionGroup var standard: StandardOption

    @Option(help: "A children register (儿童登记): replaces the register of each county and year it holds (personal data: a care officer's or an administrator's import).")
    var children: String?

    @Option(help: "A dropout ledger (控辍保学台账): adds or updates its cases, each with its visits.")
    var dropouts: String?

    @Option(help: "Junior cohorts (巩固率): replace each county and year's.")
    var cohorts: String?

    @Option(help: "Record the import under this account (it must exist and may import into every county of the file). Default: the system user, as cli:NAME.")
    var user: String?

    @OptionGroup var database: DatabaseOption
    @OptionGroup var language: LanguageOption

    mutating func validate() throws {
        if file == nil && facts.facts == nil && children == nil && dropouts == nil && cohorts == nil {
            throw ValidationError("name a schools file, a --facts file, or a care file (--children, --dropouts, --cohorts)")
        }
    }

    func run() async throws {
        let l = try language.resolved()
        let schools = try file.map { try readSchools($0, sheet: sheet, language: l) } ?? []
        let countyFacts = try facts.read(standard: standard.load(), language: l) ?? []
        let care = ImportCareData.Files(
            children: try children.map { path in try readDataFile(path, \.warnings) { try ChildrenReader(language: l).read($0, file: path) } },
            dropouts: try dropouts.map { path in try readDataFile(path, \.warnings) { try DropoutsReader(language: l).read($0, file: path) } },
            cohorts: try cohorts.map { path in try readDataFile(path, \.warnings) { try CohortsReader(language: l).read($0, file: path) } })
        let source = [file, facts.facts].compactMap { $0.map { URL(fileURLWithPath: $0).lastPathComponent } }.joined(separator: " + ")
        let batch = ImportBatch(schools: schools, facts: countyFacts, source: source)
        let store = try await database.open()
        do {
            let account = try await importer(store, language: l)
            // Every county of the care files is authorised before anything is written.
            try ImportCareData.authorise(care.counties, by: account, language: l)
            if !schools.isEmpty || !countyFacts.isEmpty {
                // The system user is an administrator: only `--user` has something to authorise.
                let receipt = try await ImportData(store: store).run(batch, by: account, at: Date(), language: l)
                writeOutput(receipt.forReview > 0 ? l.pick(
                    "已提交 \(source)：\(receipt.forReview) 所学校的数据待县级审核，审核通过后计入评估。\n",
                    "Submitted \(source): \(receipt.forReview) school rows await the county's review; they count once approved.\n"
                ) : l.pick(
                    "已导入 \(source)：新增 \(receipt.added) 所学校，修改 \(receipt.changed) 所，未变 \(receipt.unchanged) 所；县级指标 \(receipt.facts) 项。\n",
                    "Imported \(source): \(receipt.added) schools added, \(receipt.changed) changed, \(receipt.unchanged) unchanged; \(receipt.facts) county facts.\n"
                ))
            }
            if !care.counties.isEmpty {
                let receipt: ImportCareData.Receipt
                do {
                    receipt = try await ImportCareData(store: store).run(care, by: account, at: Date(), language: l)
                } catch let error as ImportFileError {
                    error.problems.forEach { printError($0.description) }
                    try? await store.shutdown()
                    throw ExitStatus.dataError
                }
                writeOutput(l.pick(
                    "已导入关爱帮扶数据：儿童登记 \(receipt.children) 人（新增 \(receipt.added)，修改 \(receipt.changed)，移除 \(receipt.removed)）；控辍保学个案 \(receipt.cases) 件；巩固率 \(receipt.cohorts) 校。\n",
                    "Imported care data: \(receipt.children) children on the register (\(receipt.added) added, \(receipt.changed) changed, \(receipt.removed) removed); \(receipt.cases) dropout cases; cohorts of \(receipt.cohorts) schools.\n"))
            }
            try await store.shutdown()
        } catch let refusal as ImportRefusal {
            try? await store.shutdown()
            printError(l.pick("用户 \(user ?? "")：", "user \(user ?? ""): ") + refusal.message)
            throw ExitStatus.usage
        } catch let error as StoreError where error.isLocked {
            try? await store.shutdown()
            let locked = error.lockedCountyYear!
            printError(l.pick("\(source): \(locked.countyCode) \(locked.year) 年度数据已锁定，未导入任何内容。",
                              "\(source): \(locked.countyCode) \(locked.year) is locked; nothing was imported."))
            throw ExitStatus.dataError
        } catch {
            try? await store.shutdown()
            throw error
        }
    }

    /// The account the trail records: `--user` (authorised like a web import), or the system user.
    private func importer(_ store: SQLStore, language l: Language) async throws -> Account {
        guard let user else {
            let name = "cli:" + (ProcessInfo.processInfo.environment["USER"] ?? NSUserName())
            return Account(id: 0, name: name, role: .admin, counties: [], schoolCode: nil, passwordHash: "", createdAt: Date())
        }
        guard let account = try await store.account(named: user) else {
            printError(l.pick("没有名为 \(user) 的用户", "no user named \(user)"))
            throw ExitStatus.usage
        }
        return account
    }
}
