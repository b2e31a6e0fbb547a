import Foundation
@testable import Interchange
import ZIPFoundation

/// Temporary guards: inputs that hit crashes the lead is fixing on main are skipped, so
/// that fuzzing finds other problems instead of these again and again. Each guard goes when
/// its fix is merged (README.md, "Guards").
///
/// - A `<v>` of more than 18 digits in a `t="s"` cell overflows `Int` in
///   `WorksheetReader.sharedString`: a workbook part with a `<v>` element whose raw text is
///   19 bytes or more is skipped (any cell type, since the raw text may hide digits in
///   character references).
/// - A part inflating towards 1 GiB takes the memory (decompression bomb): a workbook with
///   a part that declares more than ``largestPart`` bytes is skipped.
/// - A deflated part whose stream stops short of its end marker makes ZIPFoundation's
///   inflate loop spin for ever (found here, not yet fixed: see ``hasTruncatedDeflate(_:)``).
/// - The suggestion for an unknown facts item compares it with every item by Levenshtein
///   distance, seconds for a huge item: ``tooMuchText`` skips facts workbooks whose sheet
///   holds more text than a CSV input can (see `FuzzFacts`).
public enum KnownCrashes {
    /// The most a part may declare before the input counts as a bomb: more than any
    /// input of `-max_len` bytes deflates from in practice.
    public static let largestPart: UInt64 = 16 << 20

    /// Whether `bytes`, read as a workbook, would hit the shared-string overflow or the
    /// decompression bomb. Bytes that are not a ZIP archive hit neither.
    public static func hit(workbook bytes: [UInt8]) -> Bool {
        // The reader refuses what ZIPFoundation cannot walk safely, before walking it.
        guard ZIPLayout.isSound(bytes) else { return false }
        if hasTruncatedDeflate(bytes) { return true }
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            return false
        }
        for entry in archive {
            if entry.uncompressedSize > largestPart { return true }
            var part: [UInt8] = []
            // The reader stops where the declared size ends; so does this.
            _ = try? archive.extract(entry, bufferSize: 64 * 1024) { chunk in
                guard UInt64(part.count + chunk.count) <= entry.uncompressedSize else { throw Overflow() }
                part.append(contentsOf: chunk)
            }
            if hasLongValue(part) { return true }
        }
        return false
    }

    /// Whether a deflated entry's stream ends before its end marker (an open finding, not
    /// one of the lead's: ZIPFoundation's inflate loop then asks for more input forever, in
    /// the reader as here; README.md, "Guards"). The entries are walked as ``ZIPLayout``
    /// walks them (it has passed), and each stream is inflated from its own bytes by a
    /// provider that throws where they end.
    static func hasTruncatedDeflate(_ bytes: [UInt8]) -> Bool {
        func uint16(_ p: Int) -> Int { Int(bytes[p]) | Int(bytes[p + 1]) << 8 }
        func uint32(_ p: Int) -> Int { uint16(p) | uint16(p + 2) << 16 }
        guard let end = stride(from: bytes.count - 22, through: 0, by: -1).first(where: { uint32($0) == 0x0605_4B50 }) else { return false }
        var record = uint32(end + 16)
        for _ in 0..<uint16(end + 10) {
            let local = uint32(record + 42), size = uint32(record + 20)
            let data = local + 30 + uint16(local + 26) + uint16(local + 28)
            if uint16(record + 10) == 8 {
                let stream = Data(bytes[data..<(data + size)])
                var produced = 0
                do {
                    _ = try Data.decompress(size: Int64(size), bufferSize: 64 * 1024, skipCRC32: true, provider: { position, chunk in
                        guard position < Int64(stream.count) else { throw Overflow() }
                        return stream.subdata(in: Int(position)..<min(stream.count, Int(position) + chunk))
                    }, consumer: { output in
                        produced += output.count
                        if produced > Int(largestPart) { throw Overflow() }
                    })
                } catch is Overflow {
                    return true
                } catch {
                    // Corrupt data: the reader refuses it without looping.
                }
            }
            record += 46 + uint16(record + 28) + uint16(record + 30) + uint16(record + 32)
        }
        return false
    }

    /// Whether `xml` has a `<v>` (or `<prefix:v>`) element whose raw text is 19 bytes or more.
    public static func hasLongValue(_ xml: [UInt8]) -> Bool {
        let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/")
        var p = 0
        while let open = xml[p...].firstIndex(of: lt) {
            var nameEnd = open + 1
            while nameEnd < xml.count, !isNameEnd(xml[nameEnd]) { nameEnd += 1 }
            let name = xml[(open + 1)..<nameEnd]
            p = nameEnd
            guard name.last == UInt8(ascii: "v"), name.count == 1 || name.dropLast().last == UInt8(ascii: ":"),
                  let close = xml[nameEnd...].firstIndex(of: gt)
            else { continue }
            var end = close + 1
            while end < xml.count, !(xml[end] == lt && end + 1 < xml.count && xml[end + 1] == slash) { end += 1 }
            if end - close - 1 >= 19 { return true }
            p = close + 1
        }
        return false
    }

    /// Whether the first sheet of the workbook `bytes` holds more than `limit` bytes of
    /// text; a workbook that cannot be read holds none.
    public static func tooMuchText(workbook bytes: [UInt8], limit: Int) -> Bool {
        guard let sheet = try? XLSXWorkbook(bytes: bytes, file: "fuzz.xlsx").sheet(named: nil) else { return false }
        var total = 0
        for row in sheet.rows {
            for cell in row.cells {
                switch cell.value {
                case let .text(text), let .number(text), let .error(text), let .formulaWithoutValue(text): total += text.utf8.count
                case .bool: total += 5
                }
                if total > limit { return true }
            }
        }
        return false
    }

    private static func isNameEnd(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
            || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private struct Overflow: Error {}
}
