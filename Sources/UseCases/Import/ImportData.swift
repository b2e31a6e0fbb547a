import Domain
import Foundation
import Storage

/// An import (导入): a schools file and/or a facts file read into one batch, authorised row by
/// row (``ImportAuthorisation``), then written in one all-or-nothing store transaction. The
/// import page, the API and `junheng import` all go through it.
///
/// ```swift
/// let files = ImportFiles(standard: standard, work: InlineWork())
/// let outcome = try await ImportData(store: store).run(files, schools: file, facts: nil, by: clerk, at: .now, language: .chinese)
/// outcome.receipt.changed
/// ```
///
/// Nothing is written unless both files read without a single error and the account may
/// change every county and every row they touch.
public struct ImportData: Sendable {
    /// Where the data is.
    public var store: any Store

    /// Makes the value from its parts.
    public init(store: any Store) {
        self.store = store
    }

    /// What an import did, with the readers' warnings (unknown columns…).
    public struct Outcome: Sendable {
        /// What the store did.
        public var receipt: ImportReceipt
        /// What the readers noted without refusing (unknown columns…).
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
    public func run(_ files: ImportFiles, schools: UploadedFile?, facts: UploadedFile?, by account: Account, at time: Date,
                    language: Language) async throws -> Outcome {
        let (batch, warnings) = try await files.read(schools: schools, facts: facts, language: language)
        return Outcome(receipt: try await run(batch, by: account, at: time, language: language), warnings: warnings)
    }

    /// Authorises and imports a batch already read.
    ///
    /// - Throws: ``ImportRefusal``; ``StoreError/isLocked`` when a year of the batch is locked.
    ///
    /// A school clerk's rows are not written over the approved ones: they are saved for the
    /// county's review (``ReviewStore``) and count once approved.
    public func run(_ batch: ImportBatch, by account: Account, at time: Date, language: Language) async throws -> ImportReceipt {
        try await authorise(batch, by: account, language: language)
        let forReview = batch.schools.filter { account.submitsForReview(county: $0.countyCode) }
        guard !forReview.isEmpty else { return try await store.importData(batch, by: account, at: time) }
        // Authorised, a batch with rows for review is a clerk's: their own school's rows, no facts.
        guard forReview.count == batch.schools.count, batch.facts.isEmpty else {
            throw ImportRefusal(message: language.pick("需审核的学校数据不能与县级数据同批导入。",
                                                       "Rows that need review cannot be imported with the county's own data."))
        }
        _ = try await store.saveSubmissions(forReview, by: account, at: time)
        return ImportReceipt(forReview: forReview.count)
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
}
