import Domain
import Planning

/// The enrollment forecast (招生与在校生预测) as a ``Report``: `junheng forecast` renders it as
/// terminal text, CSV (one row per school, stage and year: `school_code,school_name,stage,year,
/// students,capacity,classes_needed,classrooms,large_classes,huge_classes,largest_class`) and a
/// workbook; the web page shows it.
///
/// What a planner reads: the county's students, classes needed and 大班额 each year; the
/// schools that run out of places and when; every school's years.
public struct ForecastReport: Sendable {
    public let language: Language

    public init(language: Language) {
        self.language = language
    }

    public var summaryName: String { Term.summary.name(in: language) }

    public func report(_ forecast: EnrollmentForecast, county: String) -> Report {
        let l = language
        let short = forecast.schools.flatMap { s in s.stages.compactMap { st in st.runsOutIn.map { (s, st, $0) } } }
        return Report(
            title: l.pick("招生与在校生预测", "Enrollment forecast"),
            headline: [
                ReportFact(l.pick("县区代码", "County"), .code(county)),
                ReportFact(l.pick("基准年度", "Base year"), .code(String(forecast.baseYear))),
                ReportFact(l.pick("预测年数", "Years"), .count(forecast.years.count)),
                ReportFact(l.pick("学校数", "Schools"), .count(forecast.schools.count)),
                ReportFact(l.pick("学位将不足的学校", "Schools running out of places"), .count(short.count)),
            ],
            sections: [countySection(forecast), shortSection(short), ReportSection(id: "schools", l.pick("各校预测", "By school"), [.table(years(forecast, detail: true))])])
    }

    private func countySection(_ forecast: EnrollmentForecast) -> ReportSection {
        let l = language
        var table = ReportTable(name: l.pick("全县", "County"), columns: [
            ReportColumn("year", l.pick("年度", "Year")), ReportColumn("stage", l.pick("学段", "Stage")),
            ReportColumn("students", l.pick("在校生", "Students")), ReportColumn("classes_needed", l.pick("标准班额所需班数", "Classes needed")),
            ReportColumn("classrooms", l.pick("现有班数", "Classes today")),
            ReportColumn("large_classes", l.pick("大班额（56人及以上）", "Classes of 56+")),
            ReportColumn("huge_classes", l.pick("超大班额（66人及以上）", "Classes of 66+")),
        ])
        for (index, year) in forecast.years.enumerated() {
            for stage in [Stage.primary, .junior] {
                let rows = forecast.schools.flatMap { $0.stages.filter { $0.stage == stage } }
                guard !rows.isEmpty else { continue }
                let y = rows.map { $0.years[index] }
                table.rows.append([
                    .code(String(year)), .term(stage.name(in: l), key: stage.rawValue),
                    .decimal(y.reduce(0) { $0 + $1.students }, places: 0), .count(y.reduce(0) { $0 + $1.classesNeeded }),
                    .count(rows.reduce(0) { $0 + $1.classrooms }),
                    .judged(Double(y.reduce(0) { $0 + $1.largeClasses }), places: 0, passes: y.allSatisfy { $0.largeClasses == 0 }),
                    .judged(Double(y.reduce(0) { $0 + $1.hugeClasses }), places: 0, passes: y.allSatisfy { $0.hugeClasses == 0 }),
                ])
            }
        }
        return ReportSection(id: "county", l.pick("全县逐年", "County by year"), [
            .paragraph(l.pick("按近年升级率推算；一年级按出生人口（或片区适龄儿童）推算；现有班数不变时计大班额。",
                              "Grade progression over recent years; grade 1 from births (or the zones' children); large classes counted with today's classes.")),
            .table(table),
        ])
    }

    private func shortSection(_ short: [(EnrollmentForecast.SchoolForecast, EnrollmentForecast.StageForecast, Int)]) -> ReportSection {
        let l = language
        var table = ReportTable(name: l.pick("学位不足", "Places run out"), columns: [
            ReportColumn("school_code", l.pick("学校标识码", "School code")), ReportColumn("school_name", l.pick("学校名称", "School")),
            ReportColumn("stage", l.pick("学段", "Stage")), ReportColumn("capacity", l.pick("学位数", "Places")),
            ReportColumn("runs_out_in", l.pick("学位不足年度", "Short from")),
        ], frozenColumns: 2)
        for (school, stage, year) in short.sorted(by: { ($0.2, $0.0.code) < ($1.2, $1.0.code) }) {
            table.rows.append([.link(school.code, to: .school(code: school.code)), .text(school.name),
                               .term(stage.stage.name(in: l), key: stage.stage.rawValue), .count(stage.capacity), .code(String(year))])
        }
        return ReportSection(id: "short", l.pick("学位将不足的学校", "Schools running out of places"),
                             short.isEmpty ? [.paragraph(l.pick("预测期内各校学位均够用。", "No school runs out of places within the forecast."))] : [.table(table)])
    }

    /// Every school, stage and year: the CSV of `--format csv` and the report's detail table.
    public func years(_ forecast: EnrollmentForecast, detail: Bool = false) -> ReportTable {
        let l = language
        var table = ReportTable(name: l.pick("各校预测", "By school"), columns: [
            ReportColumn("school_code", l.pick("学校标识码", "School code")), ReportColumn("school_name", l.pick("学校名称", "School")),
            ReportColumn("stage", l.pick("学段", "Stage")), ReportColumn("year", l.pick("年度", "Year")),
            ReportColumn("students", l.pick("在校生", "Students")), ReportColumn("capacity", l.pick("学位数", "Places")),
            ReportColumn("classes_needed", l.pick("所需班数", "Classes needed")), ReportColumn("classrooms", l.pick("现有班数", "Classes today")),
            ReportColumn("large_classes", l.pick("大班额", "56+")), ReportColumn("huge_classes", l.pick("超大班额", "66+")),
            ReportColumn("largest_class", l.pick("最大班额", "Largest class")),
        ], isDetail: detail, frozenColumns: 2)
        for school in forecast.schools {
            for stage in school.stages {
                for y in stage.years {
                    table.rows.append([
                        .code(school.code), .text(school.name), .term(stage.stage.name(in: l), key: stage.stage.rawValue), .code(String(y.year)),
                        .judged(y.students, places: 0, passes: y.students <= Double(stage.capacity)), .count(stage.capacity),
                        .count(y.classesNeeded), .count(stage.classrooms),
                        .count(y.largeClasses), .count(y.hugeClasses), .count(y.largestClass),
                    ])
                }
            }
        }
        return table
    }
}
