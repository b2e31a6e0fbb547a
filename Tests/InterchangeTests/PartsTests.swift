import Domain
import Foundation
import Testing
@testable import Interchange
@testable import Spreadsheet

/// Large files are read in parts at once; the result must not depend on where they split.
@Suite struct PartsTests {
    /// `csv` read whole and in parts of at least `partBytes`: errors (with their rows),
    /// warnings and schools.
    private func read(_ csv: String, partBytes: Int) -> (schools: [SchoolYear], errors: [String], warnings: [String]) {
        var reader = SchoolsReader(language: .english)
        reader.partBytes = partBytes
        do {
            let file = try reader.read(Array(csv.utf8), file: "p.csv")
            return (file.schools, [], file.warnings)
        } catch {
            return ([], error.errors.map(\.description), error.warnings)
        }
    }

    /// 400 rows: blank lines, quoted line breaks, a bad cell every 37 rows, a warning every
    /// 50, a code repeated across the file, and teaching points whose parent comes much later.
    private func file(withErrors: Bool) -> String {
        var rows: [[String: String]] = []
        for i in 0..<400 {
            var row = ["school_code": "S\(i)", "school_name": i % 9 == 0 ? "\"第\(i)\n小学\"" : "第\(i)小学"]
            if i % 50 == 0 { row["parent_school_code"] = "S0" }
            if i % 40 == 1 { row = row.merging(["school_type": "teaching_point", "parent_school_code": "S399"]) { $1 } }
            if withErrors, i % 37 == 0 { row["students_primary"] = "x\(i)" }
            if withErrors, i == 390 { row["school_code"] = "S3" }
            rows.append(row)
        }
        // Cleared rows in the middle: a blank line and a comma-only one.
        let tail = CSVFixtures.schools(Array(rows[8...]))
        return CSVFixtures.schools(Array(rows[..<8])) + "\n,,,\n" + tail[tail.index(after: tail.firstIndex(of: "\n")!)...]
    }

    @Test(arguments: [false, true])
    func partsGiveTheSameResultAsOneRead(withErrors: Bool) {
        let csv = file(withErrors: withErrors)
        let whole = read(csv, partBytes: .max)
        let parts = read(csv, partBytes: 256)
        #expect(parts.schools == whole.schools)
        #expect(parts.errors == whole.errors)
        #expect(parts.warnings == whole.warnings)
        #expect(whole.schools.count == (withErrors ? 0 : 400))
        #expect(whole.warnings.count == 8)
        if withErrors {
            #expect(whole.errors.contains("p.csv:394:school_code: duplicate school_code in 2025, first on row 5"))
        }
    }

    @Test func aPartStartingInsideAQuotedCellIsReadAgainWhole() {
        // The middle of the file, where a second part would start, is inside one quoted cell.
        let name = "\"" + String(repeating: "长\n", count: 900) + "\""
        let csv = CSVFixtures.schools([["school_code": "A"], ["school_code": "B", "school_name": name], ["school_code": "C", "year": "x"]])
        let whole = read(csv, partBytes: .max)
        #expect(read(csv, partBytes: 256) == whole)
        #expect(whole.errors == ["p.csv:4:year: 'x' is not a number"])
    }

    @Test func textThatIsNotUTF8IsDecodedOrRefusedAsAWhole() throws {
        let csv = file(withErrors: false)
        // GB18030: each part finds it is not UTF-8, and the decoded text is read instead.
        let gb = try TextDecoding.gb18030(fromUTF8: Array(csv.utf8))
        for partBytes in [256, Int.max] {
            var reader = SchoolsReader(language: .english)
            reader.partBytes = partBytes
            #expect(try reader.read(gb, file: "p.csv").schools == read(csv, partBytes: .max).schools)
        }
        // A broken byte in the last part, after a byte-order mark: refused on its line.
        let broken = TextDecoding.byteOrderMark + Array(csv.utf8) + [0xFF, 0x0A]
        let lines = csv.count { $0 == "\n" } + 1
        var reader = SchoolsReader(language: .english)
        reader.partBytes = 256
        #expect(throws: DataFileError(errors: [RowError(file: "p.csv", row: lines, column: "1", message: "not UTF-8 or GB18030 text (undecodable bytes on this line)")])) {
            try reader.read(broken, file: "p.csv")
        }
    }
}
