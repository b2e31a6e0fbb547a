/// A sheet as `xl/workbook.xml` lists it.
struct SheetEntry: Sendable, Equatable {
    /// The tab name.
    let name: String
    /// The package path of its part, nil when no relationship names one.
    let part: String?
    /// Whether the part is a worksheet (not a chart sheet or dialog sheet).
    let isWorksheet: Bool
}
