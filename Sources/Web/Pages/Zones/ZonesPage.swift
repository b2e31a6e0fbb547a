import Domain
import Interchange
import Reports
import UseCases

/// The zones page (学区划分) of a county, year and stage: the stored blocks' plan through the
/// report the command prints (``ZoneReport``: the map first, then today's zones against the
/// plan, each school's places, the unplaced children and where places are short, every
/// block's school), the download links, the rules form; and, for whoever may change the
/// county's zoning data, the upload form of the blocks and distances — shown back with every
/// problem after a refusal. Without stored blocks it says how to upload them.
struct ZonesPage {
    let zones: CountyZones
    let years: [Int]
    /// The basemap's tile address template, when configured.
    let tiles: String?
    let language: Language
    /// The viewer's form token.
    let csrf: String
    /// Whether the viewer may replace the zoning data.
    let mayUpload: Bool
    /// The rules text typed last time, shown back.
    var typedRules = ""
    /// After a refused upload or rules: the sentence and every problem (file, row, column, rule).
    var refusal: (message: String, problems: [RowError])?
    /// False after refused rules: no plan is shown under their problems (the default rules' plan
    /// would read as the answer to the rules typed).
    var showsPlan = true

    /// Rows shown at most per table: the whole list of blocks is in the downloads.
    static let rowLimit = 1_000

    /// The page's title.
    var heading: String {
        language.pick("\(zones.title) · \(zones.year) 年度\(zones.stage.chineseName)学区划分",
                      "\(zones.title) · \(zones.year) enrollment zones, \(zones.stage.englishName)")
    }

    /// The page of `stage` in `year`.
    static func href(county: String, year: Int, stage: Stage) -> String {
        "/counties/\(SiteAddress.segment(county))/zones?year=\(year)&stage=\(stage.rawValue)"
    }

    /// The notice after a store (`?saved=N`, the number of blocks changed).
    static func notice(saved: String?, language l: Language) -> String? {
        guard let saved, let count = Int(saved), count >= 0 else { return nil }
        return count == 0 ? l.pick("片区数据已保存：与原有数据相同，没有变化。", "The zoning data is stored: nothing changed.")
            : l.pick("片区数据已保存：\(count) 个片区有增删改，已记入操作记录。", "The zoning data is stored: \(count) block(s) added, changed or removed, recorded in the audit trail.")
    }

    /// The page's content.
    var html: String {
        let l = language, code = zones.countyCode, year = zones.year, stage = zones.stage
        var page = PageContent()
        page.heading(heading)
        page.paragraph(l.pick(
            "按本县已保存的居住片区（小区或村）和学校数据，把每个片区整体划入一所公办、非寄宿的学校：不超过学位数，儿童总路程最短；学位不足时列出未能安置的儿童和需增加学位之处。随迁子女与本地儿童一样按相对就近原则安置。方案按需计算，不保存。",
            "From the county's stored residential blocks (小区 or 村) and school rows, every block is zoned whole to one public, non-boarding school: within its places, at the least total distance for the children; where places run out, the unplaced children and where places are short are listed. Migrant children are placed like local children, by relative proximity. The plan is computed on demand and not stored."),
            class: "muted")
        page.years(in: l, years, current: year, href: { Self.href(county: code, year: $0, stage: stage) },
                   extra: CountyLink.others(than: .zones, county: code, year: year, language: l))
        page.choices(label: l.pick("学段：", "Stage: "), [Stage.primary, .junior].map { choice in
            (choice.name(in: l), Self.href(county: code, year: year, stage: choice), choice == stage)
        })
        page.refusal(refusal, in: l)
        page.warningsSection(zones.warnings, in: l)
        page.section("data") { section in
            section.subheading(l.pick("片区数据", "Zoning data"))
            if zones.blockCount == 0 {
                section.paragraph(l.pick(
                    "本县尚未上传居住片区数据，无法划分学区。请上传片区文件（blocks），可另附距离文件（distances）。",
                    "The county has no residential blocks stored yet, so no zones can be drawn. Upload a blocks file, with a distances file if you have one."))
            } else {
                section.paragraph(l.pick("已保存 \(zones.blockCount) 个居住片区、\(zones.distanceCount) 条实测距离（片区数据不分年度）。",
                                         "\(zones.blockCount) residential blocks and \(zones.distanceCount) measured distances are stored (zoning data has no year)."))
            }
            if mayUpload {
                section.append(uploadForm)
            } else if zones.blockCount == 0 {
                section.paragraph(l.pick("片区数据由本县规划人员或系统管理员上传。", "The county's planner or an administrator uploads the zoning data."), class: "muted")
            }
        }
        if showsPlan && zones.blockCount > 0 && zones.plan == nil {
            page.section("plan-empty") {
                $0.paragraph(l.pick("已保存的片区中没有\(stage.chineseName)适龄儿童。", "No stored block has \(stage.englishName) children."))
            }
        }
        if showsPlan, let plan = zones.plan {
            let reporter = ZoneReport(rules: zones.rules, language: l)
            let report = reporter.report(plan, map: reporter.map(plan, tiles: tiles))
            let renderer = HTMLRenderer(language: l, rowLimit: Self.rowLimit, showsDetail: true) { SiteAddress.of($0, county: code, year: year) }
            page.section("summary") { section in
                section.subheading(report.title)
                section.append(renderer.facts(report.headline))
                section.link(l.pick("下载方案工作簿（.xlsx）", "Download the plan as a workbook (.xlsx)"),
                             to: ZonesDownload.href(county: code, year: year, stage: stage, format: "xlsx"), class: "download")
                section.link(l.pick("下载片区划入学校清单（.csv）", "Download every block's school (.csv)"),
                             to: ZonesDownload.href(county: code, year: year, stage: stage, format: "csv"), class: "download")
            }
            page.append(renderer.sections(report))
        }
        if zones.blockCount > 0 {
            page.section("rules") { section in
                section.subheading(l.pick("按其他规则测算", "Plan under other rules"))
                section.append(rulesForm)
            }
        }
        return page.text
    }

