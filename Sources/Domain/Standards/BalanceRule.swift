/// The inter-school balance rule (校际均衡): which coefficients of variation (差异系数) are
/// judged against which limits.
public struct BalanceRule: Sendable, Hashable, Codable {
    /// What is compared with the limit.
    public enum Judged: String, Sendable, Hashable, Codable {
        /// Each indicator's CV on its own (2017: "所有指标校际差异系数…均小于或等于").
        case eachIndicator = "each_indicator"
        /// The composite: the arithmetic mean of the indicators' CVs (2012: 综合差异系数).
        case composite
    }

    /// What is compared with the limit.
    public var judged: Judged
    /// The limit (≤) per stage: 2017 primary 0.50, junior 0.45; 2012 0.65 / 0.55.
    public var cvLimits: [Stage: Double]
    /// Decimals to round a CV to before comparing; `nil` (the default) compares unrounded.
    public var cvRoundDecimals: Int?

    enum CodingKeys: String, CodingKey {
        case judged, cvLimits = "cv_limits", cvRoundDecimals = "cv_round_decimals"
    }

    public init(judged: Judged, cvLimits: [Stage: Double], cvRoundDecimals: Int? = nil) {
        self.judged = judged
        self.cvLimits = cvLimits
        self.cvRoundDecimals = cvRoundDecimals
    }

    /// Whether `cv` is within the limit of `stage`, rounding first when the standard says so.
    public func passes(_ cv: Double, stage: Stage) -> Bool {
        guard let limit = cvLimits[stage] else { return true }
        return compared(cv) <= limit
    }

    /// 综合差异系数: the plain arithmetic mean of the indicators' CVs (2012: (1/8)·Σ CV_k).
    ///
    /// Example (official-methods §4C, 吉林南关区 primary): 0.393, 0.578, 0.372, 0.246, 0.208,
    /// 0.311, 0.311, 0.455 give 0.359.
    public static func composite(of cvs: [Double]) -> Double? {
        cvs.isEmpty ? nil : cvs.reduce(0, +) / Double(cvs.count)
    }

    /// `cv` as the standard compares it: unrounded, or rounded half away from zero.
    public func compared(_ cv: Double) -> Double {
        guard let decimals = cvRoundDecimals else { return cv }
        var factor = 1.0
        for _ in 0..<decimals { factor *= 10 }
        return (cv * factor).rounded(.toNearestOrAwayFromZero) / factor
    }
}

/// The per-school rule of the 2017 method: at least `minMet` indicators meet their threshold
/// and every unmet one reaches `floorRatio` of it ("至少6项达标，余项不低于85%").
public struct SchoolRule: Sendable, Hashable, Codable {
    /// Indicators that must meet their threshold (2017: 6 of 7).
    public var minMet: Int
    /// The share of its threshold an unmet indicator must still reach (2017: 0.85).
    public var floorRatio: Double

    enum CodingKeys: String, CodingKey {
        case minMet = "min_met", floorRatio = "floor_ratio"
    }

    public init(minMet: Int, floorRatio: Double) {
        self.minMet = minMet
        self.floorRatio = floorRatio
    }

    /// The rule by name, as reports head its results: 学校达标（至少6项达标、余项不低于85%） /
    /// School rule (at least 6 met, the rest ≥ 85%).
    public func name(in language: Language) -> String {
        let floor = Decimals.compact(floorRatio * 100)
        return language.pick("学校达标（至少\(minMet)项达标、余项不低于\(floor)%）", "School rule (at least \(minMet) met, the rest ≥ \(floor)%)")
    }
}
