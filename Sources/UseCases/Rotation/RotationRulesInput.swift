import Domain
import Foundation
import Interchange
import Planning

/// Reads uploaded rotation rules (JSON with ``RotationRules``' keys; a missing key keeps its
/// default) into rules, or into problems that name the file, the key and the rule broken.
///
/// A key the rules do not know is not an error — the rules file may carry notes — but a
/// misspelt key would silently keep its default, so each one is a warning.
public enum RotationRulesInput {
    /// The rules of `file`, with a warning per unknown key.
    public static func read(_ file: UploadedFile, language l: Language) -> Result<(RotationRules, [String]), RotationFileError> {
        let data = Data(file.bytes)
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String).map { "（\($0)）" } ?? ""
            return .failure(problem(file, key: "", l.pick("不是有效的 JSON\(detail)", "is not valid JSON\(detail)")))
        }
        guard let keys = (object as? [String: Any])?.keys else {
            return .failure(problem(file, key: "", l.pick("应为一个 JSON 对象（{…}），各键见交流规则说明", "must be one JSON object ({…}) with the rules' keys")))
        }
        let rules: RotationRules
        do {
            rules = try JSONDecoder().decode(RotationRules.self, from: data)
        } catch let error as DecodingError {
            return .failure(problem(error, file: file, language: l))
        } catch {
            return .failure(problem(file, key: "", String(describing: error)))
        }
        let unknown = Set(keys).subtracting(known).sorted()
        let warnings = unknown.map { key in
            l.pick("\(file.name)：不认识的规则键 \(key)，已忽略（可用的键：\(known.sorted().joined(separator: "、"))）",
                   "\(file.name): unknown rules key \(key), ignored (the keys are \(known.sorted().joined(separator: ", ")))")
        }
        return .success((rules, warnings))
    }

    /// The keys a rules file may set: those the defaults are written with.
    public static let known: Set<String> = {
        guard let data = try? JSONEncoder().encode(RotationRules.defaults),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [] }
        return Set(object.keys)
    }()

    /// The defaults as a rules file, an example for the form.
    public static let defaultsText: String = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return (try? encoder.encode(RotationRules.defaults)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }()

    /// The rule a decoding error breaks, at its key.
    private static func problem(_ error: DecodingError, file: UploadedFile, language l: Language) -> RotationFileError {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case let .typeMismatch(type, context):
            let expected = String(describing: type).hasPrefix("Dictionary") ? l.pick("对象 {…}", "an object {…}")
                : type == String.self ? l.pick("文本", "text") : l.pick("数值", "a number")
            return problem(file, key: path(context), l.pick("值的类型不对，应为\(expected)", "has the wrong type: it must be \(expected)"))
        case let .valueNotFound(_, context):
            return problem(file, key: path(context), l.pick("值不能为 null", "must not be null"))
        case let .keyNotFound(key, context):
            return problem(file, key: path(context), l.pick("缺少键 \(key.stringValue)", "lacks the key \(key.stringValue)"))
        case let .dataCorrupted(context):
            // The rules' own checks (ranges, unknown stages or genders) say what is wrong in English.
            return problem(file, key: path(context), l.pick("不符合交流规则：\(context.debugDescription)", "breaks the rules' checks: \(context.debugDescription)"))
        @unknown default:
            return problem(file, key: "", String(describing: error))
        }
    }

    private static func problem(_ file: UploadedFile, key: String, _ message: String) -> RotationFileError {
        RotationFileError(problems: [RowError(file: file.name, row: 0, column: key, message: message)])
    }
}