    /// The upload form of the county's blocks and distances.
    private var uploadForm: String {
        let l = language
        var page = PageContent()
        page.form(action: "/counties/\(zones.countyCode)/zones/data", multipart: true, csrf: csrf) { form in
            form.hidden("year", String(zones.year))
            form.hidden("stage", zones.stage.rawValue)
            form.input("file", name: "blocks", label: l.pick("居住片区文件（blocks）", "Blocks file"),
                       attributes: ["accept": PageContent.Form.spreadsheetTypes])
            form.note(l.pick(
                "CSV（UTF-8 或 GB18030）或 .xlsx，每个小区或村一行：片区编号、片区名称、县区代码（须为本县）、经度、纬度、小学适龄儿童数、初中适龄儿童数，可加小学/初中随迁子女数、现划入小学、现划入初中（学校标识码，须为本县 \(zones.year) 年度学校）、常住人口和所属社区（填同一社区的片区在布局调整中合为一个社区）。",
                "CSV (UTF-8 or GB18030) or .xlsx, one row per 小区 or 村: block_id, block_name, county_code (this county's), longitude, latitude, children_primary, children_junior, optionally migrant_primary, migrant_junior, current_primary, current_junior (school codes of the county's \(zones.year) rows), population and community (blocks sharing one make one community of the layout's community-size rules)."))
            form.input("file", name: "distances", label: l.pick("距离文件（distances，可选）", "Distances file (optional)"),
                       attributes: ["accept": PageContent.Form.spreadsheetTypes])
            form.note(l.pick(
                "每行一对片区与学校：from（片区编号）、to（学校标识码）、distance（公里）或 minutes（分钟）。未列出的按经纬度直线距离 × 绕行系数计算。",
                "One row per block and school: from (block id), to (school code), distance (km) or minutes. Pairs not listed take the great-circle distance × the detour factor."))
            form.sheetInput(in: l)
            form.buttons([(l.pick("上传并替换片区数据", "Upload and replace the zoning data"), nil, nil)])
            form.note(l.pick("上传的文件替换本县全部片区和距离数据；任何一处错误都不保存，每处错误列出文件、行、列。每次替换记入操作记录。",
                             "The files replace all of the county's blocks and distances; any error stores nothing, each listed by file, row and column. Every replacement is recorded in the audit trail."))
        }
        return page.text
    }

    /// The rules form: the rules typed or as a file, and the buttons — show the plan, or
    /// download it as a workbook or CSV.
    private var rulesForm: String {
        let l = language
        var page = PageContent()
        page.form(action: "/counties/\(zones.countyCode)/zones", multipart: true, csrf: csrf) { form in
            form.hidden("year", String(zones.year))
            form.hidden("stage", zones.stage.rawValue)
            form.textarea(name: "rules", label: l.pick("学区规则（JSON，可选）", "Zoning rules (JSON, optional)"), value: typedRules, rows: 8,
                          placeholder: PlanZones.rulesInput.defaultsText, style: "width: 36rem; max-width: 100%; font-family: monospace")
            form.note(l.pick("只需写出要改的键，其余保持默认（框中所示）。规则只用于本次测算，不保存。",
                             "Write only the keys to change; the others keep their defaults (shown in the box). The rules are used for this plan only, not stored."))
            form.input("file", name: "rules_file", label: l.pick("或上传规则文件（.json）", "or upload a rules file (.json)"),
                       attributes: ["accept": ".json,application/json"])
            form.buttons([
                (l.pick("按此规则划分", "Plan with these rules"), nil, nil),
                (l.pick("下载方案（.xlsx）", "Download the plan (.xlsx)"), "format", "xlsx"),
                (l.pick("下载清单（.csv）", "Download the list (.csv)"), "format", "csv"),
            ])
        }
        return page.text
    }
}
