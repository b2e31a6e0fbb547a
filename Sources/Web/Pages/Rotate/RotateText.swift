import Domain
import UseCases

/// The rotation page's charts name the teacher indicators by the standard's official names
/// (the rest of the page is worded by ``RotationReport``).
enum RotateText {
    /// The teacher indicator counting `resource` — the standard's official name when the
    /// standard has it (每百名学生拥有县级及以上骨干教师数), else the resource's name.
    static func indicator(_ resource: Resource, standard: Standard, language l: Language) -> String {
        if let definition = standard.indicators.first(where: { $0.numerator == resource }) {
            return definition.name(in: l)
        }
        return l.pick(UnitCosts.chineseName(of: resource), UnitCosts.englishName(of: resource))
    }
}
