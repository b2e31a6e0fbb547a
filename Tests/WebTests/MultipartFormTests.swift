import NIOCore
import Testing
import WebForms

/// The multipart decoder every upload and the CSRF check go through (issue 13): what
/// browsers send reads, anything else is `nil`, nothing traps.
@Suite struct MultipartFormTests {
    static func body(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    @Test func aBrowsersUploadReads() throws {
        let text = "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc\r\n"
            + "--XyZ  \r\ncontent-disposition: form-data; name=\"schools\"; filename=\"学校.csv\"\r\nContent-Type: text/csv\r\n\r\n"
            + "year\r\n2025\r\n--XyZ\r\nContent-Disposition: form-data; name=\"empty\"\r\n\r\n\r\n--XyZ--\r\nepilogue"
        let form = try #require(MultipartForm(body: Self.body(text), boundary: "XyZ"))
        #expect(form.parts.map(\.name) == ["csrf", "schools", "empty"])
        #expect(form.text("csrf") == "abc")
        #expect(form.part("schools")?.filename == "学校.csv")
        #expect(form.text("schools") == "year\r\n2025")
        #expect(form.text("empty") == "")
    }

    /// MultipartKit trapped on a byte above 0x7F in a header name (fuzz/FuzzForms).
    @Test(arguments: [
        "--XyZ\r\n\u{C3}ontent-Disposition: form-data; name=\"csrf\"\r\n\r\nabf\"\r\n\r\nabc\r\r\n",
        "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno closing delimiter",
        "--XyZ", "", "--XyZ\r\n", "--XyZ\r\n\r\n", "no delimiter at all", "--XyZx\r\n\r\nbody\r\n--XyZ--",
    ])
    func malformedBodiesAreNilOrParts(text: String) {
        _ = MultipartForm(body: Self.body(text), boundary: "XyZ")?.parts
    }

    @Test func boundariesFollowRFC2046() {
        let text = "--b\r\n\r\nx\r\n--b--"
        #expect(MultipartForm(body: Self.body(text), boundary: "b")?.parts.count == 1)
        #expect(MultipartForm(body: Self.body(text), boundary: "") == nil)
        #expect(MultipartForm(body: Self.body(text), boundary: String(repeating: "b", count: 71)) == nil)
    }

    @Test func searchIsLinearAndExact() {
        let needle = Array("\r\n--aaaa".utf8)
        let haystack = Array(String(repeating: "\r\n--aaa", count: 1000).utf8) + needle
        #expect(MultipartForm.find(needle, in: haystack, from: 0) == haystack.count - needle.count)
        #expect(MultipartForm.find(needle, in: Array("\r\n--aaa".utf8), from: 0) == nil)
        #expect(MultipartForm.find([1], in: [0, 1, 1], from: 2) == 2)
    }
}
