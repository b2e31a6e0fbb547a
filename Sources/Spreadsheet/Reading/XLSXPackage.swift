import Foundation
import ZIPFoundation

/// The ZIP container of a workbook, read in memory, handing out whole parts as bytes with a
/// ceiling on what decompression may produce: each part within
/// ``XLSXLimits/allowance(compressed:used:)`` of its compressed size and of what the parts
/// before it took, checked as each chunk is inflated, so a ZIP bomb is stopped before it
/// takes the machine's memory.
///
/// The members are found by ``ZIPLayout`` and inflated here from their own bytes (zlib
/// through ZIPFoundation's `Data.decompress`), never by ZIPFoundation's `Archive`: its
/// extraction traps on an offset past the end and loops for ever on a deflate stream cut
/// short (both found by fuzzing).
struct XLSXPackage {
    private let bytes: [UInt8]
    private let members: [String: ZIPLayout.Member]
    private let limits: XLSXLimits
    /// The bytes the parts read so far inflated to, counted against ``XLSXLimits/totalBytes``.
    private(set) var inflated: Int
    /// The file name for messages.
    let file: String

    /// Opens the archive; fails when the bytes are not a ZIP archive (including a truncated
    /// one, whose central directory is lost, and one whose records point outside it).
    /// `inflated` counts what earlier reads of the same workbook took.
    init(bytes: [UInt8], file: String, limits: XLSXLimits, inflated: Int = 0) throws(XLSXError) {
        self.file = file
        self.limits = limits
        self.inflated = inflated
        guard let listed = ZIPLayout.members(bytes) else { throw XLSXError(.notZip, file: file) }
        var members: [String: ZIPLayout.Member] = [:]
        for member in listed where members[member.path] == nil { members[member.path] = member }
        // An archive whose central directory lists nothing is no workbook.
        guard !members.isEmpty else { throw XLSXError(.notZip, file: file) }
        self.members = members
        self.bytes = bytes
    }

    /// Whether the archive has a part at `path` (no leading slash).
    func contains(_ path: String) -> Bool {
        members[path] != nil
    }

    /// The decompressed bytes of the part at `path`.
    mutating func part(_ path: String) throws(XLSXError) -> [UInt8] {
        guard let member = members[path] else { throw XLSXError(.missingPart, file: file, part: path) }
        let declared = member.uncompressedSize
        let allowance = limits.allowance(compressed: UInt64(member.compressedSize), used: inflated)
        guard declared <= allowance else {
            throw XLSXError(.partTooLarge(size: UInt64(declared), limit: allowance), file: file, part: path)
        }
        let part: [UInt8], checksum: UInt32
        switch member.method {
        case 0: (part, checksum) = (Array(bytes[member.data]), Data(bytes[member.data]).crc32(checksum: 0))
        case 8: (part, checksum) = try inflate(member, path: path)
        default: throw XLSXError(.unreadablePart(detail: "compression method \(member.method)"), file: file, part: path)
        }
        guard part.count == declared else {
            throw XLSXError(.unreadablePart(detail: "\(part.count) bytes instead of the declared \(declared)"), file: file, part: path)
        }
        guard checksum == member.checksum else {
            throw XLSXError(.unreadablePart(detail: "CRC-32 mismatch"), file: file, part: path)
        }
        inflated += part.count
        return part
    }

    /// Inflates a deflated member, never past its declared size; with the CRC-32 of what it
    /// inflated.
    ///
    /// ZIPFoundation's inflate loop tells zlib every chunk is a whole buffer long and asks for
    /// more until the stream ends: so each chunk handed to it is exactly that long (the last
    /// one padded with zeros, which zlib reads as a broken block or not at all), and asking
    /// beyond the member's data throws, which ends a stream cut short instead of looping.
    private func inflate(_ member: ZIPLayout.Member, path: String) throws(XLSXError) -> (bytes: [UInt8], checksum: UInt32) {
        let chunk = 64 * 1024
        var part: [UInt8] = []
        // Deflate expands at most about 1032:1, so a lying size cannot make us reserve more
        // than the compressed data could ever produce.
        part.reserveCapacity(min(member.uncompressedSize, member.compressedSize.multipliedReportingOverflow(by: 1032).partialValue + 1024))
        let checksum: UInt32
        do {
            checksum = try Data.decompress(size: Int64(member.compressedSize), bufferSize: chunk, skipCRC32: false, provider: { position, size in
                let start = member.data.lowerBound + Int(position)
                guard position >= 0, start < member.data.upperBound else { throw StreamCutShort() }
                var data = Data(bytes[start..<min(member.data.upperBound, start + size)])
                if data.count < size { data.append(Data(count: size - data.count)) }
                return data
            }, consumer: { output in
                guard part.count + output.count <= member.uncompressedSize else { throw SizeExceeded() }
                part.append(contentsOf: output)
            })
        } catch is SizeExceeded {
            throw XLSXError(.inflatesBeyondDeclaredSize, file: file, part: path)
        } catch is StreamCutShort {
            throw XLSXError(.unreadablePart(detail: "the compressed data ends before its stream does"), file: file, part: path)
        } catch {
            throw XLSXError(.unreadablePart(detail: "\(error)"), file: file, part: path)
        }
        return (part, checksum)
    }

    /// Thrown from the inflate callback when a part outgrows its declared size.
    private struct SizeExceeded: Error {}
    /// Thrown when inflating asks for data past the member's end.
    private struct StreamCutShort: Error {}
}
