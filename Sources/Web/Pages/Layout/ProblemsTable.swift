import Domain
import Interchange
import Reports

extension ReportTable {
    /// A refused file's problems (`FILE:ROW:COLUMN: rule`), one row each, at the place a person
    /// fixes it; a problem of the whole file or row shows "—" for the place it lacks.
    static func problems(_ problems: [RowError], in l: Language) -> ReportTable {
        var table = ReportTable(name: l.pick("问题", "Problems"), columns: [
            ReportColumn(.file, l), ReportColumn(.row, l), ReportColumn(.column, l), ReportColumn(.problem, l),
        ])
        for problem in problems {
            table.append([
                .text(problem.file), problem.row == 0 ? .text("—") : .count(problem.row),
                .text(problem.column.isEmpty ? "—" : problem.column), .text(problem.message),
            ])
        }
        return table
    }
}
