/// Reads the sheet list of `xl/workbook.xml`.
enum WorkbookPart {
    /// The sheets in workbook order with their relationship ids.
    static func sheets(_ bytes: [UInt8], file: String, part: String) throws(XLSXError) -> [(name: String, id: String)] {
        try PartScan.run(bytes, file: file, part: part) { (scanner: inout XMLScanner) throws(ScanError) in
            var sheets: [(name: String, id: String)] = []
            var inSheets = false
            while true {
                let token = try scanner.next()
                switch token {
                case .done: return sheets
                case .start where scanner.isNamed("sheets"): inSheets = true
                case .end where scanner.isNamed("sheets"): inSheets = false
                case .start where inSheets && scanner.isNamed("sheet"), .empty where inSheets && scanner.isNamed("sheet"):
                    sheets.append((try scanner.string("name") ?? "", try scanner.string("id") ?? ""))
                default: continue
                }
            }
        }
    }
}
