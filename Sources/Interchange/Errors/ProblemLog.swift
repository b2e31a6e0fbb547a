import Domain

/// Collects the problems of one file, or of one part of it, while it is read, so that a
/// refusal lists all of them.
struct ProblemLog: Sendable {
    /// The file as the user named it.
    let file: String
    /// The language of the messages.
    let language: Language
    /// Errors with their sort key; the sequence keeps the order of discovery within a cell.
    private var errors: [(position: Int, sequence: Int, error: RowError)] = []
    /// Warnings in order of discovery.
    private var warningEntries: [RowError] = []

    init(file: String, language: Language) {
        self.file = file
        self.language = language
    }

    /// Warnings, `FILE:ROW:COLUMN: message`, in order of discovery.
    var warnings: [String] { warningEntries.map(\.description) }

    /// Records an error: the file will be refused.
    mutating func error(_ problem: Problem, row: Int, column: ColumnRef) {
        errors.append((column.position, errors.count, entry(problem, row, column)))
    }

    /// Records a warning: shown, but the file is still used.
    mutating func warning(_ problem: Problem, row: Int, column: ColumnRef) {
        warningEntries.append(entry(problem, row, column))
    }

    /// Appends the problems of the next part of the file, whose rows count from `rowOffset`.
    mutating func append(_ next: ProblemLog, rowOffset: Int) {
        for var entry in next.errors {
            entry.error.row += rowOffset
            entry.sequence += errors.count
            errors.append(entry)
        }
        for var warning in next.warningEntries {
            warning.row += rowOffset
            warningEntries.append(warning)
        }
    }

    /// Throws the refusal when any error was recorded.
    func check() throws(DataFileError) {
        guard !errors.isEmpty else { return }
        let sorted = errors.sorted {
            ($0.error.row, $0.position, $0.sequence) < ($1.error.row, $1.position, $1.sequence)
        }
        throw DataFileError(errors: sorted.map(\.error), warnings: warnings)
    }

    private func entry(_ problem: Problem, _ row: Int, _ column: ColumnRef) -> RowError {
        RowError(file: file, row: row, column: column.name, message: problem.message(in: language))
    }
}
