import Domain
import Interchange
import Storage

/// Reads the files of an import — a schools file and/or a facts file — into one batch, all
/// of their problems at once (``ImportFileError``). ``ImportData`` authorises and writes it.
public struct ImportFiles: Sendable {
    /// The standard whose items a facts file may record.
    public var standard: Standard
    /// Where the files are read: a large workbook takes a while.
    public var work: any WorkRunner

    /// Makes the value from its parts.
    public init(standard: Standard, work: any WorkRunner) {
        self.standard = standard
        self.work = work
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
