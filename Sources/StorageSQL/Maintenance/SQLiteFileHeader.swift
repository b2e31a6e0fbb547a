import Foundation

/// The first 100 bytes of an SQLite database file, read without SQLite, so a file that is
/// not a database (or was cut short in a copy) is refused with a plain reason before SQLite
/// opens it — SQLite would create a missing file, and reports a short one only as "malformed"
/// somewhere in its pages.
struct SQLiteFileHeader {
    /// Bytes per page.
    let pageSize: Int
    /// Pages the header says the file holds, when the header's count is current.
    let pageCount: Int?

    /// Reads and checks the header of the file at `path`.
    ///
    /// - Parameter length: whether to check the file's length against the header: true for
    ///   a file at rest (a backup); false for a live database, whose checkpoints may write
    ///   the header's new page count a moment before the pages it counts.
    /// - Throws: ``MaintenanceError`` — missing, not SQLite, or truncated (shorter than the
    ///   pages the header counts, or not a whole number of pages).
    @discardableResult
    static func check(_ path: String, length: Bool = true) throws(MaintenanceError) -> SQLiteFileHeader {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw MaintenanceError(kind: .missing(path))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw MaintenanceError(kind: .notSQLite(path, "cannot be read"))
        }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
        let size = Int((try? handle.seekToEnd()) ?? 0)
        guard head.count == 100, head.starts(with: Array("SQLite format 3\0".utf8)) else {
            throw MaintenanceError(kind: .notSQLite(path, head.count < 100 ? "shorter than an SQLite header" : "no SQLite header"))
        }
        func bigEndian(_ offset: Int, _ count: Int) -> Int {
            head[offset..<offset + count].reduce(0) { $0 << 8 | Int($1) }
        }
        let raw = bigEndian(16, 2)
        let pageSize = raw == 1 ? 65_536 : raw
        guard pageSize >= 512, pageSize <= 65_536, pageSize & (pageSize - 1) == 0 else {
            throw MaintenanceError(kind: .notSQLite(path, "invalid page size \(raw)"))
        }
        // The page count is current only when "version-valid-for" equals the change counter.
        let count = bigEndian(28, 4)
        let current = count > 0 && bigEndian(24, 4) == bigEndian(92, 4)
        guard length else { return SQLiteFileHeader(pageSize: pageSize, pageCount: current ? count : nil) }
        if current, size < count * pageSize {
            throw MaintenanceError(kind: .truncated(path, expected: count * pageSize, actual: size))
        }
        guard size % pageSize == 0 else {
            throw MaintenanceError(kind: .truncated(path, expected: (size / pageSize + 1) * pageSize, actual: size))
        }
        return SQLiteFileHeader(pageSize: pageSize, pageCount: current ? count : nil)
    }
}
