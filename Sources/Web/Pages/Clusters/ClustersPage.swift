import Domain
import Foundation
import Reports
import Storage
import UseCases

/// A county's school clusters (学区/教育集团/教育联盟): each cluster's 差异系数 inside it and its
/// indicator values against the county's, by the county's engine; the strong–weak pairing
/// proposal; and — for the planner — the form defining a cluster.
struct ClustersPage {
    let data: CountyClusters
    let standard: Standard
    /// The form token, when the viewer defines the county's clusters.
    let csrf: String?
    let language: Language

    var heading: String { language.pick("\(data.evaluation.title) · 学区与集团", "\(data.evaluation.title) · School clusters") }

    private var names: [String: String] {
        Dictionary(data.evaluation.schools.map { ($0.schoolCode, $0.schoolName) }) { a, _ in a }
    }

    var html: String {
        let l = language, county = data.evaluation.countyCode, year = data.evaluation.year
        let renderer = HTMLRenderer(language: l, county: county, year: year)
        var page = PageContent()
        page.heading(heading)
        page.years(in: l, data.evaluation.years, current: year, href: { CountyLink.clusters.href(county: county, year: $0) },
                   extra: CountyLink.others(than: .clusters, county: county, year: year, language: l))
        page.section("clusters") { section in
            section.subheading(l.pick("各学区、集团的差异系数（\(data.clusters.count) 个）", "Each cluster's coefficients of variation (\(data.clusters.count))"))
            if data.clusters.isEmpty {
                section.paragraph(l.pick("本县尚未设置学区或教育集团。", "The county has no clusters yet."), class: "muted")
            } else {
                section.append(renderer.table(summaryTable))
                for cluster in data.clusters {
                    section.append(renderer.section(ReportSection(id: "cluster-\(cluster.cluster.id)", "\(cluster.cluster.kind.chineseName) \(cluster.cluster.name)",
                                                                  [.table(indicatorTable(cluster))])))
                    if let csrf {
                        section.form(action: "/counties/\(county)/clusters/\(SiteAddress.segment(cluster.cluster.id))/delete?year=\(year)", stacked: false, csrf: csrf) {
                            $0.buttons([(l.pick("删除 \(cluster.cluster.name)", "Remove \(cluster.cluster.name)"), nil, nil)])
                        }
                    }
                }
            }
        }
        page.section("pairing") { section in
            section.subheading(l.pick("强弱结对建议", "Strong–weak pairing proposal"))
            section.paragraph(l.pick(
                "未达到校际均衡要求的学校与同学段各项指标均达标的学校结对，距离不超过 \(FieldValue.decimal(data.maxKilometres).text) 公里，每所强校至多带 \(data.perStrong) 所；优先结对未达标指标多的学校，其次距离近。",
                "Each school failing the school rule is paired with a school of its stage meeting every indicator, at most \(FieldValue.decimal(data.maxKilometres).text) km away, a strong school taking at most \(data.perStrong); schools with more unmet indicators first, then the nearest."),
                class: "muted")
            section.form(action: "/counties/\(county)/clusters", method: "get", stacked: false) { form in
                form.hidden("year", String(year))
                form.input("number", name: "km", label: l.pick("最远距离（公里）", "Farthest (km)"), attributes: ["value": FieldValue.decimal(data.maxKilometres).text, "min": "1", "max": "200", "step": "any"])
                form.input("number", name: "per", label: l.pick("每所强校至多结对", "Per strong school"), attributes: ["value": String(data.perStrong), "min": "1", "max": "10"])
                form.buttons([(l.pick("重新计算", "Recompute"), nil, nil)])
            }
            section.append(renderer.table(pairingTable))
            if !data.unpaired.isEmpty {
                section.paragraph(l.pick("范围内没有可结对强校的学校：", "No strong school in reach: ")
                                  + data.unpaired.map { "\(names[$0] ?? $0)（\($0)）" }.joined(separator: l.pick("、", ", ")), id: "unpaired")
            }
        }
        page.section("shared") { section in
            section.subheading(l.pick("集团内互派教师（\(year) 年度，\(data.shared.count) 名）", "Teachers shared within clusters (\(year): \(data.shared.count))"))
            section.paragraph(l.pick("登记的互派教师计入本年度交流轮岗方案的交流比例，方案不再调动他们。",
                                     "Shared teachers count toward this year's rotation quotas; the rotation plan does not move them."), class: "muted")
            if !data.shared.isEmpty {
                var table = ReportTable(name: l.pick("集团内互派教师", "Shared teachers"), columns: [
                    ReportColumn("teacher_id", l.pick("教师编号", "Teacher id")), ReportColumn("cluster", l.pick("学区/集团", "Cluster")),
                    ReportColumn("home", l.pick("派出学校", "Home school")), ReportColumn("host", l.pick("接收学校", "Host school")),
                ])
                let clusterNames = Dictionary(data.clusters.map { ($0.cluster.id, $0.cluster.name) }) { a, _ in a }
                for record in data.shared {
                    table.append([.code(record.teacherID), .text(clusterNames[record.clusterID] ?? record.clusterID),
                                  .text(names[record.homeSchool] ?? record.homeSchool), .text(names[record.hostSchool] ?? record.hostSchool)])
                }
                section.append(renderer.table(table))
            }
            if let csrf, !data.clusters.isEmpty {
                section.form(action: "/counties/\(county)/clusters/shared?year=\(year)", csrf: csrf) { form in
                    form.input("text", name: "teacher_id", label: l.pick("教师编号（与教师名册一致）", "Teacher id (as in the teachers file)"), attributes: ["required": "required", "maxlength": "40"])
                    form.select(name: "cluster", label: l.pick("学区/集团", "Cluster"), options: data.clusters.map { ($0.cluster.id, $0.cluster.name) }, selected: nil)
                    form.input("text", name: "home", label: l.pick("派出学校标识码", "Home school code"), attributes: ["required": "required", "maxlength": "20"])
                    form.input("text", name: "host", label: l.pick("接收学校标识码", "Host school code"), attributes: ["required": "required", "maxlength": "20"])
                    form.buttons([(l.pick("登记互派", "Record"), nil, nil)])
                }
                for record in data.shared {
                    section.form(action: "/counties/\(county)/clusters/shared/\(SiteAddress.segment(record.teacherID))/delete?year=\(year)", stacked: false, csrf: csrf) {
                        $0.buttons([(l.pick("撤销 \(record.teacherID)", "Remove \(record.teacherID)"), nil, nil)])
                    }
                }
            }
        }
        if let csrf {
            page.section("define") { section in
                section.subheading(l.pick("设置学区或教育集团", "Define a cluster"))
                section.form(action: "/counties/\(county)/clusters?year=\(year)", csrf: csrf) { form in
                    form.input("text", name: "id", label: l.pick("编号（如 XQ01；同编号即修改）", "Id (e.g. XQ01; the same id replaces it)"), attributes: ["required": "required", "maxlength": "32"])
                    form.input("text", name: "name", label: l.pick("名称", "Name"), attributes: ["required": "required", "maxlength": "100"])
                    form.select(name: "kind", label: l.pick("类型", "Kind"), options: SchoolCluster.Kind.allCases.map { ($0.rawValue, l.pick($0.chineseName, $0.englishName)) }, selected: nil)
                    form.input("text", name: "core", label: l.pick("核心校标识码（可选）", "Core school code (optional)"), attributes: ["maxlength": "20"])
                    form.textarea(name: "members", label: l.pick("成员学校标识码（以逗号或换行分隔，含核心校）", "Member school codes (comma- or line-separated, the core school among them)"),
                                  value: "", rows: 3)
                    form.buttons([(l.pick("保存", "Save"), nil, nil)])
                }
            }
        }
        return page.text
    }

