import Foundation
import ZIPFoundation

/// The ZIP container of a workbook, read in memory, handing out whole parts as bytes with a
/// ceiling on what decompression may produce: each part within ``XLSXLimits/allowance(compressed:used:)``
/// of its compressed size and of what the parts before it took, checked as each chunk is
/// inflated, so a ZIP bomb is stopped before it takes the machine's memory.
struct XLSXPackage {
    private let archive: Archive
    private let entries: [String: Entry]
    private let limits: XLSXLimits
    /// The bytes the parts read so far inflated to, counted against ``XLSXLimits/totalBytes``.
    private(set) var inflated: Int
    /// The file name for messages.
    let file: String

    /// Opens the archive; fails when the bytes are not a ZIP archive (including a truncated one,
    /// whose central directory is lost). `inflated` counts what earlier reads of the same
    /// workbook took.
    init(bytes: [UInt8], file: String, limits: XLSXLimits, inflated: Int = 0) throws(XLSXError) {
        self.file = file
        self.limits = limits
        self.inflated = inflated
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
    mutating func part(_ path: String) throws(XLSXError) -> [UInt8] {
        guard let entry = entries[path] else { throw XLSXError(.missingPart, file: file, part: path) }
        let declared = entry.uncompressedSize
        let allowance = limits.allowance(compressed: entry.compressedSize, used: inflated)
        guard declared <= UInt64(allowance) else {
            throw XLSXError(.partTooLarge(size: declared, limit: allowance), file: file, part: path)
        }
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
            throw XLSXError(.inflatesBeyondDeclaredSize, file: file, part: path)
        } catch {
            throw XLSXError(.unreadablePart(detail: "\(error)"), file: file, part: path)
        }
        guard UInt64(bytes.count) == declared else {
            throw XLSXError(.unreadablePart(detail: "\(bytes.count) bytes instead of the declared \(declared)"), file: file, part: path)
        }
        inflated += bytes.count
        return bytes
    }

    /// Thrown from the extraction callback when a part outgrows its declared size.
    private struct SizeExceeded: Error {}
}
