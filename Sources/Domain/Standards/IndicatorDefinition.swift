/// One school-level indicator of a standard: X = numerator × scale ÷ the unit's enrollment.
///
/// Example (2017, 生均教学及辅助用房面积): numerator `teaching_area`, scale 1, primary threshold
/// 4.5 m² per student.
public struct IndicatorDefinition: Sendable, Hashable, Codable, Named {
    /// Stable key used in JSON/CSV output, e.g. `teaching_area_per_student`.
    public var key: String
    /// Official Chinese name, e.g. 生均教学及辅助用房面积.
    public var name: String
    /// English name.
    public var nameEn: String
    /// What is divided by enrollment.
    public var numerator: Resource
    /// 1 for per-student indicators, 100 for "每百名学生" indicators.
    public var scale: Double
    /// Display unit, e.g. m², 元, 人.
    public var unit: String
    /// Per-stage school threshold (≥). Absent when the standard sets none (2012: the provincial
    /// 办学基本标准 applies instead).
    public var thresholds: [Stage: Double]?

    enum CodingKeys: String, CodingKey {
        case key, name, nameEn = "name_en", numerator, scale, unit, thresholds
    }

    public init(
        key: String, name: String, nameEn: String, numerator: Resource, scale: Double,
        unit: String, thresholds: [Stage: Double]? = nil
    ) {
        self.key = key
        self.name = name
        self.nameEn = nameEn
        self.numerator = numerator
        self.scale = scale
        self.unit = unit
        self.thresholds = thresholds
    }

    /// The indicator's name (``Named``).
    public var chineseName: String { name }
    public var englishName: String { nameEn }

    /// The school threshold for `stage`, if the standard sets one.
    public func threshold(for stage: Stage) -> Double? {
        thresholds?[stage]
    }
}
