/// The members of a ZIP archive as its central directory lists them, every offset checked
/// to lie within the bytes before anything is read from it.
///
/// The reader walks the archive itself rather than through ZIPFoundation's `Archive`:
/// ZIPFoundation reads an archive in memory through a `FILE` whose read function traps when
/// asked to read beyond the end, and seeks wherever the records say, so one wrong offset in
/// an upload took the server down (found by fuzz/FuzzXLSX). Here a record that points
/// outside the bytes makes the archive unreadable, nothing more.
///
/// ZIP64 archives are refused: no workbook within the reader's limits (parts of at most
/// 48 MiB) needs them, and Excel, LibreOffice and openpyxl write plain ZIP for such files.
enum ZIPLayout {
    /// One member: its name, how it is stored and where its data lies.
    struct Member {
        /// The path in the archive, e.g. `xl/workbook.xml`.
        var path: String
        /// 0 stored, 8 deflated (the only methods a workbook uses).
        var method: UInt16
        /// The CRC-32 of the uncompressed data.
        var checksum: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        /// Where the (compressed) data lies in the archive's bytes.
        var data: Range<Int>
    }

    private static let endSignature: UInt32 = 0x0605_4B50
    private static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    private static let centralSignature: UInt32 = 0x0201_4B50
    private static let localSignature: UInt32 = 0x0403_4B50
    private static let zip64ExtraID: UInt16 = 0x0001

    /// Whether every record of the archive in `bytes` lies within them.
    static func isSound(_ bytes: [UInt8]) -> Bool {
        members(bytes) != nil
    }

    /// The members in central-directory order, or `nil` when `bytes` are no ZIP archive or
    /// any record points outside them.
    static func members(_ bytes: [UInt8]) -> [Member]? {
        let count = bytes.count
        // The end record: the last signature 22 bytes or more before the end.
        guard count >= 22, let end = stride(from: count - 22, through: 0, by: -1).first(where: { uint32(bytes, $0) == endSignature })
        else { return nil }
        if end >= 20, uint32(bytes, end - 20) == zip64LocatorSignature { return nil }
        var record = Int(uint32(bytes, end + 16))
        var members: [Member] = []
        for _ in 0..<uint16(bytes, end + 10) {
            guard record + 46 <= count, uint32(bytes, record) == centralSignature else { return nil }
            let name = Int(uint16(bytes, record + 28)), extra = Int(uint16(bytes, record + 30))
            let comment = Int(uint16(bytes, record + 32))
            guard record + 46 + name + extra + comment <= count,
                  !hasZIP64Field(bytes, in: (record + 46 + name)..<(record + 46 + name + extra))
            else { return nil }
            let method = uint16(bytes, record + 10)
            let compressed = Int(uint32(bytes, record + 20)), uncompressed = Int(uint32(bytes, record + 24))
            // Stored data is as long as it is uncompressed.
            guard method != 0 || compressed == uncompressed else { return nil }
            let local = Int(uint32(bytes, record + 42))
            guard local + 30 <= count, uint32(bytes, local) == localSignature else { return nil }
            let data = local + 30 + Int(uint16(bytes, local + 26)) + Int(uint16(bytes, local + 28))
            guard data + compressed <= count else { return nil }
            members.append(Member(
                path: String(decoding: bytes[(record + 46)..<(record + 46 + name)], as: UTF8.self),
                method: method, checksum: uint32(bytes, record + 16),
                compressedSize: compressed, uncompressedSize: uncompressed, data: data..<(data + compressed)))
            record += 46 + name + extra + comment
        }
        return members
    }

    /// Whether the extra fields in `range` have a ZIP64 one.
    private static func hasZIP64Field(_ bytes: [UInt8], in range: Range<Int>) -> Bool {
        var p = range.lowerBound
        while p + 4 <= range.upperBound {
            if uint16(bytes, p) == zip64ExtraID { return true }
            p += 4 + Int(uint16(bytes, p + 2))
        }
        return false
    }

    private static func uint16(_ bytes: [UInt8], _ p: Int) -> UInt16 {
        UInt16(bytes[p]) | UInt16(bytes[p + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], _ p: Int) -> UInt32 {
        UInt32(uint16(bytes, p)) | UInt32(uint16(bytes, p + 2)) << 16
    }
}
