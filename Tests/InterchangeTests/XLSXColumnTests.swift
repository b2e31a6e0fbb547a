@testable import Interchange
import PropertyBased
@testable import Spreadsheet
import Testing

/// Column letters and the small XML pieces the reader is built on.
@Suite struct XLSXColumnTests {
    @Test func lettersRoundTripForEveryColumn() async {
        await propertyCheck(count: 2000, input: Gen.int(in: 0...16383)) { column in
            let letters = CellReference.letters(column)
            #expect(CellReference.column(letters) == column)
            #expect(CellReference.column(letters.lowercased()) == column)
        }
    }

    @Test func allColumnsExhaustively() {
        for column in 0...16383 where CellReference.column(CellReference.letters(column)) != column {
            Issue.record("column \(column) does not round-trip")
        }
    }

    @Test(arguments: [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA"), (16383, "XFD")])
    func knownLetters(column: Int, letters: String) {
        #expect(CellReference.letters(column) == letters)
        #expect(CellReference.column(letters) == column)
    }

    @Test func outOfRangeLetters() {
        #expect(CellReference.column("XFE") == nil)
        #expect(CellReference.column("") == nil)
        #expect(CellReference.column("A1") == nil)
        #expect(CellReference.column("AAAAA") == nil)
    }

    @Test func entitiesAndEscapes() throws {
        var output: [UInt8] = []
        let text = Array("a&lt;&gt;&amp;&quot;&apos;&#20013;&#x6587;\r\nb\rc".utf8)
        try text.withUnsafeBufferPointer { try XMLText.decode($0, 0..<$0.count, into: &output) }
        #expect(String(decoding: output, as: UTF8.self) == "a<>&\"'中文\nb\nc")
        var escaped = Array("_x000D__x005F_x0041_ _xZZZZ_".utf8)
        XMLText.unescapeSpreadsheetEscapes(&escaped)
        #expect(String(decoding: escaped, as: UTF8.self) == "\r_x0041_ _xZZZZ_")
    }

    @Test func scannerHandlesPrefixesQuotesCommentsAndCDATA() throws {
        let xml = Array(#"<?xml version="1.0"?><!-- c --><x:a b='1' c="&amp;2"><x:b/><?pi x?><![CDATA[<raw>&]]></x:a>"#.utf8)
        try xml.withUnsafeBufferPointer { buffer in
            var scanner = try XMLScanner(buffer)
            #expect(try scanner.next() == .start)
            #expect(scanner.isNamed("a"))
            #expect(try scanner.string("b") == "1")
            #expect(try scanner.string("c") == "&2")
            #expect(try scanner.next() == .empty)
            #expect(scanner.isNamed("b"))
            #expect(try scanner.next() == .text)
            var text: [UInt8] = []
            try scanner.appendText(to: &text)
            #expect(String(decoding: text, as: UTF8.self) == "<raw>&")
            #expect(try scanner.next() == .end)
            #expect(try scanner.next() == .done)
        }
    }
}
