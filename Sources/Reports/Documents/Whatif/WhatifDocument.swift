import Domain
import Planning

/// What-if edits (假设分析) as one JSON document — `junheng plan whatif --format json` — keys
/// in English snake_case in a fixed order, values as typed in the canonical file format, CVs
/// unrounded (`null` when not finite).
///
/// ```json
/// {"standard": "quality-2017", "county_code": "130102", "county_name": "长安区", "year": 2025,
///  "edits": [{"school_code": "…", "field": "teaching_area", "old": "5120", "new": "99999"}],
///  "before": {"verdict": "pass", "compliant_units": 30, "units": 30},
///  "after": {"verdict": "fail", "compliant_units": 30, "units": 30},
///  "cv": [{"stage": "primary", "indicator": "teaching_area", "before": 0.174, "after": 1.184, …}]}
/// ```
///
/// `before`/`after` judge the resource allocation part only (``ResourceCheck``), as the
/// investment plan's do; `cv` has the plan's shape.
public struct WhatifDocument: Codable, Sendable, Equatable {
    /// One field an edit changed (`nil`: not reported).
    public struct Edit: Codable, Sendable, Equatable {
        public var schoolCode: String
        /// The field's key.
        public var field: String
        public var old: String?
        public var new: String?

        enum CodingKeys: String, CodingKey {
            case schoolCode = "school_code", field, old, new
        }
    }

    /// The standard's key.
    public var standard: String
    public var countyCode: String
    public var countyName: String?
    public var year: Int
    public var edits: [Edit]
    public var before: InvestmentPlanDocument.Check
    public var after: InvestmentPlanDocument.Check
    /// Each indicator's CV of each stage, before and after.
    public var cv: [InvestmentPlanDocument.CV]

    enum CodingKeys: String, CodingKey {
        case standard, countyCode = "county_code", countyName = "county_name", year, edits, before, after, cv
    }

    /// The document of one county evaluated `before` and `after` the edits of `edited`.
    public init(before: CountyResult, after: CountyResult, edited: [(before: SchoolYear, after: SchoolYear)], standard: Standard) {
        let keys = standard.indicators.map(\.key)
        self.standard = standard.key
        countyCode = after.countyCode
        countyName = after.countyName
        year = after.year
        edits = edited.flatMap { pair in
            pair.after.changes(from: pair.before).map { change in
                Edit(schoolCode: pair.after.schoolCode, field: change.field.key, old: change.old?.text, new: change.new?.text)
            }
        }
        self.before = InvestmentPlanDocument.Check(ResourceCheck(before))
        self.after = InvestmentPlanDocument.Check(ResourceCheck(after))
        cv = PlanWording.cvRows(before: before, after: after).map { InvestmentPlanDocument.CV($0, keys: keys) }
    }
}
