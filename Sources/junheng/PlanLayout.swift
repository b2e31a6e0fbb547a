import ArgumentParser
import Domain
import Foundation
import Interchange
import Reports
import UseCases

extension Plan {
    /// `junheng plan layout BLOCKS SITES`: one county's school layout for one stage (布局调整方案),
    /// made by ``LayoutPlanner`` through ``PlanLayout``.
    struct Layout: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "School layout of one county and stage (布局调整方案): where to build, keep and merge.",
            discussion: """
                Chooses the open sites — exactly N with --open N (existing schools may close unless keep = 是), or \
                with --budget YUAN the candidate sites and added classes whose build_cost and expand_cost_per_class fit it \
                (existing schools stay) — and zones \
                every block wholly to one open site within its places, total child-distance least (see README, plan \
                layout). Reports the plan's child-km against a Lagrangian lower bound and the gap, each site's class \
                (永久性保留 / 过渡性保留 / 撤并 / 新建) with the reason, the mergers with their receivers and the years \
                of 先建后撤. Distances come from --distances (block, site, km or minutes) and otherwise from the \
                coordinates (great-circle × the rules' detour factor). --rules FILE, JSON, changes the rules \
                (distance_limit_km, enforce_distance_limit, merger_junior_below, merger_village_primary_below, \
                community_rules, price_per_child_km, …). Each 过渡性保留 school comes with what merging it would do; \
                with the blocks' population, each community the community-size rules cover is listed with the schools \
                and classes it needs and lacks, today and in the plan — and, with --enrollment (and --schools), in each \
                forecast year. Exit status: 0, 65 when a file is refused, 64 for bad usage, 73 when an output cannot be written.
                """)

        @Argument(help: "The blocks file (居住片区): CSV or XLSX (see README, 片区文件).")
        var blocks: String

        @Argument(help: "The sites file (布点): CSV or XLSX (see README, 布点文件).")
        var sites: String

        @Option(help: "A schools file, to check the sites' and blocks' school codes against.")
        var schools: String?

        @Option(help: "The distances file (block, site, distance km or minutes): CSV or XLSX.")
        var distances: String?

        @Option(help: "An enrollment file (分年级在校生), with --schools: the communities' needs in the forecast years.")
        var enrollment: String?

        @Option(help: "A births file, with --enrollment: grade 1 of the forecast from births six years earlier.")
        var births: String?

        @Option(help: "primary (default) or junior.")
        var stage: ZoneStage = .primary

        @Option(help: "Open exactly this many sites in all (the p-median).")
        var open: Int?

        @Option(help: "Build candidate sites for at most this many yuan (existing schools stay open).")
        var budget: Double?

        @Option(help: "Layout rules, JSON (keys as in LayoutRules; missing keys keep the defaults).")
        var rules: String?

        @OptionGroup var output: ReportOptions
        @OptionGroup var language: LanguageOption

        func validate() throws {
            if (open == nil) == (budget == nil) { throw ValidationError("give exactly one of --open N and --budget YUAN") }
            if enrollment != nil, schools == nil { throw ValidationError("--enrollment needs --schools (the forecast counts each school's places)") }
            if births != nil, enrollment == nil { throw ValidationError("--births needs --enrollment") }
        }

        func run() throws {
            let l = try language.resolved()
            let layoutRules = try rules.map { try readRules($0, PlanLayout.rulesInput, language: l) } ?? .defaults
            let schoolRows = try schools.map { try readSchools($0, sheet: nil, language: l) }
            let blocksFile = try readDataFile(blocks, \.warnings) { try BlocksReader(language: l).read($0, file: blocks) }
            let sitesFile = try readDataFile(sites, \.warnings) { try SitesReader(language: l).read($0, file: sites) }
            let distancesFile = try distances.map { p in try readDataFile(p, \.warnings) { try DistancesReader(language: l).read($0, file: p) } }
            try refusingProblems {
                try LayoutInputCheck(language: l).check(blocks: blocksFile, sites: sitesFile, distances: distancesFile, schools: schoolRows)
            }
            var forecast: (EnrollmentForecast, history: [EnrollmentRecord])?
            if let enrollment, let schoolRows {
                let (history, birthsFile) = try readHistory(enrollment, births: births, schools: schoolRows, blocks: blocksFile, language: l)
                let county = blocksFile.blocks.first?.countyCode ?? ""
                let made = PlanZones(rules: layoutRules.zoning).forecast(
                    schools: schoolRows, county: county, history: history.records, births: birthsFile?.births ?? [], blocks: blocksFile.blocks)
                forecast = (made, history: history.records)
            }
            let target: LayoutTarget = open.map { .open($0) } ?? .budget(budget ?? 0)
            let plan: LayoutPlan
            do {
                plan = try PlanLayout(rules: layoutRules).plan(
                    stage: stage.stage, blocks: blocksFile.blocks, sites: sitesFile.sites,
                    distances: distancesFile?.distances ?? [], target: target, forecast: forecast)
            } catch {
                printError(error.message(in: l))
                throw ExitStatus.dataError
            }
            let builder = LayoutReport(rules: layoutRules, language: l)
            try output.write(builder.report(plan), csv: builder.assignments(plan), json: {
                try JSONValue(encoding: LayoutPlanDocument(plan)).serialized() + "\n"
            }, summaryName: builder.summaryName, language: l, printed: { builder.report(plan, map: builder.map(plan)) })
        }
    }
}
