import Domain

/// Collects the problems of one file while it is read, so a refusal lists all of them.
struct ProblemLog: Sendable {
    /// The file as the user named it.
    let file: String
    /// The language of the messages.
    let language: Language
    /// Errors with their sort key; the sequence keeps the order of discovery within a cell.
    private var errors: [(row: Int, position: Int, sequence: Int, error: RowError)] = []
    /// Warnings, `FILE:ROW:COLUMN: message`, in order of discovery.
    private(set) var warnings: [String] = []

    init(file: String, language: Language) {
        self.file = file
        self.language = language
    }

    /// Records an error: the file will be refused.
    mutating func error(_ problem: Problem, row: Int, column: ColumnRef) {
        errors.append((row, column.position, errors.count, entry(problem, row, column)))
    }

    /// Records a warning: shown, but the file is still used.
    mutating func warning(_ problem: Problem, row: Int, column: ColumnRef) {
        warnings.append(entry(problem, row, column).description)
    }

    /// Throws the refusal when any error was recorded.
    func check() throws(DataFileError) {
        guard !errors.isEmpty else { return }
        let sorted = errors.sorted { ($0.row, $0.position, $0.sequence) < ($1.row, $1.position, $1.sequence) }
        throw DataFileError(errors: sorted.map(\.error), warnings: warnings)
    }

    private func entry(_ problem: Problem, _ row: Int, _ column: ColumnRef) -> RowError {
        RowError(file: file, row: row, column: column.name, message: problem.message(in: language))
    }
}
