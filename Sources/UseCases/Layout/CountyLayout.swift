import Domain
import Interchange
import Planning
import Storage

/// A county's school layout (布局调整方案) as the layout page shows it: the county's stored
/// blocks and distances planned over an uploaded sites file, for one stage and target. Nothing
/// is stored. Made by ``PlanLayout/plan(_:sites:rules:stage:target:store:work:language:)``.
public struct CountyLayout: Sendable {
    /// The county and the year whose school rows the sites' 学校标识码 are checked against.
    public var chosen: CountyYear
    public var stage: Stage
    public var target: LayoutTarget
    /// How many blocks the county has stored (0: nothing to plan; upload them on the zones page).
    public var blockCount: Int
    public var rules: LayoutRules
    /// The plan; nil when the county has no blocks with children of the stage.
    public var plan: LayoutPlan?
    /// What the readers noted without refusing, each a sentence.
    public var warnings: [String]
}

extension PlanLayout {
    /// The layout of `chosen`'s county for `stage`: its stored blocks (and their distances — a
    /// distance to a school counts for the site of that school) over the uploaded `sites`,
    /// under `rules` (the defaults when nil), off the caller's thread.
    ///
    /// With an `enrollment` file (and `births`), the county's forecast under the rules' zoning
    /// keys (``PlanZones/forecast(_:enrollment:births:rules:store:work:language:)``) states the
    /// communities' needs in the forecast years.
    ///
    /// - Throws: ``ZoneFileError`` (``ZoneFileError/Purpose/layout``) with every problem of the
    ///   sites file (a site neither located nor measured, a 学校标识码 the county's rows of the
    ///   year do not have), of the enrollment and births files, or of the rules;
    ///   ``PlanningError`` when the target cannot be met.
    public static func plan(_ chosen: CountyYear, sites file: UploadedFile, rules rulesFile: UploadedFile?, stage: Stage,
                            target: LayoutTarget, enrollment: UploadedFile? = nil, births: UploadedFile? = nil,
                            store: any Store, work: any WorkRunner, language l: Language) async throws -> CountyLayout {
        var rules = LayoutRules.defaults, warnings: [String] = []
        if let rulesFile {
            switch rulesInput.read(rulesFile, language: l) {
            case let .success((read, notes)): rules = read; warnings = notes
            case let .failure(error): throw ZoneFileError(.layout, problems: error.problems)
            }
        }
        // The forecast's problems are listed with the sites' (every problem of the upload at once).
        var ahead: CountyForecast?, refused: [RowError] = []
        if let enrollment {
            do {
                ahead = try await PlanZones.forecast(chosen, enrollment: enrollment, births: births, rules: rules.zoning,
                                                     store: store, work: work, language: l)
                warnings += ahead?.warnings ?? []
            } catch let error as ZoneFileError {
                refused = error.problems
            }
        }
        let schools = try await store.schoolYears(county: chosen.code, year: chosen.year)
        let blocks = try await store.blocks(county: chosen.code)
        let stored = blocks.isEmpty ? [] : try await store.distances(county: chosen.code)
        let made: Result<CountyLayout, ZoneFileError> = try await work.run { [rules, warnings, ahead, refused] () throws -> Result<CountyLayout, ZoneFileError> in
            let sitesFile: SitesFile
            do {
                sitesFile = try SitesReader(language: l).read(file.bytes, file: file.name, sheet: file.sheet)
            } catch let error as DataFileError {
                return .failure(ZoneFileError(.layout, problems: refused + error.errors))
            }
            // A stored distance to a school is the distance to the site of that school.
            var siteIds: [String: [String]] = [:]
            for site in sitesFile.sites { if let code = site.schoolCode { siteIds[code, default: []].append(site.id) } }
            let distances = stored.flatMap { row in
                (siteIds[row.to] ?? []).map { TravelDistance(from: row.from, to: $0, measure: row.measure) }
            }
            let problems = refused + LayoutInputCheck(language: l).problems(sites: sitesFile, measured: Set(distances.map(\.to)), schools: schools)
            guard problems.isEmpty else { return .failure(ZoneFileError(.layout, problems: problems)) }
            let plan = blocks.contains { $0.children(stage) > 0 }
                ? try PlanLayout(rules: rules).plan(stage: stage, blocks: blocks, sites: sitesFile.sites, distances: distances, target: target,
                                                    forecast: ahead.map { ($0.forecast, history: $0.history) })
                : nil
            return .success(CountyLayout(chosen: chosen, stage: stage, target: target, blockCount: blocks.count, rules: rules,
                                         plan: plan, warnings: warnings + sitesFile.warnings))
        }
        return try made.get()
    }
}
