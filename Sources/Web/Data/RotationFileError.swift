import Domain
import Interchange

/// An uploaded teachers file or rules that the rotation plan refuses: every problem, at the
/// place a person fixes it (file, row, column, rule). Nothing is planned from a refused
/// upload; the page lists the problems, the API answers 422 `invalid_data`.
struct RotationFileError: Error, Sendable {
    /// Every problem, the teachers file's first, then the rules'.
    var problems: [RowError]

    /// The sentence above the list.
    func message(in l: Language) -> String {
        l.pick("上传的文件有 \(problems.count) 处错误，未生成交流轮岗方案。请改正后重新上传。",
               "The upload has \(problems.count) error(s); no rotation plan was made. Correct them and upload again.")
    }

    /// As the API answers it: each problem as `FILE:ROW:COLUMN: message` (a rules problem,
    /// which has no row, as `FILE: KEY: message`).
    func webError(in l: Language) -> WebError {
        .invalidData(message(in: l), details: problems.map(Self.line))
    }

    static func line(_ problem: RowError) -> String {
        problem.row == 0 && !problem.column.isEmpty ? "\(problem.file): \(problem.column): \(problem.message)" : problem.description
    }
}
