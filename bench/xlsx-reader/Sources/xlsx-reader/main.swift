// Reads an XLSX file with XLSXWorkbook RUNS times (default 5), touching every cell value,
// and prints the best wall-clock time: `xlsx-reader FILE [RUNS]`.
import Foundation
import Spreadsheet

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: xlsx-reader FILE [RUNS]\n".utf8))
    exit(64)
}
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
var best = Duration.seconds(1_000_000)
var cells = 0
var checksum = 0
for _ in 0..<runs {
    let clock = ContinuousClock()
    let start = clock.now
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: arguments[1])))
    let workbook = try XLSXWorkbook(bytes: bytes, file: arguments[1])
    let sheet = try workbook.sheet(named: nil)
    cells = 0
    checksum = 0
    for row in sheet.rows {
        for cell in row.cells {
            cells += 1
            switch cell.value {
            case let .text(text), let .number(text), let .error(text), let .formulaWithoutValue(text): checksum &+= text.utf8.count
            case let .bool(value): checksum &+= value ? 1 : 0
            }
        }
    }
    best = min(best, clock.now - start)
}
let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
print(String(format: "swift XLSXWorkbook: best of %d %.3f s (%d cells, checksum %d)", runs, seconds, cells, checksum))
