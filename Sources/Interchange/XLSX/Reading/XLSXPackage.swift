import Foundation
import ZIPFoundation

/// The ZIP container of a workbook, read in memory, handing out whole parts as bytes with a
/// ceiling on what decompression may produce.
struct XLSXPackage {
    /// No part may claim or produce more than this: a 10,000 × 45 sheet is about 30 MB, and a
    /// ZIP bomb is stopped before it takes the machine's memory.
    static let maximumPartSize: UInt64 = 1 << 30

    private let archive: Archive
    private let entries: [String: Entry]
    /// The file name for messages.
    let file: String

    /// Opens the archive; fails when the bytes are not a ZIP archive (including a truncated one,
    /// whose central directory is lost, and one whose records point outside it: see
    /// ``ZIPLayout``).
    init(bytes: [UInt8], file: String) throws(XLSXError) {
        self.file = file
        guard ZIPLayout.isSound(bytes) else { throw XLSXError(.notZip, file: file) }
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw XLSXError(.notZip, file: file)
        }
        var entries: [String: Entry] = [:]
        for entry in archive where entries[entry.path] == nil { entries[entry.path] = entry }
        // An archive whose central directory lists nothing (or cannot be walked) is no workbook.
        guard !entries.isEmpty else { throw XLSXError(.notZip, file: file) }
        self.entries = entries
    }

    /// Whether the archive has a part at `path` (no leading slash).
    func contains(_ path: String) -> Bool {
        entries[path] != nil
    }

    /// The decompressed bytes of the part at `path`.
    func part(_ path: String) throws(XLSXError) -> [UInt8] {
        guard let entry = entries[path] else { throw XLSXError(.missingPart, file: file, part: path) }
        let declared = entry.uncompressedSize
        guard declared <= Self.maximumPartSize else { throw XLSXError(.partTooLarge(size: declared), file: file, part: path) }
        var bytes: [UInt8] = []
        // Deflate expands at most about 1032:1, so a lying size cannot make us reserve more
        // than the compressed data could ever produce.
        let plausible = entry.compressedSize.multipliedReportingOverflow(by: 1032).partialValue + 1024
        bytes.reserveCapacity(Int(min(declared, plausible)))
        do {
            _ = try archive.extract(entry, bufferSize: 256 * 1024) { chunk in
                guard UInt64(bytes.count + chunk.count) <= declared else { throw SizeExceeded() }
                bytes.append(contentsOf: chunk)
            }
        } catch is SizeExceeded {
            throw XLSXError(.unreadablePart(detail: "more data than the declared size \(declared)"), file: file, part: path)
        } catch {
            throw XLSXError(.unreadablePart(detail: "\(error)"), file: file, part: path)
        }
        guard UInt64(bytes.count) == declared else {
            throw XLSXError(.unreadablePart(detail: "\(bytes.count) bytes instead of the declared \(declared)"), file: file, part: path)
        }
        return bytes
    }

    /// Thrown from the extraction callback when a part outgrows its declared size.
    private struct SizeExceeded: Error {}
}
