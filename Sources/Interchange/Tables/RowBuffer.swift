/// The current row's values, by column number, in memory allocated once per part of a file.
///
/// A class over raw memory rather than arrays in the scan: every cell of a 130,000-row file
/// is written here, and an array written through a struct pays a uniqueness check, a bounds
/// check and a call each time.
final class RowBuffer {
    /// The number of columns.
    let count: Int
    /// Whole numbers and enumeration indexes.
    let numbers: UnsafeMutablePointer<Int>
    /// Decimal numbers.
    let decimals: UnsafeMutablePointer<Double>
    /// Texts; a column keeps its last text until a new one replaces it.
    let texts: UnsafeMutablePointer<String>
    /// The bytes in the file of each text or choice column's last value.
    private let lastBytes: UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>

    init(count: Int) {
        self.count = count
        numbers = .allocate(capacity: count)
        numbers.initialize(repeating: 0, count: count)
        decimals = .allocate(capacity: count)
        decimals.initialize(repeating: 0, count: count)
        texts = .allocate(capacity: count)
        texts.initialize(repeating: "", count: count)
        lastBytes = .allocate(capacity: count)
        lastBytes.initialize(repeating: UnsafeBufferPointer(start: nil, count: 0), count: count)
    }

    deinit {
        numbers.deallocate()
        decimals.deallocate()
        texts.deinitialize(count: count)
        texts.deallocate()
        lastBytes.deallocate()
    }

    /// Whether `bytes` are those of the last value of column `index` (see ``remember(_:_:)``):
    /// a county's code and name, a school type or a locality repeat over many rows, whose
    /// value is then already there.
    @inline(__always)
    func repeats(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let last = lastBytes[index]
        guard last.count == bytes.count, let a = last.baseAddress, let b = bytes.baseAddress else { return false }
        // Compared here rather than by memcmp, whose call costs more than these few bytes.
        var i = 0
        while i + 8 <= bytes.count {
            guard UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) == UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) else { return false }
            i += 8
        }
        while i < bytes.count {
            guard a[i] == b[i] else { return false }
            i += 1
        }
        return true
    }

    /// Notes the bytes of the value just set in column `index`, a text or choice column.
    @inline(__always)
    func remember(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
        lastBytes[index] = bytes
    }
}
