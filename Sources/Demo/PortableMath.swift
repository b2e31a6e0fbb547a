/// Elementary functions built from IEEE-754 `+ − × ÷` only, so that their results — unlike the
/// platform C library's `log`, `exp` and `cos` — are bit-identical on every platform. Accurate
/// to a few units in the last place, which is ample for drawing demo data.
enum PortableMath {
    static let ln2 = 0.693_147_180_559_945_3

    /// The natural logarithm of `x` > 0 (NaN for x ≤ 0 or NaN, +∞ for +∞).
    static func log(_ x: Double) -> Double {
        guard x > 0 else { return x == 0 ? -.infinity : .nan }
        guard x.isFinite else { return x }
        // x = m·2^e with m in [√½, √2): ln x = e·ln 2 + 2·atanh((m − 1)/(m + 1)).
        var e = Int(x.exponent)
        var m = x.significand  // [1, 2), exact
        if m > 1.414_213_562_373_095 {
            m *= 0.5
            e += 1
        }
        let s = (m - 1) / (m + 1)  // |s| ≤ 0.172
        let s2 = s * s
        var term = s
        var sum = s
        var k = 3.0
        while k < 24 {  // terms up to s^23: below 1e-19 for |s| ≤ 0.172
            term *= s2
            sum += term / k
            k += 2
        }
        return Double(e) * ln2 + 2 * sum
    }

    /// e^x (0 below −745, +∞ above 709.78).
    static func exp(_ x: Double) -> Double {
        guard !x.isNaN else { return x }
        if x > 709.78 { return .infinity }
        if x < -745.2 { return 0 }
        // x = k·ln 2 + r with |r| ≤ ½ ln 2; e^x = 2^k · e^r, e^r by its Taylor series.
        let k = (x / ln2).rounded()
        let r = x - k * ln2
        var term = 1.0
        var sum = 1.0
        var n = 1.0
        while n < 18 {  // terms up to r^17 / 17!: below 1e-22 for |r| ≤ 0.347
            term *= r / n
            sum += term
            n += 1
        }
        return scaled(sum, byPowerOfTwo: Int(k))
    }

    /// `value × 2^power`, exactly (barring overflow or subnormal rounding).
    private static func scaled(_ value: Double, byPowerOfTwo power: Int) -> Double {
        var result = value
        var p = power
        while p > 1000 {
            result *= 0x1p1000
            p -= 1000
        }
        while p < -1000 {
            result *= 0x1p-1000
            p += 1000
        }
        return result * Double(sign: .plus, exponent: p, significand: 1)
    }

    /// Sine and cosine of the angle `turns × 2π` (turns in any range).
    static func sinCos(turns: Double) -> (sin: Double, cos: Double) {
        // Reduce to a quadrant q and an angle t in [0, π/2): all steps exact for |turns| < 2^50.
        let quarters = (turns - turns.rounded(.down)) * 4  // [0, 4)
        let q = quarters.rounded(.down)
        let t = (quarters - q) * (Double.pi / 2)
        let t2 = t * t
        var sine = t
        var cosine = 1.0
        var sTerm = t
        var cTerm = 1.0
        var n = 1.0
        while n < 22 {  // Taylor terms up to t^23 / 23!: below 1e-18 for t < π/2
            cTerm *= -t2 / (n * (n + 1))
            cosine += cTerm
            sTerm *= -t2 / ((n + 1) * (n + 2))
            sine += sTerm
            n += 2
        }
        switch Int(q) {
        case 0: return (sine, cosine)
        case 1: return (cosine, -sine)
        case 2: return (-sine, -cosine)
        default: return (-cosine, sine)
        }
    }
}
