import ArgumentParser
import Domain
import Foundation
import Interchange
import Reports
import Spreadsheet
import UseCases

extension Plan {
    /// `junheng plan zones SCHOOLS BLOCKS`: one county's enrollment zones for one stage
    /// (学区划分方案), made by ``ZonePlanner`` through ``PlanZones``.
    struct Zones: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Enrollment zones of one county and stage (学区划分方案).",
            discussion: """
                Zones every residential block wholly to one public, non-boarding school of the stage, places \
                respected, as many children placed as whole blocks allow, total child-distance least (see README, \
                plan zones). Distances come from --distances (block, school, km or minutes) and otherwise from the \
                coordinates (great-circle × the rules' detour factor). --rules FILE, JSON, changes the rules \
                (detour_factor, distance_limit_km, enforce_distance_limit, move_weight_km, contiguous, nearby_rule, …). \
                Prints the plan's cost against its lower bound, today's zones against the plan, each school's \
                places, the children without a place and every block's school; --html FILE writes it with the \
                zone map, --out FILE.xlsx as a workbook. Exit status: 0, 65 when a file is refused, 64 for bad \
                usage, 73 when an output cannot be written.
                """)

        @OptionGroup var input: CountyYearOption

        @Argument(help: "The blocks file (居住片区): CSV or XLSX (see README, 片区文件).")
        var blocks: String

        @Option(help: "The distances file (block, school, distance km or minutes): CSV or XLSX.")
        var distances: String?

        @Option(help: "primary (default) or junior.")
        var stage: ZoneStage = .primary

        @Option(help: "Zoning rules, JSON (keys as in ZoningRules; missing keys keep the defaults).")
        var rules: String?

        @Option(help: "A map tile URL template for the HTML map's basemap, e.g. https://t0.tianditu.gov.cn/…&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY.")
        var tiles: String?

        @OptionGroup var output: ReportOptions
        @OptionGroup var language: LanguageOption

        func run() throws {
            let l = try language.resolved()
            let (rows, fileRows) = try input.rowsAndFile(language: l)
            guard let county = rows.first?.countyCode else { throw ValidationError(l.pick("学校数据为空", "the schools file has no rows")) }
            let zoneRules = try rules.map { try readZoningRules($0, language: l) } ?? .defaults
            let (blockRows, distanceRows) = try readZoneFiles(blocks: blocks, distances: distances, schools: fileRows, language: l)

            let plan = PlanZones(rules: zoneRules).plans(
                schools: rows, blocks: blockRows, distances: distanceRows, county: county, stages: [stage.stage]).first
            guard let plan else {
                printError(l.pick("\(blocks)：本县没有\(stage.stage.chineseName)适龄儿童的片区", "\(blocks): no block of the county has children of the stage"))
                throw ExitStatus.dataError
            }
            let builder = ZoneReport(rules: zoneRules, language: l)
            try output.write(builder.report(plan), csv: builder.assignments(plan), json: {
                try JSONValue(encoding: ZoningPlanDocument(plan)).serialized() + "\n"
            }, summaryName: builder.summaryName, language: l, printed: { builder.report(plan, map: builder.map(plan, tiles: tiles)) }, subtitle: county)
        }
    }
}

/// `--stage primary|junior`.
enum ZoneStage: String, ExpressibleByArgument, CaseIterable {
    case primary, junior

    var stage: Stage { self == .primary ? .primary : .junior }
}

/// Reads a zoning rules file (JSON), printing its warnings, or prints its problems and stops with status 65.
func readZoningRules(_ path: String, language: Language) throws -> ZoningRules {
    try readRules(path, PlanZones.rulesInput, language: language)
}

/// Reads a rules file (JSON) as the web reads uploaded rules (`input`), printing its warnings,
/// or prints its problems and stops with status 65.
func readRules<Rules>(_ path: String, _ input: RulesInput<Rules>, language: Language) throws -> Rules {
    switch input.read(UploadedFile(name: path, bytes: try readFile(path)), language: language) {
    case let .success((rules, warnings)):
        warnings.forEach { printError($0) }
        return rules
    case let .failure(error):
        error.lines.forEach { printError($0) }
        throw ExitStatus.dataError
    }
}

/// Reads the blocks file and, when given, the distances file, and checks them against each
/// other and `schools`; or prints every problem and stops with status 65.
func readZoneFiles(blocks path: String, distances distancesPath: String?, schools: [SchoolYear],
                   language l: Language) throws -> ([ResidentialBlock], [TravelDistance]) {
    let blocksFile = try readDataFile(path, \.warnings) { try BlocksReader(language: l).read($0, file: path) }
    let distancesFile = try distancesPath.map { p in try readDataFile(p, \.warnings) { try DistancesReader(language: l).read($0, file: p) } }
    try refusingProblems { try ZoneInputCheck(language: l).check(schools: schools, blocks: blocksFile, distances: distancesFile) }
    return (blocksFile.blocks, distancesFile?.distances ?? [])
}
