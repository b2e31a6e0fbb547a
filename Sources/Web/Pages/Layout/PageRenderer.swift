import Foundation
import Hummingbird
import HTTPTypes
import Mustache

/// Renders pages: a page's template with its view model, inside the layout. View models
/// hold preformatted strings only (Mustache prints a typo as nothing and a Double as
/// `21.0`), and every page test renders them, so a missing key shows as a failing test.
struct PageRenderer: Sendable {
    private let library: MustacheLibrary

    /// Loads every `*.mustache` of the bundled `Templates` folder.
    init() throws {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw WebSetupError("the Templates folder is missing from the Web bundle")
        }
        var library = MustacheLibrary()
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        for file in files where file.pathExtension == "mustache" {
            let text = try String(contentsOf: file, encoding: .utf8)
            do {
                try library.register(text, named: file.deletingPathExtension().lastPathComponent)
            } catch {
                throw WebSetupError("template \(file.lastPathComponent): \(error)")
            }
        }
        self.library = library
    }

    /// The page `template` showing `model`, framed by the layout, as an HTML response.
    func page(_ template: String, _ model: Any, frame: PageFrame, status: HTTPResponse.Status = .ok) -> Response {
        page(parts: [ByteBuffer(string: render(template, model))], frame: frame, status: status)
    }

    /// The content `html`, framed by the layout, as an HTML response.
    func page(_ html: String, frame: PageFrame, status: HTTPResponse.Status = .ok) -> Response {
        page(parts: [ByteBuffer(string: html)], frame: frame, status: status)
    }

    /// The content `parts`, rendered already and in order, framed by the layout, as an HTML
    /// response. The parts are sent as they are, not copied into one text: a kept page body
    /// (``CountyPageBody``) costs no copy per request.
    func page(parts: [ByteBuffer], frame: PageFrame, status: HTTPResponse.Status = .ok) -> Response {
        Self.html([ByteBuffer(string: frame.head)] + parts + [ByteBuffer(string: PageFrame.tail)], status: status)
    }

    /// The template `name` filled with `model`, without the layout.
    func render(_ name: String, _ model: Any) -> String {
        render([name], model)[0]
    }

    /// Each template of `names` filled with the same `model`, which is prepared once.
    func render(_ names: [String], _ model: Any) -> [String] {
        let prepared = MustacheModel.prepare(model)
        return names.map { library.render(prepared, withTemplate: $0) ?? "" }
    }

    /// An HTML response that no cache keeps (pages show personal and changing data).
    static func html(_ parts: [ByteBuffer], status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8",
                .cacheControl: "no-store",
                .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'",
                HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            ],
            body: .init(contentsOf: parts)
        )
    }
}

/// A failure while building the application (not a request's).
struct WebSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
