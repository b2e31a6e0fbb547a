import Foundation
import Hummingbird
import HTTPTypes

/// Frames pages: a page's content, written already (``PageContent``, ``HTMLRenderer``),
/// between the layout's head and tail, as an HTML response that no cache keeps.
struct PageRenderer: Sendable {
    /// The content `html`, framed by the layout, as an HTML response; images may come from
    /// the site and from `imageSources` (origins such as `https://t0.tianditu.gov.cn`: a map's
    /// basemap).
    func page(_ html: String, frame: PageFrame, status: HTTPResponse.Status = .ok, imageSources: [String] = []) -> Response {
        Self.html([ByteBuffer(string: frame.head), ByteBuffer(string: html), ByteBuffer(string: PageFrame.tail)], status: status,
                  imageSources: imageSources)
    }

    /// The content `parts`, rendered already and in order, framed by the layout, as an HTML
    /// response. The parts are sent as they are, not copied into one text: a kept page body
    /// (``CountyPageBody``) costs no copy per request.
    func page(parts: [ByteBuffer], frame: PageFrame, status: HTTPResponse.Status = .ok) -> Response {
        Self.html([ByteBuffer(string: frame.head)] + parts + [ByteBuffer(string: PageFrame.tail)], status: status)
    }

    /// An HTML response that no cache keeps (pages show personal and changing data).
    static func html(_ parts: [ByteBuffer], status: HTTPResponse.Status = .ok, imageSources: [String] = []) -> Response {
        let images = (["'self'", "data:"] + imageSources).joined(separator: " ")
        return Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8",
                .cacheControl: "no-store",
                .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; img-src \(images); form-action 'self'; frame-ancestors 'none'",
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
