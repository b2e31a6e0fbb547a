import NIOCore
import WebForms

/// The decoders of what a browser posts, as the server runs them on every form before any
/// route (the CSRF check reads the token field of every POST): the first byte chooses
/// - `0`: a URL-encoded body (the sign-in, edit and lock forms), every field read;
/// - `1`: a multipart body (the import and rotation uploads): its first line is the
///   `Content-Type` header value the boundary is taken from, the rest the body, every part
///   and the fields the routes ask for read.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let rest = UnsafeBufferPointer(start: data + 1, count: size - 1)
    if data[0] & 1 == 0 {
        let fields = FormFields(urlEncoded: String(decoding: rest, as: UTF8.self))
        _ = fields["csrf"]
        for (name, value) in fields.all { _ = name.utf8.count + value.utf8.count }
        return 0
    }
    let newline = rest.firstIndex(of: UInt8(ascii: "\n")) ?? rest.count
    let contentType = String(decoding: rest[..<newline], as: UTF8.self)
    let body = ByteBuffer(bytes: rest[min(rest.count, newline + 1)...])
    guard let boundary = MultipartForm.boundary(of: contentType), !boundary.isEmpty,
          let form = MultipartForm(body: body, boundary: boundary) else { return 0 }
    for part in form.parts { _ = (part.name?.count ?? 0) + (part.filename?.count ?? 0) + part.body.readableBytes }
    _ = form.text("csrf")
    _ = form.part("schools")?.body.readableBytes
    return 0
}
