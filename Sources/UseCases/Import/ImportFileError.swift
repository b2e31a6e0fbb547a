import Domain
import Interchange

/// Import files that are refused: every problem as `FILE:ROW:COLUMN: message`, or no problem
/// and no row either. Nothing is imported; the web answers 422 `invalid_data`.
public struct ImportFileError: Error, Sendable {
    /// Every problem of both files; empty when they simply hold no data row.
    public var problems: [RowError]

    /// Makes the value from its parts.
    public init(problems: [RowError]) {
        self.problems = problems
    }

    /// The sentence above the list.
    public func message(in l: Language) -> String {
        problems.isEmpty
            ? l.pick("文件中没有数据行，未导入任何数据。", "The file has no data rows; nothing was imported.")
            : l.pick("文件有 \(problems.count) 处错误，未导入任何数据。请改正后重新导入。",
                     "The file has \(problems.count) error(s); nothing was imported. Correct them and import again.")
    }
}
