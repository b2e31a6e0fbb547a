import Domain
import Foundation
import Interchange

/// Reads uploaded rules (a JSON object with the keys the rules are written with; a missing key
/// keeps its default) into rules, or into problems that name the file, the key and the rule
/// broken — the rotation rules, the zoning rules, any rules a planner takes as data.
///
/// A key the rules do not know is not an error — the rules file may carry notes — but a
/// misspelt key would silently keep its default, so each one is a warning.
public struct RulesInput<Rules: Codable & Sendable>: Sendable {
    /// The rules a file starts from.
    public let defaults: Rules
    /// What the rules are called, for messages: 交流规则, 学区规则.
    let chineseName: String, englishName: String

    public init(defaults: Rules, chineseName: String, englishName: String) {
        self.defaults = defaults
        self.chineseName = chineseName
        self.englishName = englishName
    }

    /// The rules of `file`, with a warning per unknown key; or its problems.
    public func read(_ file: UploadedFile, language l: Language) -> Result<(Rules, [String]), RulesFileError> {
        let data = Data(file.bytes)
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String).map { "（\($0)）" } ?? ""
            return .failure(problem(file, key: "", l.pick("不是有效的 JSON\(detail)", "is not valid JSON\(detail)")))
        }
        guard let keys = (object as? [String: Any])?.keys else {
            return .failure(problem(file, key: "", l.pick("应为一个 JSON 对象（{…}），各键见\(chineseName)说明", "must be one JSON object ({…}) with the \(englishName)' keys")))
        }
        let rules: Rules
        do {
            rules = try JSONDecoder().decode(Rules.self, from: data)
        } catch let error as DecodingError {
            return .failure(problem(error, file: file, language: l))
        } catch {
            return .failure(problem(file, key: "", String(describing: error)))
        }
        let known = self.known
        let unknown = Set(keys).subtracting(known).sorted()
        let warnings = unknown.map { key in
            l.pick("\(file.name)：不认识的规则键 \(key)，已忽略（可用的键：\(known.sorted().joined(separator: "、"))）",
                   "\(file.name): unknown rules key \(key), ignored (the keys are \(known.sorted().joined(separator: ", ")))")
        }
        return .success((rules, warnings))
    }

    /// The keys a rules file may set: those the defaults are written with.
    public var known: Set<String> {
        guard let data = try? JSONEncoder().encode(defaults),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [] }
        return Set(object.keys)
    }

    /// The defaults as a rules file, an example for the form.
    public var defaultsText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return (try? encoder.encode(defaults)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The rule a decoding error breaks, at its key.
    private func problem(_ error: DecodingError, file: UploadedFile, language l: Language) -> RulesFileError {
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
            return problem(file, key: path(context), l.pick("不符合\(chineseName)：\(context.debugDescription)", "breaks the \(englishName)' checks: \(context.debugDescription)"))
        @unknown default:
            return problem(file, key: "", String(describing: error))
        }
    }

    private func problem(_ file: UploadedFile, key: String, _ message: String) -> RulesFileError {
        RulesFileError(problems: [RowError(file: file.name, row: 0, column: key, message: message)])
    }
}

/// Rules a planner refuses: each problem at its key (row 0), printed `FILE: KEY: message`.
public struct RulesFileError: Error, Sendable {
    public var problems: [RowError]

    public init(problems: [RowError]) {
        self.problems = problems
    }

    /// Each problem as `FILE: KEY: message`.
    public var lines: [String] { problems.map(RotationFileError.line) }
}
