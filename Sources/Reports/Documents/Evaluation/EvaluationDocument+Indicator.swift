import Domain

extension EvaluationDocument {
    /// One indicator of one stage across the county: the official figures (county value, CV,
    /// limit, pass) and the other measures of inequality.
    public struct Indicator: Codable, Sendable, Equatable {
        public var countyValue: Double?
        /// 差异系数.
        public var cv: Double?
        public var limit: Double?
        public var pass: Bool?
        public var gini: Double?
        /// Theil T, with its parts between and within urban, town and rural schools.
        public var theil: Double?
        public var theilBetween: Double?
        public var theilWithin: Double?
        /// By locality key (`urban`, `town`, `rural`); empty without a Theil index.
        public var theilGroups: OrderedMembers<TheilGroup>
        public var mcloone: Double?
        public var min: Double?
        public var max: Double?
        /// max ÷ min.
        public var rangeRatio: Double?
        /// School codes of the units that did not report the indicator.
        public var missingUnits: [String]

        enum CodingKeys: String, CodingKey {
            case countyValue = "county_value", cv, limit, pass, gini, theil, theilBetween = "theil_between"
            case theilWithin = "theil_within", theilGroups = "theil_groups", mcloone, min, max
            case rangeRatio = "range_ratio", missingUnits = "missing_units"
        }

        init(_ result: IndicatorResult) {
            // Computed on each access: once.
            let theil = result.theil
            countyValue = result.countyValue?.finite
            cv = result.cv?.finite
            limit = result.limit?.finite
            pass = result.pass
            gini = result.gini?.finite
            self.theil = theil?.total.finite
            theilBetween = theil?.between.finite
            theilWithin = theil?.within.finite
            theilGroups = OrderedMembers((theil?.groups ?? []).map { ($0.group.rawValue, TheilGroup($0)) })
            mcloone = result.mcloone?.finite
            min = result.min?.finite
            max = result.max?.finite
            rangeRatio = result.rangeRatio?.finite
            missingUnits = result.missingUnits
        }
    }

    /// One locality's part of an indicator's Theil index.
    public struct TheilGroup: Codable, Sendable, Equatable {
        /// Its students (the weight).
        public var students: Double?
        /// Its weighted mean.
        public var mean: Double?
        /// Its own Theil index.
        public var theil: Double?
        /// Its share of the county's resource.
        public var resourceShare: Double?

        enum CodingKeys: String, CodingKey {
            case students, mean, theil, resourceShare = "resource_share"
        }

        init(_ part: TheilDecomposition<Locality>.GroupPart) {
            students = part.weight.finite
            mean = part.mean.finite
            theil = part.theil.finite
            resourceShare = part.resourceShare.finite
        }
    }
}
