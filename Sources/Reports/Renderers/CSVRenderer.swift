import Interchange

/// A ``ReportTable`` as CSV for scripts and spreadsheets: the header row of English keys, then
/// one record per row with the machine value of each cell (numbers unrounded, terms by key) —
/// the columns for people only are left out. Text that a spreadsheet would run as a formula
/// is neutralised; lines end in CRLF.
public struct CSVRenderer: Sendable {
    public init() {}

    /// The file as UTF-8.
    public func document(_ table: ReportTable) -> [UInt8] {
        let columns = table.columnIndices(for: .machines)
        let changes = Set(columns.filter(table.isChange))
        var writer = CSVWriter()
        for index in columns {
            let key = table.columns[index].key
            if changes.contains(index) { writer.cell(key + "_before"); writer.cell(key + "_after") } else { writer.cell(key) }
        }
        writer.endRecord()
        for row in table.rows {
            for index in columns {
                if changes.contains(index) {
                    let (before, after) = row[index].split
                    writer.cell(before.machineText)
                    writer.cell(after.machineText)
                } else {
                    writer.cell(row[index].machineText)
                }
            }
            writer.endRecord()
        }
        return writer.bytes
    }
}