    /// A row per cluster: kind, name, core school, members, students, and each stage's
    /// composite CV inside the cluster beside the county's.
    var summaryTable: ReportTable {
        let l = language
        let stages = data.evaluation.result.stages.map(\.stage)
        var columns = [ReportColumn("id", l.pick("编号", "Id")), ReportColumn("kind", l.pick("类型", "Kind")), ReportColumn("name", l.pick("名称", "Name")),
                       ReportColumn("core", l.pick("核心校", "Core school")), ReportColumn("members", l.pick("成员学校数", "Members"))]
        for stage in stages {
            columns.append(ReportColumn("cv_\(stage.rawValue)", l.pick("\(stage.name(in: l))综合差异系数", "\(stage.name(in: l)) composite CV")))
            columns.append(ReportColumn("county_cv_\(stage.rawValue)", l.pick("全县\(stage.name(in: l))综合差异系数", "County \(stage.name(in: l)) composite CV")))
        }
        var table = ReportTable(name: l.pick("学区与集团", "Clusters"), columns: columns)
        for cluster in data.clusters {
            var row: [ReportCell] = [.code(cluster.cluster.id), .term(l.pick(cluster.cluster.kind.chineseName, cluster.cluster.kind.englishName), key: cluster.cluster.kind.rawValue),
                                     .text(cluster.cluster.name), .text(cluster.cluster.coreSchool.map { names[$0] ?? $0 } ?? ""), .count(cluster.cluster.members.count)]
            for stage in stages {
                row.append(.three(cluster.result.stages.first { $0.stage == stage }?.compositeCV))
                row.append(.three(data.evaluation.result.stages.first { $0.stage == stage }?.compositeCV))
            }
            table.append(row)
        }
        return table
    }

