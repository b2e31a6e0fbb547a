import Domain
import Planning

extension CareRules {
    /// The care rules as a file reads them (关爱帮扶规则, JSON with ``Planning/CareRules``' keys).
    public static let input = RulesInput(defaults: CareRules.defaults, chineseName: "关爱帮扶规则", englishName: "care rules")
}
