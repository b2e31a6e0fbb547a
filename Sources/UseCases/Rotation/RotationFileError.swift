import Domain
import Interchange

/// An uploaded teachers file or rules that the rotation plan refuses: every problem, at the
/// place a person fixes it (file, row, column, rule). Nothing is planned from a refused
/// upload; the page lists the problems, the API answers 422 `invalid_data`, the command
/// prints them and stops with status 65.
public struct RotationFileError: Error, Sendable {
    /// Every problem, the teachers file's first, then the rules'.
    public var problems: [RowError]

    /// Makes the value from its parts.
    public init(problems: [RowError]) {
        self.problems = problems
    }

    /// The sentence above the list.
    public func message(in l: Language) -> String {
        l.pick("上传的文件有 \(problems.count) 处错误，未生成交流轮岗方案。请改正后重新上传。",
               "The upload has \(problems.count) error(s); no rotation plan was made. Correct them and upload again.")
    }

    /// Each problem as `FILE:ROW:COLUMN: message`; a rules problem, which has no row, as
    /// `FILE: KEY: message`.
    public var lines: [String] { problems.map(Self.line) }

    static func line(_ problem: RowError) -> String {
        problem.row == 0 && !problem.column.isEmpty ? "\(problem.file): \(problem.column): \(problem.message)" : problem.description
    }
}
