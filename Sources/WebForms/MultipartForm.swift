import Foundation
import NIOCore

/// The parts of a `multipart/form-data` body (RFC 7578; the import and rotation uploads).
///
/// Parsed here rather than by MultipartKit, whose parser trapped (an array index out of
/// range) on a byte above 0x7F in a header name: one POST from any signed-in account took
/// the server down, since the CSRF check parses every multipart body (found by
/// fuzz/FuzzForms). This reads the whole body at once — the server has already collected it
/// under the upload limit — and every malformation is `nil`, never a trap.
///
/// ```
/// --BOUNDARY CRLF (headers CRLF)* CRLF body CRLF --BOUNDARY … --BOUNDARY-- (epilogue)
/// ```
public struct MultipartForm: Sendable {
    /// One field or file.
    public struct Part: Sendable {
        public var name: String?
        public var filename: String?
        public var body: ByteBuffer
    }
    public private(set) var parts: [Part] = []

    /// Parses `body`; `nil` when it is not well-formed multipart data or `boundary` is not
    /// 1–70 characters (RFC 2046).
    public init?(body: ByteBuffer, boundary: String) {
        guard (1...70).contains(boundary.utf8.count) else { return nil }
        let bytes = Array(body.readableBytesView)
        let crlf: [UInt8] = [13, 10]
        let delimiter = Array("--\(boundary)".utf8), separator = crlf + delimiter
        // The first delimiter opens the body or ends a preamble line.
        guard var position = bytes.starts(with: delimiter)
            ? delimiter.count : Self.find(separator, in: bytes, from: 0).map({ $0 + separator.count })
        else { return nil }
        var parts: [Part] = []
        while true {
            let rest = bytes[position...]
            if rest.starts(with: [45, 45]) { break }  // "--": the closing delimiter
            // Transport padding (spaces, tabs) may follow a delimiter before its line break.
            var lineStart = position
            while lineStart < bytes.count, bytes[lineStart] == 32 || bytes[lineStart] == 9 { lineStart += 1 }
            guard bytes[lineStart...].starts(with: crlf) else { return nil }
            position = lineStart + 2
            var disposition = ""
            // Header lines up to an empty line.
            while true {
                guard let lineEnd = Self.find(crlf, in: bytes, from: position) else { return nil }
                if lineEnd == position { position += 2; break }
                let line = bytes[position..<lineEnd]
                if let colon = line.firstIndex(of: UInt8(ascii: ":")),
                   String(decoding: line[..<colon], as: UTF8.self).trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition" {
                    disposition = String(decoding: line[(colon + 1)...], as: UTF8.self)
                }
                position = lineEnd + 2
            }
            guard let bodyEnd = Self.find(separator, in: bytes, from: position) else { return nil }
            parts.append(Part(
                name: Self.parameter("name", in: disposition), filename: Self.parameter("filename", in: disposition),
                body: ByteBuffer(bytes: bytes[position..<bodyEnd])))
            position = bodyEnd + separator.count
        }
        self.parts = parts
    }

    /// Where `needle` first occurs in `haystack` at or after `start`, by Knuth–Morris–Pratt:
    /// one pass over the body whatever it holds (a naive search over a body built of near
    /// matches of a 70-character boundary would compare each byte 70 times).
    public static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, start >= 0, start <= haystack.count else { return nil }
        // failure[i]: the length of the longest proper prefix of needle[...i] that is also its suffix.
        var failure = [Int](repeating: 0, count: needle.count)
        var k = 0
        for i in 1..<max(1, needle.count) {
            while k > 0, needle[i] != needle[k] { k = failure[k - 1] }
            if needle[i] == needle[k] { k += 1 }
            failure[i] = k
        }
        var matched = 0
        for index in start..<haystack.count {
            while matched > 0, haystack[index] != needle[matched] { matched = failure[matched - 1] }
            if haystack[index] == needle[matched] { matched += 1 }
            if matched == needle.count { return index - needle.count + 1 }
        }
        return nil
    }

    /// The first part called `name` read as UTF-8 text.
    public func text(_ name: String) -> String? {
        parts.first { $0.name == name }.map { String(buffer: $0.body) }
    }

    /// The first part called `name`.
    public func part(_ name: String) -> Part? {
        parts.first { $0.name == name }
    }

    /// The boundary parameter of a `multipart/form-data` content type.
    public static func boundary(of contentType: String) -> String? {
        parameter("boundary", in: contentType)
    }

    /// A `key=value` or `key="value"` parameter of a header value.
    public static func parameter(_ key: String, in header: String) -> String? {
        for item in header.split(separator: ";") {
            let pair = item.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
