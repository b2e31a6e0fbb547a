import Domain
import Interchange
import Planning

/// Reads uploaded rotation rules (JSON with ``RotationRules``' keys) — ``RulesInput`` for the
/// rotation plan, its problems as the rotation's upload error.
public enum RotationRulesInput {
    static let input = RulesInput(defaults: RotationRules.defaults, chineseName: "交流规则", englishName: "rotation rules")

    /// The rules of `file`, with a warning per unknown key.
    public static func read(_ file: UploadedFile, language l: Language) -> Result<(RotationRules, [String]), RotationFileError> {
        input.read(file, language: l).mapError { RotationFileError(problems: $0.problems) }
    }

    /// The keys a rules file may set.
    public static var known: Set<String> { input.known }

    /// The defaults as a rules file, an example for the form.
    public static var defaultsText: String { input.defaultsText }
}
