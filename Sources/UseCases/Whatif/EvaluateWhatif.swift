import Domain
import Interchange

/// What-if (假设分析): edits applied to a copy of one county-year's rows — each value checked
/// by exactly the rules of a schools file (``SchoolEdit``), nothing written — and the county
/// evaluated before and after (`junheng plan whatif`).
///
/// ```swift
/// let whatif = try EvaluateWhatif(standard: standard)
///     .evaluate(rows, edits: [("4302500001", "teaching_area", "99999")], language: .chinese)
/// ResourceCheck(whatif.after).passes
/// ```
public struct EvaluateWhatif: Sendable {
    /// The standard evaluated against.
    public var standard: Standard

    /// Makes the value from its parts.
    public init(standard: Standard) {
        self.standard = standard
    }

    /// `schools` (one county-year) evaluated before and after `edits`, applied in order (a
    /// later edit of the same field wins). An edit sets a school's field — its key
    /// (`teaching_area`) or Chinese name (教学及辅助用房面积), as a schools file's header — to
    /// a value typed as in a schools file (empty: not reported).
    ///
    /// - Throws: ``WhatifError`` when there is no edit, an edit names a field that cannot be
    ///   changed or a school not among `schools`, or a value is refused (every problem of it).
    public func evaluate(
        _ schools: [SchoolYear], edits: [(schoolCode: String, field: String, value: String)], language l: Language
    ) throws(WhatifError) -> CountyWhatif {
        guard !edits.isEmpty else { throw WhatifError(kind: .noEdits) }
        var edited = schools
        var touched: [Int] = []
        for edit in edits {
            guard let field = SchoolField.allCases.first(where: { $0.key == edit.field || $0.chineseName == edit.field }), !field.isIdentity else {
                throw WhatifError(kind: .unknownField(edit.field))
            }
            guard let i = edited.firstIndex(where: { $0.schoolCode == edit.schoolCode }) else {
                throw WhatifError(kind: .noSuchSchool(edit.schoolCode))
            }
            do {
                edited[i] = try SchoolEdit(language: l).apply([field: edit.value], to: edited[i], companions: edited)
            } catch {
                throw WhatifError(kind: .refused(error.errors))
            }
            if !touched.contains(i) { touched.append(i) }
        }
        let evaluator = Evaluator(standard: standard)
        return CountyWhatif(
            before: evaluator.evaluateCounty(schools, facts: nil), after: evaluator.evaluateCounty(edited, facts: nil),
            edited: touched.map { (schools[$0], edited[$0]) })
    }
}

/// One county evaluated before and after what-if edits. Made by ``EvaluateWhatif``.
public struct CountyWhatif: Sendable {
    /// The county as its rows are.
    public var before: CountyResult
    /// The county with the edits.
    public var after: CountyResult
    /// Each edited school's row before and after its edits, in the order first edited.
    public var edited: [(before: SchoolYear, after: SchoolYear)]
}

/// Why what-if edits were refused. The command answers a value refused by the file's rules
/// with status 65 (``problems``, one line each) and the other refusals with 64 (usage).
///
/// A struct with a private kind, so that new refusals do not break callers.
public struct WhatifError: Error, Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case noEdits
        case unknownField(String)
        case noSuchSchool(String)
        case refused([RowError])
    }

    let kind: Kind

    /// The problems of a value refused by the rules of a schools file; empty for the other refusals.
    public var problems: [RowError] {
        if case let .refused(problems) = kind { problems } else { [] }
    }

    /// The sentence for the person (for a refused value: above its ``problems``).
    public func message(in l: Language) -> String {
        switch kind {
        case .noEdits: l.pick("至少给出一处修改", "give at least one edit")
        case let .unknownField(name): l.pick("'\(name)' 不是可修改的学校字段", "'\(name)' is not a school field that can be changed")
        case let .noSuchSchool(code): l.pick("所选县区年度中没有学校 \(code)", "no school \(code) in the chosen county and year")
        case let .refused(problems): l.pick("修改有 \(problems.count) 处错误", "the edits have \(problems.count) error(s)")
        }
    }
}
