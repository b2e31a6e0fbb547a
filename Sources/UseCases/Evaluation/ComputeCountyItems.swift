import Domain
import Planning
import Storage

/// The data a county gives beyond its school rows, from which items of the method are computed
/// rather than typed: residential blocks and distances (zones → items 13 and 15), the
/// enrollment by grade (item 5 where a row has no 最大班额) and the quality high schools'
/// plans (指标到校 → item 14, shared among the rows' junior schools by their graduates), and
/// the children register and cohorts (→ quality items 1 and 2, government item 15).
public struct CountyItemData: Sendable {
    public var blocks: [ResidentialBlock]
    public var distances: [TravelDistance]
    public var enrollment: [EnrollmentRecord]
    public var rules: ZoningRules
    public var quotas: [HighSchoolQuota]
    public var quotaRules: QuotaRules
    public var funding: FundingRules
    /// The children register (儿童登记) and the junior cohorts (巩固率).
    public var children: [Child]
    public var cohorts: [CohortRecord]
    public var care: CareRules

    public init(blocks: [ResidentialBlock] = [], distances: [TravelDistance] = [], enrollment: [EnrollmentRecord] = [],
                rules: ZoningRules = .defaults, quotas: [HighSchoolQuota] = [], quotaRules: QuotaRules = .defaults,
                funding: FundingRules = .defaults, children: [Child] = [], cohorts: [CohortRecord] = [], care: CareRules = .defaults) {
        self.children = children
        self.cohorts = cohorts
        self.care = care
        self.blocks = blocks
        self.distances = distances
        self.enrollment = enrollment
        self.rules = rules
        self.quotas = quotas
        self.quotaRules = quotaRules
        self.funding = funding
    }
}

extension CountyItemData {
    /// The county's stored data beyond its rows as item data: its zoning data (blocks and
    /// distances) and its care data of `year` (register, cohorts); `nil` when it has none of
    /// them, so that the evaluation is the rows' and facts' alone.
    public static func stored(county: String, year: Int, store: any ZoneDataStore & CareDataStore) async throws -> CountyItemData? {
        let blocks = try await store.blocks(county: county)
        let children = try await store.children(county: county, year: year)
        let cohorts = try await store.cohorts(county: county).filter { $0.year == year }
        guard !blocks.isEmpty || !children.isEmpty || !cohorts.isEmpty else { return nil }
        return CountyItemData(blocks: blocks, distances: blocks.isEmpty ? [] : try await store.distances(county: county),
                              children: children, cohorts: cohorts)
    }
}

/// Computes the county items the data decide (``Planning/ComputedItems``) for every county and
/// year of the rows, and lays them over the typed facts: the computed value is used, the typed
/// one is the fallback where the data say nothing.
///
/// ```swift
/// let facts = ComputeCountyItems(standard: standard).facts(recorded: typed, rows: rows, data: CountyItemData(blocks: blocks))
/// ```
public struct ComputeCountyItems: Sendable {
    public var standard: Standard

    public init(standard: Standard) {
        self.standard = standard
    }

    /// The computed facts of `rows`' county-years.
    public func computed(rows: [SchoolYear], data: CountyItemData) -> [CountyFact] {
        let items = ComputedItems(standard: standard, rules: data.rules, funding: data.funding)
        let keys = Set(rows.map { CountyYearKey(county: $0.countyCode, year: $0.year) })
        // A quota the rows cannot share (refused before by the quota check) decides nothing.
        let allocations = (try? QuotaAllocation.allocations(data.quotas, schools: rows, rules: data.quotaRules)) ?? []
        var facts: [CountyFact] = []
        for key in keys.sorted(by: { ($0.county, $0.year) < ($1.county, $1.year) }) {
            let schools = rows.filter { $0.countyCode == key.county && $0.year == key.year }
            facts += items.fromSchools(schools, county: key.county, year: key.year, enrollment: data.enrollment)
            facts += items.fromFunding(schools, county: key.county, year: key.year)
            if let quota = items.fromQuota(allocations, county: key.county, year: key.year) { facts.append(quota) }
            let children = data.children.filter { $0.countyCode == key.county && $0.year == key.year }
            let cohorts = data.cohorts.filter { $0.countyCode == key.county && $0.year == key.year }
            // The register names each migrant child's school: its share replaces the zones' estimate.
            var care: [CountyFact] = []
            if !children.isEmpty || !cohorts.isEmpty {
                care = items.fromCare(CareRates(children: children, schools: schools, cohorts: cohorts, rules: data.care), county: key.county, year: key.year)
                facts += care
            }
            let blocks = data.blocks.filter { $0.countyCode == key.county }
            guard !blocks.isEmpty else { continue }
            let planner = ZonePlanner(rules: data.rules)
            let plans = [Stage.primary, .junior].map {
                planner.plan(stage: $0, county: key.county, blocks: blocks, schools: schools, distances: data.distances)
            }.filter { $0.planned.children > 0 }
            facts += items.fromZones(plans, year: key.year).filter { zoned in !care.contains { $0.item == zoned.item } }
        }
        return facts
    }

    /// `recorded` with the computed items laid over it; `nil` (the facts part not evaluated)
    /// stays `nil` unless the county gave data beyond its rows.
    public func facts(recorded: [CountyFact]?, rows: [SchoolYear], data: CountyItemData?) -> [CountyFact]? {
        guard recorded != nil || data != nil else { return nil }
        return CountyFact.merging(recorded: recorded ?? [], computed: computed(rows: rows, data: data ?? CountyItemData()))
    }

    private struct CountyYearKey: Hashable {
        var county: String
        var year: Int
    }
}
