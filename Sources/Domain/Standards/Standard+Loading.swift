import Foundation

/// A standard file that cannot be used, with the place and the rule it breaks.
public struct StandardError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the file came from (a path, or the built-in name).
    public var source: String
    /// The JSON path of the problem, e.g. `indicators[2].scale`; empty for the whole file.
    public var path: String
    /// What is wrong.
    public var message: String

    public init(source: String, path: String, message: String) {
        self.source = source
        self.path = path
        self.message = message
    }

    public var description: String {
        path.isEmpty ? "\(source): \(message)" : "\(source): \(path): \(message)"
    }
}

extension Standard {
    /// The keys of the standards shipped with Junheng.
    public static let builtInKeys = ["quality-2017", "basic-2012"]

    /// A standard shipped with Junheng, by key (`quality-2017` or `basic-2012`).
    public static func builtIn(_ key: String) throws -> Standard {
        guard builtInKeys.contains(key),
              let url = Bundle.module.url(forResource: key, withExtension: "json", subdirectory: "Standards")
        else {
            throw StandardError(source: key, path: "", message: "no built-in standard with this key (choose \(builtInKeys.joined(separator: ", ")))")
        }
        return try decode(try Data(contentsOf: url), source: key)
    }

    /// Decodes and validates a standard file; every problem names its JSON path.
    public static func decode(_ data: Data, source: String) throws -> Standard {
        let standard: Standard
        do {
            standard = try JSONDecoder().decode(Standard.self, from: data)
        } catch let error as DecodingError {
            throw StandardError(decoding: error, source: source)
        } catch {
            throw StandardError(source: source, path: "", message: "not valid JSON (\(error.localizedDescription))")
        }
        try standard.validate(source: source)
        return standard
    }

    /// Checks the rules a decodable file can still break.
    func validate(source: String) throws {
        func fail(_ path: String, _ message: String) -> StandardError {
            StandardError(source: source, path: path, message: message)
        }
        guard !stages.isEmpty else { throw fail("stages", "at least one stage is needed") }
        if let senior = stages.firstIndex(of: .senior) {
            throw fail("stages[\(senior)]", "senior is not a compulsory stage and cannot be evaluated")
        }
        guard !indicators.isEmpty else { throw fail("indicators", "at least one indicator is needed") }
        var keys = Set<String>()
        for (i, indicator) in indicators.enumerated() {
            guard keys.insert(indicator.key).inserted else {
                throw fail("indicators[\(i)].key", "duplicate indicator key '\(indicator.key)'")
            }
            guard indicator.scale > 0, indicator.scale.isFinite else {
                throw fail("indicators[\(i)].scale", "must be a positive number")
            }
            if schoolRule != nil {
                for stage in stages where indicator.threshold(for: stage) == nil {
                    throw fail("indicators[\(i)].thresholds", "a threshold for \(stage.rawValue) is needed because the standard has a school_rule")
                }
            }
            for (stage, value) in indicator.thresholds ?? [:] where !(value > 0 && value.isFinite) {
                throw fail("indicators[\(i)].thresholds.\(stage.rawValue)", "must be a positive number")
            }
        }
        for stage in stages {
            guard let limit = balance.cvLimits[stage] else {
                throw fail("balance.cv_limits", "a limit for \(stage.rawValue) is needed")
            }
            guard limit > 0, limit.isFinite else {
                throw fail("balance.cv_limits.\(stage.rawValue)", "must be a positive number")
            }
        }
        if let decimals = balance.cvRoundDecimals, !(0...12).contains(decimals) {
            throw fail("balance.cv_round_decimals", "must be between 0 and 12, or null")
        }
        if let rule = schoolRule {
            guard (0...indicators.count).contains(rule.minMet) else {
                throw fail("school_rule.min_met", "must be between 0 and the number of indicators (\(indicators.count))")
            }
            guard rule.floorRatio > 0, rule.floorRatio <= 1 else {
                throw fail("school_rule.floor_ratio", "must be in (0, 1]")
            }
        }
        guard scope.teachingPointMinStudents >= 0 else {
            throw fail("scope.teaching_point_min_students", "must not be negative")
        }
        var factKeys = Set<String>()
        for (i, fact) in facts.enumerated() {
            guard factKeys.insert(fact.key).inserted else {
                throw fail("facts[\(i)].key", "duplicate fact key '\(fact.key)'")
            }
            if case let .compare(_, bound) = fact.check, !bound.isFinite {
                throw fail("facts[\(i)].value", "must be a finite number")
            }
        }
    }
}

extension StandardError {
    init(decoding error: DecodingError, source: String) {
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
            return text
        }
        switch error {
        case let .keyNotFound(key, context):
            let parent = path(context.codingPath)
            self.init(source: source, path: parent.isEmpty ? key.stringValue : "\(parent).\(key.stringValue)", message: "required key is missing")
        case let .typeMismatch(type, context):
            self.init(source: source, path: path(context.codingPath), message: "expected \(Self.describe(type))")
        case let .valueNotFound(type, context):
            self.init(source: source, path: path(context.codingPath), message: "expected \(Self.describe(type)), found null")
        case let .dataCorrupted(context):
            let message = context.underlyingError.map { "not valid JSON (\($0.localizedDescription))" } ?? context.debugDescription
            self.init(source: source, path: path(context.codingPath), message: message)
        @unknown default:
            self.init(source: source, path: "", message: "\(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Int.Type: "a number"
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        default: "\(type)"
        }
    }
}
