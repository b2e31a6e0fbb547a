import ArgumentParser
import Domain
import Foundation
import Interchange
import Reports
import UseCases

/// `junheng forecast SCHOOLS ENROLLMENT`: the enrollment forecast of one county
/// (招生与在校生预测) by grade progression, through ``PlanZones/forecast(schools:county:history:births:blocks:years:)``.
struct Forecast: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The enrollment forecast of one county by grade (招生与在校生预测).",
        discussion: """
            Carries each school's grades forward by their progression ratios over the last years (the rules' \
            forecast_window, default 3), grade 1 from --births six years earlier × the school's entry ratio (or \
            from --blocks' children, or the recent mean), grade 7 from the county's grade 6; counts the classes \
            needed at the standard size, the 大班额 (56+) and 超大班额 (66+) under today's classes, and the year \
            each school runs out of places. Exit status: 0, 65 when a file is refused, 64 for bad usage, 73 when \
            --out cannot be written.
            """)

    @OptionGroup var input: CountyYearOption

    @Argument(help: "The enrollment file (分年级在校生: year, school_code, grade, students, classes, largest_class).")
    var enrollment: String

    @Option(help: "The births file (area_code, year, births): grade 1 from births six years earlier.")
    var births: String?

    @Option(help: "The blocks file: grade 1 from the children of each school's zone when births are missing.")
    var blocks: String?

    @Option(help: "Years to forecast (1–20; default 5).")
    var years: Int?

    @Option(help: "Zoning rules, JSON (forecast_window, forecast_years, standard_class_size, large_class, huge_class, …).")
    var rules: String?

    @OptionGroup var output: ReportOptions
    @OptionGroup var language: LanguageOption

    func run() throws {
        let l = try language.resolved()
        if let years, !(1...20).contains(years) { throw ValidationError(l.pick("--years 须在 1 至 20 之间", "--years must be between 1 and 20")) }
        let (rows, fileRows) = try input.rowsAndFile(language: l)
        guard let county = rows.first?.countyCode else { throw ValidationError(l.pick("学校数据为空", "the schools file has no rows")) }
        let zoneRules = try rules.map { try readZoningRules($0, language: l) } ?? .defaults
        let blocksFile = try blocks.map { p in try readDataFile(p, \.warnings) { try BlocksReader(language: l).read($0, file: p) } }
        // The files may cover the whole province: they are checked against every row of the
        // schools file, and only this county's schools are forecast.
        let (enrollmentFile, birthsFile) = try readHistory(enrollment, births: births, schools: fileRows, blocks: blocksFile, language: l)
        let forecast = PlanZones(rules: zoneRules).forecast(
            schools: rows, county: county, history: enrollmentFile.records, births: birthsFile?.births ?? [],
            blocks: blocksFile?.blocks ?? [], years: years)
        guard !forecast.schools.isEmpty else {
            printError(l.pick("\(enrollment)：没有本县学校的分年级数据", "\(enrollment): no grade rows of the county's schools"))
            throw ExitStatus.dataError
        }
        let builder = ForecastReport(language: l)
        try output.write(builder.report(forecast, county: county), csv: builder.years(forecast), json: {
            try JSONValue(encoding: ForecastDocument(forecast)).serialized() + "\n"
        }, summaryName: builder.summaryName, language: l)
    }
}

/// The enrollment history of `enrollment` and the births of `births`, checked against the
/// schools file's rows (and the blocks' current schools): what `forecast` and `plan layout
/// --enrollment` read. A refused file prints every problem and exits 65.
func readHistory(_ enrollment: String, births: String?, schools: [SchoolYear], blocks: BlocksFile?,
                 language l: Language) throws -> (enrollment: EnrollmentFile, births: BirthsFile?) {
    let enrollmentFile = try readDataFile(enrollment, \.warnings) { try EnrollmentReader(language: l).read($0, file: enrollment) }
    let birthsFile = try births.map { p in try readDataFile(p, \.warnings) { try BirthsReader(language: l).read($0, file: p) } }
    try refusingProblems { try ZoneInputCheck(language: l).check(schools: schools, blocks: blocks, enrollment: enrollmentFile) }
    return (enrollmentFile, birthsFile)
}
