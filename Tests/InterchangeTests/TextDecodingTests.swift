import PropertyBased
import Testing
@testable import Interchange

@Suite struct TextDecodingTests {
    private let chinese = "年度,学校名称\n2025,东城区第一实验小学\n"

    @Test func utf8PassesThroughAndLosesItsByteOrderMark() throws {
        let utf8 = Array(chinese.utf8)
        #expect(try TextDecoding.utf8(from: utf8, file: "f") == utf8)
        #expect(try TextDecoding.utf8(from: TextEncoding.utf8WithBOM.encode(utf8), file: "f") == utf8)
    }

    @Test func gb18030IsDecodedAndEncoded() throws {
        let gb = try TextDecoding.gb18030(fromUTF8: Array(chinese.utf8))
        // 年 is C4 EA in GB18030: the bytes really are GB18030, not UTF-8.
        #expect(gb.starts(with: [0xC4, 0xEA]))
        #expect(try TextDecoding.utf8(from: gb, file: "f") == Array(chinese.utf8))
        // A four-byte GB18030 character (outside the BMP) survives too.
        let rare = Array("𠀀校".utf8)
        #expect(try TextDecoding.utf8(from: TextDecoding.gb18030(fromUTF8: rare), file: "f") == rare)
    }

    @Test func undecodableBytesNameFileAndLine() {
        // 0xFF starts no UTF-8 sequence and no GB18030 character.
        let bytes = Array("year\n2025\n".utf8) + [0xFF, 0x0A]
        #expect(throws: DataFileError(errors: [RowError(file: "bad.csv", row: 3, column: "1", message: "not UTF-8 or GB18030 text (undecodable bytes on this line)")])) {
            try TextDecoding.utf8(from: bytes, file: "bad.csv", language: .english)
        }
    }

    @Test func aByteOrderMarkPromisesUTF8() {
        // Valid GB18030 after a UTF-8 mark is a broken UTF-8 file, not a GB18030 one.
        let bytes = TextDecoding.byteOrderMark + Array("a\n".utf8) + [0xC4, 0xEA]
        #expect(throws: DataFileError.self) { try TextDecoding.utf8(from: bytes, file: "f") }
    }

    @Test func validationAgreesWithTheStandardLibrary() async {
        // Mostly ASCII with some high bytes: exercises the eight-byte skip and every lead byte.
        let byte = zip(Gen.bool(0.8), Gen.uint8(in: 0...0x7F), Gen.uint8(in: 0x80...0xFF)).map { $0 ? $1 : $2 }
        await propertyCheck(count: 300, input: byte.array(of: 0...40)) { bytes in
            let valid = String(validating: bytes, as: UTF8.self) != nil
            #expect((bytes.withUnsafeBufferPointer(TextDecoding.firstInvalidUTF8) == nil) == valid)
        }
        // Every scalar, either side of the surrogates, is valid.
        for scalars in [Gen.character(in: "\u{0}"..."\u{D7FF}"), Gen.character(in: "\u{E000}"..."\u{10FFFF}")] {
            await propertyCheck(count: 100, input: scalars.string(of: 0...20)) { text in
                #expect(Array(text.utf8).withUnsafeBufferPointer(TextDecoding.firstInvalidUTF8) == nil)
            }
        }
    }
}
