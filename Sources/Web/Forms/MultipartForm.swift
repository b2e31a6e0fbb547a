import Foundation
import MultipartKit
import NIOCore
import NIOHTTP1

/// The parts of a `multipart/form-data` body (the import page's file upload).
struct MultipartForm: Sendable {
    /// One field or file.
    struct Part: Sendable {
        var name: String?
        var filename: String?
        var body: ByteBuffer
    }
    private(set) var parts: [Part] = []

    /// Parses `body`; `nil` when it is not well-formed multipart data.
    init?(body: ByteBuffer, boundary: String) {
        let parser = MultipartParser(boundary: boundary)
        var parts: [Part] = []
        var headers = HTTPHeaders()
        var current = ByteBuffer()
        parser.onHeader = { name, value in headers.add(name: name, value: value) }
        parser.onBody = { chunk in current.writeBuffer(&chunk) }
        parser.onPartComplete = {
            let disposition = headers.first(name: "Content-Disposition") ?? ""
            parts.append(Part(
                name: Self.parameter("name", in: disposition),
                filename: Self.parameter("filename", in: disposition),
                body: current
            ))
            headers = HTTPHeaders()
            current = ByteBuffer()
        }
        do { try parser.execute(body) } catch { return nil }
        self.parts = parts
    }

    /// The first part called `name` read as UTF-8 text.
    func text(_ name: String) -> String? {
        parts.first { $0.name == name }.map { String(buffer: $0.body) }
    }

    /// The first part called `name`.
    func part(_ name: String) -> Part? {
        parts.first { $0.name == name }
    }

    /// The boundary parameter of a `multipart/form-data` content type.
    static func boundary(of contentType: String) -> String? {
        parameter("boundary", in: contentType)
    }

    /// A `key=value` or `key="value"` parameter of a header value.
    static func parameter(_ key: String, in header: String) -> String? {
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
