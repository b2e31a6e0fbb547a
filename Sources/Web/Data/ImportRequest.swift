import Domain
import Foundation
import Interchange
import NIOPosix
import Storage

/// One uploaded file: its bytes, the name the user gave it (used in every message) and the
/// worksheet to read when it is a workbook.
struct UploadedFile: Sendable {
    var name: String
    var bytes: [UInt8]
    var sheet: String?

    init(name: String, bytes: [UInt8], sheet: String? = nil) {
        // The name only labels messages and the audit note; keep it one short line.
        let line = name.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        self.name = line.isEmpty ? "upload" : String(line.prefix(200))
        self.bytes = bytes
        self.sheet = sheet.flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// An import from the import page or the API: a `schools` file and/or a `facts` file, read,
/// authorised row by row, then written in one all-or-nothing store transaction.
///
/// ```swift
/// let receipt = try await ImportRequest(schools: file).run(by: account, services: services, language: .chinese)
/// ```
///
/// Nothing is written unless both files read without a single error and the account may
/// change every county and every row they touch.
struct ImportRequest: Sendable {
    var schools: UploadedFile?
    var facts: UploadedFile?

    /// What an import did, with the readers' warnings (unknown columns…).
    struct Outcome: Sendable {
        var receipt: ImportReceipt
        var warnings: [String]
    }

    /// Whether `account` may import into some county at all. Routes ask this before reading
    /// the upload, so a supervisor is refused without the file being parsed.
    static func mayImport(_ account: Account) -> Bool {
        account.role == .admin || account.counties.contains { account.may(.importInto(county: $0)) }
    }

    /// Reads, authorises and imports.
    ///
    /// - Throws: ``WebError/invalidData(_:details:)`` listing every `FILE:ROW:COLUMN: message`
    ///   of both files; ``WebError/forbidden`` naming the first county or school the account
    ///   may not change; ``StoreError/isLocked`` when a year of the batch is locked.
    func run(by account: Account, services: WebServices, language: Language) async throws -> Outcome {
        let (batch, warnings) = try await read(standard: services.configuration.standard, language: language, heavy: services.heavy)
        try await Self.authorise(batch, account: account, store: services.store, language: language)
        let receipt = try await services.store.importData(batch, by: account, at: services.clock())
        return Outcome(receipt: receipt, warnings: warnings)
    }

    /// Reads both files off the event loop (a large workbook takes a while) into one batch.
    func read(standard: Standard, language l: Language, heavy: HeavyWork) async throws -> (ImportBatch, [String]) {
        guard schools != nil || facts != nil else {
            throw WebError.badRequest(l.pick("请选择要导入的文件。", "Choose a file to import."))
        }
        let schools = self.schools, facts = self.facts
        let read: Result<(ImportBatch, [String]), DataFileError> = try await heavy.run {
            var errors: [RowError] = [], warnings: [String] = []
            var rows: [SchoolYear] = [], recorded: [CountyFact] = []
            if let schools {
                do {
                    let file = try SchoolsReader(language: l).read(schools.bytes, file: schools.name, sheet: schools.sheet)
                    rows = file.schools
                    warnings += file.warnings
                } catch let error as DataFileError { errors += error.errors }
            }
            if let facts {
                do {
                    let file = try FactsReader(standard: standard, language: l).read(facts.bytes, file: facts.name, sheet: facts.sheet)
                    recorded = file.facts
                    warnings += file.warnings
                } catch let error as DataFileError { errors += error.errors }
            }
            guard errors.isEmpty else { return .failure(DataFileError(errors: errors, warnings: warnings)) }
            let source = [schools?.name, facts?.name].compactMap { $0 }.joined(separator: ", ")
            return .success((ImportBatch(schools: rows, facts: recorded, source: source), warnings))
        }
        switch read {
        case .success(let value):
            guard !value.0.schools.isEmpty || !value.0.facts.isEmpty else {
                throw WebError.invalidData(l.pick("文件中没有数据行，未导入任何数据。", "The file has no data rows; nothing was imported."), details: [])
            }
            return value
        case .failure(let error):
            throw WebError.invalidData(
                l.pick("文件有 \(error.errors.count) 处错误，未导入任何数据。请改正后重新导入。",
                       "The file has \(error.errors.count) error(s); nothing was imported. Correct them and import again."),
                details: error.errors.map(\.description)
            )
        }
    }

    /// Refuses the batch (403) unless `account` may write all of it: see ``ImportAuthorisation``.
    static func authorise(_ batch: ImportBatch, account: Account, store: any Store, language l: Language) async throws {
        if let refusal = try await ImportAuthorisation.refusal(of: batch, by: account, store: store, language: l) {
            throw WebError(.forbidden, refusal)
        }
    }
}
