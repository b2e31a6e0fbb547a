import ArgumentParser
import Domain
import Interchange
import UseCases

/// What every command that evaluates reads: the schools file, the standard, the facts, and
/// the county and year filters (`junheng evaluate`, `junheng report`).
struct EvaluationInput: ParsableArguments {
    @OptionGroup var schools: SchoolsFileOption
    @OptionGroup var standard: StandardOption
    @OptionGroup var facts: FactsFileOption

    @Option(help: "Only this school year.")
    var year: Int?

    @Option(help: "Only this county (6-digit code).")
    var county: String?

    @Option(help: "Residential blocks file: items 13 and 15 (nearby zoned enrollment, migrant children) computed from the zones.")
    var blocks: String?

    @Option(help: "Distances file (block, school, km or minutes) for the blocks.")
    var distances: String?

    @Option(help: "Enrollment by grade file: item 5 (class size) for schools whose row has no largest class.")
    var enrollment: String?

    @Option(help: "Zoning rules, JSON, for the computed items (nearby_rule, distance_limit_km, …).")
    var zoneRules: String?

    @Option(help: "Quota file (quality high schools' plans): item 14 computed from the places allocated to the junior schools by their graduates.")
    var quota: String?

    @Option(help: "Funding rules, JSON, for items 3, 6, 7 and quality item 4 computed from the rows (region, base_rates, small_school_floor, …).")
    var fundingRules: String?

    @Option(help: "Children register (儿童登记): quality item 2 (disabled children enrolled) and item 15 (migrant share, left-behind children paired) computed from it.")
    var children: String?

    @Option(help: "Junior cohorts (巩固率): quality item 1 (three-year retention) computed from them.")
    var cohorts: String?

    @Option(help: "Care rules, JSON (school_age_from, school_age_to, age_on, pair_categories, purchased_service_schools).")
    var careRules: String?

    /// Reads the files and evaluates, or stops with status 65 and every problem printed.
    func evaluate(language: Language) throws -> (Standard, [SchoolYear], [CountyResult]) {
        let standard = try self.standard.load()
        let rows = try schools.rows(language: language)
        let countyFacts = try facts.read(standard: standard, language: language)
        let data = try itemData(schools: rows, language: language)
        let (schools, results) = EvaluateCounties(standard: standard).evaluate(rows, facts: countyFacts, year: year, county: county, data: data)
        return (standard, schools, results)
    }

    /// The data beyond the rows that items are computed from, when any file gives them.
    private func itemData(schools: [SchoolYear], language l: Language) throws -> CountyItemData? {
        guard blocks != nil || enrollment != nil || distances != nil || quota != nil || fundingRules != nil || children != nil || cohorts != nil
        else { return nil }
        let rules = try zoneRules.map { try readZoningRules($0, language: l) } ?? .defaults
        var data = CountyItemData(rules: rules)
        if let fundingRules { data.funding = try readRules(fundingRules, PlanFunding.rulesInput, language: l) }
        if let blocks {
            (data.blocks, data.distances) = try readZoneFiles(blocks: blocks, distances: distances, schools: schools, language: l)
        } else if distances != nil {
            throw ValidationError(l.pick("--distances 须与 --blocks 一同给出", "--distances needs --blocks"))
        }
        if let enrollment {
            let file = try readDataFile(enrollment, \.warnings) { try EnrollmentReader(language: l).read($0, file: enrollment) }
            try refusingProblems { try ZoneInputCheck(language: l).check(schools: schools, enrollment: file) }
            data.enrollment = file.records
        }
        if let quota {
            let file = try readDataFile(quota, \.warnings) { try QuotaReader(language: l).read($0, file: quota) }
            try refusingProblems { try QuotaInputCheck(language: l).check(quotas: file, schools: schools) }
            data.quotas = file.quotas
        }
        if let careRules { data.care = try readRules(careRules, CareRules.input, language: l) }
        if let children {
            let file = try readDataFile(children, \.warnings) { try ChildrenReader(language: l).read($0, file: children) }
            try refusingProblems { try CareInputCheck.refuse(CareInputCheck(language: l).problems(children: file, schools: schools)) }
            data.children = file.children
        }
        if let cohorts {
            let file = try readDataFile(cohorts, \.warnings) { try CohortsReader(language: l).read($0, file: cohorts) }
            try refusingProblems { try CareInputCheck.refuse(CareInputCheck(language: l).problems(cohorts: file, schools: schools)) }
            data.cohorts = file.cohorts
        }
        return data
    }

    /// Says on standard error that the filters left no school rows (the report is then empty).
    static func sayNoneMatch(_ language: Language) {
        printError(language.pick("没有符合条件的学校记录", "no school rows match"))
    }
}
