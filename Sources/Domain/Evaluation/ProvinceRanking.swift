/// Counties side by side (县区排名), as the province page and the JSON API show them: per
/// county the verdict, how many resource indicators are within their 差异系数 limit, the
/// worst CV as a share of its limit, and the share of schools meeting the school rule.
///
/// The ranking puts passing counties first, then orders by the worst CV/limit ratio (the
/// county closest to every limit first; a county without a judged CV after those with one),
/// then by county code so that ties never depend on input order.
///
/// ```swift
/// let rows = ProvinceRanking.rank(results: evaluator.evaluate(rows, facts: facts))
/// rows[0].rank        // 1
/// rows[0].worstRatio  // 0.91 — its largest CV is 91% of that indicator's limit
/// ```
public enum ProvinceRanking {
    /// One county's line.
    public struct Row: Sendable, Hashable {
        /// 1 for the best county.
        public var rank: Int
        /// 县区代码
        public var countyCode: String
        /// 县区名称, when the data names it.
        public var countyName: String?
        /// 年度
        public var year: Int
        /// The county's verdict.
        public var verdict: Verdict
        /// Indicators (of every evaluated stage) whose CV is within its limit.
        public var indicatorsWithinLimit: Int
        /// Every indicator of every evaluated stage.
        public var indicatorCount: Int
        /// The largest CV ÷ limit over the judged indicators; above 1 means a limit is exceeded.
        public var worstRatio: Double?
        /// Where ``worstRatio`` is: the stage and the indicator's index in the standard.
        public var worstIndicator: IndicatorRef?
        /// Schools of the resource part all of whose units meet the school rule.
        public var compliantSchools: Int
        /// Schools of the resource part (a school with two stages counts once).
        public var evaluatedSchools: Int
        /// Every school of the county, in the resource part or left out of it.
        public var schoolCount: Int

        /// ``compliantSchools`` ÷ ``evaluatedSchools``; `nil` without evaluated schools.
        public var compliantShare: Double? {
            evaluatedSchools > 0 ? Double(compliantSchools) / Double(evaluatedSchools) : nil
        }
    }

    /// An indicator of one stage.
    public struct IndicatorRef: Sendable, Hashable {
        /// The stage.
        public var stage: Stage
        /// The indicator's index in the standard.
        public var index: Int
    }

    /// The counties of `results`, ranked (see the type's documentation).
    public static func rank(results: [CountyResult]) -> [Row] {
        let rows = results.map(row)
        let ranked = rows.sorted { a, b in
            let passA = a.verdict == .pass, passB = b.verdict == .pass
            if passA != passB { return passA }
            switch (a.worstRatio, b.worstRatio) {
            case let (x?, y?) where x != y: return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.countyCode < b.countyCode
            }
        }
        return ranked.enumerated().map { position, row in
            var row = row
            row.rank = position + 1
            return row
        }
    }

    /// One county's figures, unranked.
    public static func row(_ result: CountyResult) -> Row {
        var within = 0, count = 0
        var worst: (ratio: Double, stage: Stage, index: Int)?
        for stage in result.stages {
            for indicator in stage.indicators {
                count += 1
                if indicator.pass == true { within += 1 }
                guard let cv = indicator.cv, let limit = indicator.limit, limit > 0, cv.isFinite else { continue }
                let ratio = cv / limit
                if worst == nil || ratio > worst!.ratio { worst = (ratio, stage.stage, indicator.index) }
            }
        }
        var compliant: [String: Bool] = [:]
        for unit in result.units {
            compliant[unit.unit.schoolCode] = (compliant[unit.unit.schoolCode] ?? true) && unit.passes == true
        }
        let allSchools = Set(result.units.map(\.unit.schoolCode)).union(result.excluded.map(\.schoolCode))
        return Row(
            rank: 0, countyCode: result.countyCode, countyName: result.countyName, year: result.year,
            verdict: result.verdict, indicatorsWithinLimit: within, indicatorCount: count,
            worstRatio: worst?.ratio, worstIndicator: worst.map { IndicatorRef(stage: $0.stage, index: $0.index) },
            compliantSchools: compliant.values.count { $0 }, evaluatedSchools: compliant.count,
            schoolCount: allSchools.count
        )
    }
}
