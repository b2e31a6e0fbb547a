import Domain
import Storage

/// The pages of one county and year that link to each other on the year line: the overview
/// (县域概况), the investment plan (资源配置达标投入方案), the rotation plan
/// (教师交流轮岗方案), the county items (县级指标), the remediation ledger (整改台账), the school clusters (学区/教育集团), the unit costs the investment plan is priced at (单位成本), the
/// enrollment zones (学区划分), the enrollment forecast (招生预测) and the school layout
/// (布局调整), the high-school places (指标到校) and the funding (经费保障) — named and addressed
/// here once.
enum CountyLink: CaseIterable {
    case overview, items, ledger, clusters, plan, rotate, costs, zones, forecast, layout, quota, funding, care

    /// The link's text: the overview is gone back to, the plans are gone to.
    func name(in l: Language) -> String {
        switch self {
        case .overview: l.pick("返回县域概况", "Back to the county overview")
        case .items: l.pick("县级指标", "County items")
        case .ledger: l.pick("整改台账", "Remediation ledger")
        case .clusters: l.pick("学区与集团", "School clusters")
        case .plan: l.pick("资源配置达标投入方案", "Investment plan for the resource allocation")
        case .rotate: l.pick("教师交流轮岗方案", "Teacher rotation plan")
        case .costs: l.pick("单位成本", "Unit costs")
        case .zones: l.pick("学区划分", "Enrollment zones")
        case .forecast: l.pick("招生预测", "Enrollment forecast")
        case .layout: l.pick("布局调整", "School layout")
        case .quota: l.pick("指标到校", "High-school places")
        case .funding: l.pick("经费保障", "School funding")
        case .care: l.pick("关爱帮扶", "Children who need care")
        }
    }

    /// The page of `county` in `year`.
    func href(county: String, year: Int) -> String {
        let base = "/counties/\(SiteAddress.segment(county))"
        return switch self {
        case .overview: "\(base)?year=\(year)"
        case .items: "\(base)/items?year=\(year)"
        case .ledger: "\(base)/ledger?year=\(year)"
        case .clusters: "\(base)/clusters?year=\(year)"
        case .plan: "\(base)/plan?year=\(year)"
        case .rotate: "\(base)/rotate?year=\(year)"
        case .costs: "\(base)/costs?year=\(year)"
        case .zones: "\(base)/zones?year=\(year)"
        case .forecast: "\(base)/forecast?year=\(year)"
        case .layout: "\(base)/layout?year=\(year)"
        case .quota: "\(base)/quota?year=\(year)"
        case .funding: "\(base)/funding?year=\(year)"
        case .care: "\(base)/care?year=\(year)"
        }
    }

    /// The year line's links from the page `shown` to the others, in order.
    static func others(than shown: CountyLink, county: String, year: Int, language l: Language) -> [(label: String, href: String, cssClass: String)] {
        allCases.filter { $0 != shown }.map { ($0.name(in: l), $0.href(county: county, year: year), "\($0)") }
    }
}

extension CountySummary {
    /// How a county page names its county in its heading: 名称（代码）, or the code alone.
    var title: String { name.map { "\($0)（\(code)）" } ?? code }
}
