/// Finds schools by year and code among the rows of a file: a hash table of positions in
/// the ``SeenSchool`` list, with linear probing.
///
/// A `Dictionary<SchoolKey, Int>` of a province's 130,000 schools spreads over megabytes
/// and misses the cache on nearly every insertion, and hashes each code with SipHash; these
/// eight-byte slots fit in the processor's cache, the hash is a few multiplications (no
/// adversary chooses school codes) and is worked out as each row is read, in parts at
/// once. A slot keeps the upper half of its school's hash next to the position, so keys
/// are compared in the list only when the hashes agree: in practice, only for the same key.
struct SchoolIndex {
    /// The upper 32 bits of a school's hash, then its position + 1; 0 for an empty slot.
    private var slots: [UInt64]
    /// Slot count − 1 (a power of two less one).
    private let mask: Int

    /// An index with room for `count` schools at most half full.
    init(count: Int) {
        precondition(count < UInt32.max, "a school index holds fewer than 2³² schools")
        var size = 16
        while size < 2 * count { size *= 2 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// The hash of `key`: FNV-1a over the year and the code's bytes, its halves mixed.
    static func hash(_ key: SchoolKey) -> UInt64 {
        var code = key.code
        return code.withUTF8 { code in
            var hash = (0xCBF2_9CE4_8422_2325 ^ UInt64(truncatingIfNeeded: key.year)) &* 0x100_0000_01B3
            for byte in code { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
            return hash ^ hash >> 32
        }
    }

    /// Adds the school at `position` in `schools`, or returns the position of the school
    /// with the same key that was added first.
    mutating func claim(_ position: Int, in schools: [SeenSchool]) -> Int? {
        let hash = schools[position].hash
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            if let other = match(slots[slot], hash), schools[other].key == schools[position].key { return other }
            slot = (slot + 1) & mask
        }
        slots[slot] = hash & Self.upperHalf | UInt64(position + 1)
        return nil
    }

    /// The position of the school with `key` in `schools`, if any.
    func position(of key: SchoolKey, in schools: [SeenSchool]) -> Int? {
        let hash = Self.hash(key)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            if let other = match(slots[slot], hash), schools[other].key == key { return other }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private static let upperHalf: UInt64 = 0xFFFF_FFFF_0000_0000

    /// The position in a taken `slot`, if its school's hash may be `hash`.
    @inline(__always)
    private func match(_ slot: UInt64, _ hash: UInt64) -> Int? {
        slot & Self.upperHalf == hash & Self.upperHalf ? Int(truncatingIfNeeded: slot & ~Self.upperHalf) - 1 : nil
    }
}
