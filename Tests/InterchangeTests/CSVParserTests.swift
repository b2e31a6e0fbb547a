import PropertyBased
import Testing
@testable import Interchange

@Suite struct CSVParserTests {
    /// Every record of `text`, as strings, with its row number.
    private func records(_ text: String) throws(CSVSyntaxError) -> [(row: Int, cells: [String])] {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(CSVSyntaxError) -> [(row: Int, cells: [String])] in
            var parser = CSVParser(buffer)
            var cells: [CSVCell] = []
            var result: [(row: Int, cells: [String])] = []
            while try parser.next(&cells) {
                result.append((parser.row, cells.map(\.string)))
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

    private func mostRecords(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer(CSVParser.mostRecords(inUTF8:))
    }

    @Test func recordBoundCountsLinesWithText() {
        #expect(mostRecords(Array("".utf8)) == 0)
        #expect(mostRecords(Array("a".utf8)) == 1)
        #expect(mostRecords(Array("a\nb\n".utf8)) == 2)
        #expect(mostRecords(Array("a\r\nb".utf8)) == 2)
        #expect(mostRecords(Array("a\rb\r".utf8)) == 2)
        #expect(mostRecords(Array("\n\na\n\n,\n".utf8)) == 2)
        #expect(mostRecords(Array("学校,\"一\n二\"\n".utf8)) == 2)
        #expect(mostRecords([0x61, 0x0A, 0xFF]) == nil)
        // A vertical tab or form feed is text, not a line break (fuzz/FuzzCSV).
        #expect(mostRecords(Array("u/re/relations5\r\u{0C}".utf8)) == 2)
        #expect(mostRecords(Array("a\n\u{0B}\n\u{0C}".utf8)) == 3)
        #expect(mostRecords(Array("0123456\n\u{0B}\u{0C}\n012345\r\u{0C}".utf8)) == 4)
    }

    @Test func recordBoundHoldsEveryRecordAndFindsBrokenUTF8() async {
        // CSV syntax, Chinese and stray bytes, and the vertical tab and form feed that are
        // text beside the line breaks; long enough to use the eight-byte steps.
        let pieces: [[UInt8]] = [
            [0x61], [0x31], [0x2C], [0x0A], [0x0D], [0x22], [0x20], Array("中".utf8), [0xE4, 0xB8], [0xFF], [0xC3, 0xA9],
            [0x0B], [0x0C],
        ]
        let piece = Gen.int(in: 0...(pieces.count - 1)).map { pieces[$0] }
        await propertyCheck(count: 500, input: piece.array(of: 0...60)) { chosen in
            let bytes = Array(chosen.joined())
            let bound = mostRecords(bytes)
            #expect((bound != nil) == (String(validating: bytes, as: UTF8.self) != nil))
            guard let bound else { return }
            let records = try? bytes.withUnsafeBufferPointer { (buffer) throws(CSVSyntaxError) -> Int in
                var parser = CSVParser(buffer), cells: [CSVCell] = [], records = 0
                while try parser.next(&cells) {
                    if cells.contains(where: { !$0.isEmpty }) { records += 1 }
                    cells = []
                }
                return records
            }
            if let records { #expect(records <= bound) }
        }
    }
}
