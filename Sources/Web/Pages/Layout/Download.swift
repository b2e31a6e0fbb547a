import Domain
import Hummingbird
import Reports
import UseCases

/// A file the browser saves rather than shows (a workbook): its `Content-Type`, and a
/// `Content-Disposition` naming it twice — `filename` in ASCII for old clients, `filename*`
/// in UTF-8 (RFC 6266 with RFC 5987's encoding) so a Chinese name arrives whole.
enum Download {
    /// The media type of an XLSX workbook.
    static let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// `attachment; filename="junheng-plan-341170-2025.xlsx"; filename*=UTF-8''…`.
    ///
    /// - Parameters:
    ///   - ascii: the fallback name: letters, digits, `-`, `_` and `.` only.
    ///   - name: the name people read, in any script.
    static func disposition(ascii: String, name: String) -> String {
        "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(percentEncoded(name))"
    }

    /// `name` as RFC 5987's `value-chars`: `attr-char`s as they are, every other byte of its
    /// UTF-8 as `%XX`.
    static func percentEncoded(_ name: String) -> String {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~".utf8)
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in name.utf8 {
            if allowed.contains(byte) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The response carrying `bytes` as the attachment `disposition`, never cached (it holds
    /// the county's data).
    static func response(_ bytes: [UInt8], contentType: String, disposition: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: contentType, .contentDisposition: disposition, .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The media type of a CSV file.
    static let csv = "text/csv; charset=utf-8"

    /// A plan as a download: `csv`, the CSV of `table` (its one-row-per-block list), or `xlsx`,
    /// the workbook of `report` (made on the pool for heavy work) — the files the command's
    /// `--format csv` and `--out x.xlsx` write.
    static func report(format: String, table: ReportTable, summaryName: String, ascii: String, name: String, language l: Language,
                       heavy: HeavyWork, report: @escaping @Sendable () -> Report) async throws -> Response {
        let disposition = disposition(ascii: ascii, name: name)
        if format == "csv" {
            return response(CSVRenderer().document(table), contentType: csv, disposition: disposition)
        }
        let bytes = try await heavy.run { try XLSXRenderer(language: l, summaryName: summaryName).workbook(report()) }
        return response(bytes, contentType: xlsx, disposition: disposition)
    }
}
