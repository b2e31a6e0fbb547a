import Domain
import Foundation
import Interchange
import Storage

/// An import (导入): a schools file and/or a facts file read into one batch, authorised row by
/// row (``ImportAuthorisation``), then written in one all-or-nothing store transaction. The
/// import page, the API and `junheng import` all go through it.
///
/// ```swift
/// let importing = ImportData(store: store, standard: standard, work: InlineWork())
/// let outcome = try await importing.run(schools: file, facts: nil, by: clerk, at: .now, language: .chinese)
/// outcome.receipt.changed
/// ```
///
/// Nothing is written unless both files read without a single error and the account may
/// change every county and every row they touch.
public struct ImportData: Sendable {
    public var store: any Store
    /// The standard whose items a facts file may record.
    public var standard: Standard
    /// Where the files are read: a large workbook takes a while.
    public var work: any WorkRunner

    public init(store: any Store, standard: Standard, work: any WorkRunner) {
        self.store = store
        self.standard = standard
        self.work = work
    }

    /// What an import did, with the readers' warnings (unknown columns…).
    public struct Outcome: Sendable {
        public var receipt: ImportReceipt
        public var warnings: [String]
    }

    /// Whether `account` may import into some county at all. Ask this before reading an
    /// upload, so that a supervisor is refused without the file being parsed.
    public static func mayImport(_ account: Account) -> Bool {
        account.role == .admin || account.counties.contains { account.may(.importInto(county: $0)) }
    }

    /// Reads, authorises and imports the files (at least one of them).
    ///
    /// - Throws: ``ImportFileError`` listing every problem of both files, or when they hold no
    ///   row; ``ImportRefusal`` naming the first county or school the account may not change;
    ///   ``StoreError/isLocked`` when a year of the batch is locked.
    public func run(schools: UploadedFile?, facts: UploadedFile?, by account: Account, at time: Date, language: Language) async throws -> Outcome {
        let (batch, warnings) = try await read(schools: schools, facts: facts, language: language)
        return Outcome(receipt: try await run(batch, by: account, at: time, language: language), warnings: warnings)
    }

    /// Authorises and imports a batch already read.
    ///
    /// - Throws: ``ImportRefusal``; ``StoreError/isLocked`` when a year of the batch is locked.
    public func run(_ batch: ImportBatch, by account: Account, at time: Date, language: Language) async throws -> ImportReceipt {
        try await authorise(batch, by: account, language: language)
        return try await store.importData(batch, by: account, at: time)
    }

    /// Refuses the batch unless `account` may write all of it: see ``ImportAuthorisation``.
    ///
    /// - Throws: ``ImportRefusal``.
    public func authorise(_ batch: ImportBatch, by account: Account, language l: Language) async throws {
        // An administrator may write everything: nothing to check, and no year's rows to read.
        guard account.role != .admin else { return }
        if let refusal = try await ImportAuthorisation.refusal(of: batch, by: account, store: store, language: l) {
            throw ImportRefusal(message: refusal)
        }
    }

    /// Reads both files off the caller's thread into one batch, named after the files.
    ///
    /// - Throws: ``ImportFileError`` with every problem of both files, or when they hold no row.
    public func read(schools: UploadedFile?, facts: UploadedFile?, language l: Language) async throws -> (ImportBatch, [String]) {
        let standard = standard
        let read: Result<(ImportBatch, [String]), DataFileError> = try await work.run {
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
            guard !value.0.schools.isEmpty || !value.0.facts.isEmpty else { throw ImportFileError(problems: []) }
            return value
        case .failure(let error):
            throw ImportFileError(problems: error.errors)
        }
    }
}
