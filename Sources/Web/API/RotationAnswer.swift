import UseCases
import Reports

/// What `POST /api/counties/{county}/rotate` answers: the plan's document as `junheng plan
/// rotate --format json` writes it (``RotationPlanDocument``), then `rules` (every key,
/// defaults filled in) and `warnings` (what the readers noted without refusing).
struct RotationAnswer: Encodable {
    var plan: RotationPlanDocument
    var rules: RotationRules
    var warnings: [String]

    enum CodingKeys: String, CodingKey {
        case rules, warnings
    }

    /// The answer for `rotation`.
    init(_ rotation: CountyRotation) {
        plan = RotationPlanDocument(rotation.plan, ruralService: rotation.record, differences: rotation.differences, schools: rotation.schools)
        // The rows name the county; a county without a name in its rows may still have one stored.
        plan.countyName = plan.countyName ?? rotation.countyName
        rules = rotation.rules
        warnings = rotation.warnings
    }

    /// The plan's members, then `rules` and `warnings` in the same object.
    func encode(to encoder: any Encoder) throws {
        try plan.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rules, forKey: .rules)
        try container.encode(warnings, forKey: .warnings)
    }
}