    /// A row per stage and indicator: the cluster's value, the county's, the gap, the CV inside the cluster.
    func indicatorTable(_ cluster: ClusterResult) -> ReportTable {
        let l = language
        var table = ReportTable(name: cluster.cluster.name, columns: [
            ReportColumn("stage", l.pick("学段", "Stage")), ReportColumn("indicator", l.pick("指标", "Indicator")),
            ReportColumn("value", l.pick("集团值", "Cluster value")), ReportColumn("county_value", l.pick("全县值", "County value")),
            ReportColumn("gap", l.pick("差距", "Gap")), ReportColumn("cv", l.pick("集团内差异系数", "CV inside")),
        ])
        for stage in cluster.result.stages {
            for indicator in stage.indicators {
                let county = data.evaluation.result.stages.first { $0.stage == stage.stage }?.indicators.first { $0.index == indicator.index }?.countyValue
                table.append([
                    .text(stage.stage.name(in: l)), .text(standard.indicators[indicator.index].name(in: l)),
                    .decimal(indicator.countyValue, places: 2), .decimal(county, places: 2),
                    .decimal(cluster.gap(stage: stage.stage, indicator: indicator.index, county: data.evaluation.result), places: 2),
                    .three(indicator.cv),
                ])
            }
        }
        return table
    }

    /// A row per proposed pair.
    var pairingTable: ReportTable {
        let l = language
        var table = ReportTable(name: l.pick("强弱结对建议", "Pairing proposal"), columns: [
            ReportColumn("stage", l.pick("学段", "Stage")), ReportColumn("weak", l.pick("受援校", "Weak school")),
            ReportColumn("strong", l.pick("结对强校", "Strong school")), ReportColumn("km", l.pick("距离（公里）", "Distance (km)")),
            ReportColumn("covered", l.pick("待补齐指标", "Indicators to bring up")),
        ])
        for pair in data.pairs {
            table.append([
                .text(pair.stage.name(in: l)), .link("\(names[pair.weak] ?? pair.weak)", to: .school(code: pair.weak)),
                .link("\(names[pair.strong] ?? pair.strong)", to: .school(code: pair.strong)), .decimal(pair.kilometres, places: 1),
                .text(pair.covered.map { standard.indicators[$0].name(in: l) }.joined(separator: l.pick("、", ", "))),
            ])
        }
        return table
    }
}
