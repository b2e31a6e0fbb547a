/// Checks that every offset a ZIP archive's records give lies within its bytes, before
/// ZIPFoundation walks them.
///
/// ZIPFoundation reads an archive in memory through a `FILE` whose read function traps
/// when asked to read from beyond the end (its byte count goes negative), and it seeks to
/// wherever the records say: the central directory's offset, each entry's local header,
/// its data and data descriptor. One wrong offset in an upload took the server down
/// (found by fuzz/FuzzXLSX). This walks the same records the way ZIPFoundation does and
/// refuses the archive when any of them points past the end.
///
/// ZIP64 archives are refused: their 64-bit offsets could also overflow ZIPFoundation's
/// arithmetic, and no workbook within the reader's limits (parts of at most 1 GiB) needs
/// them; Excel, LibreOffice and openpyxl write plain ZIP for such files.
enum ZIPLayout {
    private static let endSignature: UInt32 = 0x0605_4B50
    private static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    private static let centralSignature: UInt32 = 0x0201_4B50
    private static let localSignature: UInt32 = 0x0403_4B50
    private static let zip64ExtraID: UInt16 = 0x0001

    /// Whether every record of the archive in `bytes` lies within them.
    static func isSound(_ bytes: [UInt8]) -> Bool {
        let count = bytes.count
        // The end record: the last signature 22 bytes or more before the end, found the
        // way ZIPFoundation scans, from the end backwards.
        guard count >= 22, let end = stride(from: count - 22, through: 0, by: -1).first(where: { uint32(bytes, $0) == endSignature })
        else { return false }
        if end >= 20, uint32(bytes, end - 20) == zip64LocatorSignature { return false }
        var record = Int(uint32(bytes, end + 16))
        for _ in 0..<uint16(bytes, end + 10) {
            guard record + 46 <= count, uint32(bytes, record) == centralSignature else { return false }
            let name = Int(uint16(bytes, record + 28)), extra = Int(uint16(bytes, record + 30))
            let comment = Int(uint16(bytes, record + 32))
            guard record + 46 + name + extra + comment <= count,
                  !hasZIP64Field(bytes, in: (record + 46 + name)..<(record + 46 + name + extra))
            else { return false }
            // Stored data is as long as its uncompressed size (as ZIPFoundation reads it).
            let stored = uint16(bytes, record + 10) == 0
            let size = Int(uint32(bytes, record + (stored ? 24 : 20)))
            let local = Int(uint32(bytes, record + 42))
            guard local + 30 <= count, uint32(bytes, local) == localSignature else { return false }
            let data = local + 30 + Int(uint16(bytes, local + 26)) + Int(uint16(bytes, local + 28))
            guard data + size <= count else { return false }
            record += 46 + name + extra + comment
        }
        return true
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
