import Testing
@testable import Interchange

@Suite struct CSVParserTests {
    /// Every record of `text`, as strings, with its row number.
    private func records(_ text: String) throws(CSVSyntaxError) -> [(row: Int, cells: [String])] {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(CSVSyntaxError) -> [(row: Int, cells: [String])] in
            var parser = CSVParser(buffer)
            var cells: [String] = []
            var result: [(row: Int, cells: [String])] = []
            while try parser.next({ cells.append($1.string) }) {
                result.append((parser.row, cells))
                cells = []
            }
            return result
        }
    }

    @Test func plainRecordsWithLFCRLFAndCR() throws {
        let result = try records("a,b\n1,2\r\n3,4\r5,6")
        #expect(result.map(\.cells) == [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]])
        #expect(result.map(\.row) == [1, 2, 3, 4])
    }

    @Test func quotedCellsKeepCommasQuotesAndLineBreaks() throws {
        let result = try records("name,n\r\n\"a,b\",1\r\n\"say \"\"hi\"\"\",2\r\n\"two\r\nlines\",3\r\n\"\",4\r\n")
        #expect(result.map(\.cells) == [["name", "n"], ["a,b", "1"], ["say \"hi\"", "2"], ["two\r\nlines", "3"], ["", "4"]])
        // A record with a line break inside quotes is one row.
        #expect(result.map(\.row) == [1, 2, 3, 4, 5])
    }

    @Test func emptyCellsTrailingCommaAndBlankLines() throws {
        let result = try records("a,,c,\n\n,\n")
        #expect(result.map(\.cells) == [["a", "", "c", ""], [""], ["", ""]])
        #expect(result.map(\.row) == [1, 2, 3])
    }

    @Test func spacesAroundCellsAreDropped() throws {
        #expect(try records(" a ,\t\"b\" , c\n").map(\.cells) == [["a", "b", "c"]])
    }

    @Test func emptyTextHasNoRecords() throws {
        #expect(try records("").isEmpty)
    }

    @Test func unterminatedQuoteNamesItsRow() {
        #expect { _ = try records("a\n\"ok\nstill\"\n\"open,\n1\n") } throws: { error in
            let error = error as? CSVSyntaxError
            return error?.row == 3 && error.map { "\($0.problem)" } == "\(Problem.unterminatedQuote)"
        }
    }

    @Test func textAfterClosingQuoteNamesItsRow() {
        #expect { _ = try records("a\n\"x\"y\n") } throws: { error in
            let error = error as? CSVSyntaxError
            return error?.row == 2 && error.map { "\($0.problem)" } == "\(Problem.textAfterQuote)"
        }
    }
}
