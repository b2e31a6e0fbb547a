/// A small deterministic pseudo-random number generator: xoshiro256** (Blackman & Vigna),
/// seeded through SplitMix64.
///
/// The same seed gives the same sequence on every platform and Swift version: the state update
/// uses only integer operations, and every derived draw (``uniform()``, ``integer(in:)``,
/// ``normal(mean:sd:)``, ``lognormal(median:sigma:)``) is computed here from `next()` with
/// IEEE-754 `+ − × ÷ √` and the polynomial functions of ``PortableMath`` — never with the
/// standard library's `random(in:using:)` algorithms or the platform's `log`/`cos`, whose
/// results may differ between releases and C libraries.
///
/// ```swift
/// var rng = SeededGenerator(seed: 42)
/// let size = rng.integer(in: 25...70)             // the same on macOS and Linux
/// let area = rng.lognormal(median: 4.5, sigma: 0.1)
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64
    /// The second value of the last Box–Muller pair, handed out by the next normal draw.
    private var spareNormal: Double?

    /// A generator whose whole sequence is fixed by `seed`.
    public init(seed: UInt64) {
        var state = seed
        s0 = Self.splitMix64(&state)
        s1 = Self.splitMix64(&state)
        s2 = Self.splitMix64(&state)
        s3 = Self.splitMix64(&state)
        spareNormal = nil
    }

    /// An independent generator for one numbered stream of `seed` (e.g. one county), so that
    /// parts of a data set can be drawn without depending on how many draws other parts used.
    public init(seed: UInt64, stream: UInt64) {
        var state = seed ^ 0x6A09_E667_F3BC_C909
        _ = Self.splitMix64(&state)
        var mixed = stream &+ 0x3C6E_F372_FE94_F82B
        self.init(seed: Self.splitMix64(&state) ^ Self.splitMix64(&mixed))
    }

    /// SplitMix64 (Steele, Lea & Flood): one step, advancing `state`.
    static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, by: 45)
        return result
    }

    private func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }

    /// A uniform draw in [0, 1) with 53 random bits.
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform draw in [`lower`, `upper`).
    public mutating func uniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * uniform()
    }

    /// A uniform integer in `range` (multiply-high mapping; the bias is below 2⁻⁵⁰ for the
    /// small ranges used here).
    public mutating func integer(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) &+ 1
        if span == 0 { return Int(truncatingIfNeeded: next()) }  // the full 64-bit range
        let (high, _) = next().multipliedFullWidth(by: span)
        return range.lowerBound + Int(high)
    }

    /// `true` with probability `p`.
    public mutating func chance(_ p: Double) -> Bool {
        uniform() < p
    }

    /// A uniformly chosen element of a non-empty collection.
    public mutating func pick<C: RandomAccessCollection>(_ elements: C) -> C.Element where C.Index == Int {
        precondition(!elements.isEmpty, "pick from an empty collection")
        return elements[elements.startIndex + integer(in: 0...(elements.count - 1))]
    }

    /// An index drawn with probability proportional to `weights` (all ≥ 0, sum > 0).
    public mutating func weightedIndex(_ weights: [Double]) -> Int {
        var total = 0.0
        for w in weights { total += w }
        var target = uniform() * total
        for (i, w) in weights.enumerated() {
            if target < w { return i }
            target -= w
        }
        return weights.count - 1
    }

    /// A normal draw (Box–Muller; the pair's second value is kept for the next call).
    public mutating func normal(mean: Double = 0, sd: Double = 1) -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return mean + sd * spare
        }
        let u1 = 1 - uniform()  // (0, 1]: the logarithm stays finite
        let u2 = uniform()
        let radius = (-2 * PortableMath.log(u1)).squareRoot()
        let (sine, cosine) = PortableMath.sinCos(turns: u2)
        spareNormal = radius * sine
        return mean + sd * radius * cosine
    }

    /// A log-normal draw: `median × e^(sigma·Z)` with Z standard normal.
    public mutating func lognormal(median: Double, sigma: Double) -> Double {
        median * PortableMath.exp(sigma * normal())
    }

    /// A log-uniform draw in [`lower`, `upper`) (both > 0): small values as likely per decade
    /// as large ones.
    public mutating func logUniform(_ lower: Double, _ upper: Double) -> Double {
        lower * PortableMath.exp(uniform() * PortableMath.log(upper / lower))
    }
}
