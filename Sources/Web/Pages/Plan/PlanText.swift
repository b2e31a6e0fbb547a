import Domain
import UseCases

/// How the plan page (and the plan's JSON) words and prints a plan: money in yuan with 3
/// decimals and thousands grouped, amounts in the resource's unit, the names of resources,
/// reasons, the resource part's verdict and the plan's optimality.
enum PlanText {
    /// Yuan with 3 decimals and the thousands grouped: `12,345,678.000 元` / `12,345,678.000 yuan`.
    static func money(_ yuan: Double, language l: Language) -> String {
        grouped(yuan) + l.pick(" 元", " yuan")
    }

    /// `value` with 3 decimals and the thousands grouped (`1,234.500`), or "—".
    static func grouped(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        let text = Decimals.three(value)
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0]), groups: [String] = []
        while whole.count > 3 {
            groups.insert(String(whole.suffix(3)), at: 0)
            whole.removeLast(3)
        }
        groups.insert(whole, at: 0)
        return (negative ? "-" : "") + groups.joined(separator: ",") + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// An amount of `resource`: whole resources (teachers, rooms, computers) as counts,
    /// the others with 3 decimals, followed by the unit.
    static func amount(_ value: Double, of resource: Resource, language l: Language) -> String {
        let number = UnitCosts.isWhole(resource) && value == value.rounded() ? Decimals.compact(value) : grouped(value)
        return number + " " + unit(of: resource, language: l)
    }

    /// A shortfall of `resource` (what a school must add): like ``amount(_:of:language:)``, but
    /// teachers counted as people (人), not as the teacher-years they are priced in.
    static func shortfall(_ value: Double, of resource: Resource, language l: Language) -> String {
        switch resource {
        case .teachers, .qualifiedTeachers, .backboneTeachers, .peArtTeachers, .seniorTitleTeachers:
            let number = value == value.rounded() ? Decimals.compact(value) : grouped(value)
            return number + l.pick(" 人", value == 1 ? " teacher" : " teachers")
        default:
            return amount(value, of: resource, language: l)
        }
    }

    /// The unit a resource is added and priced in (``UnitCosts/unit(of:)``, in English when asked).
    static func unit(of resource: Resource, language l: Language) -> String {
        let chinese = UnitCosts.unit(of: resource)
        guard l == .english else { return chinese }
        return switch resource {
        case .teachingArea, .sportsArea: "m²"
        case .equipmentValue: "yuan"
        case .multimediaRooms: "rooms"
        case .teachers, .qualifiedTeachers, .backboneTeachers, .peArtTeachers, .seniorTitleTeachers: "teacher-years"
        case .computers: "computers"
        case .books: "books"
        }
    }

    /// The price of one unit: `3,500.000 元/m²`.
    static func unitCost(_ yuan: Double, of resource: Resource, language l: Language) -> String {
        money(yuan, language: l) + "/" + unit(of: resource, language: l)
    }

    /// What is added, by name.
    static func resource(_ resource: Resource, language l: Language) -> String {
        l.pick(UnitCosts.chineseName(of: resource), UnitCosts.englishName(of: resource))
    }

    /// Why an item is in the plan.
    static func reason(_ reason: PlanReason, language l: Language) -> String {
        switch reason {
        case .belowFloor: l.pick("低于达标值的 85%", "below 85 % of the threshold")
        case .belowThreshold: l.pick("未达到达标值", "below the threshold")
        case .balance: l.pick("缩小校际差异系数", "to bring the inter-school CV within its limit")
        }
    }

    /// The resource part's verdict: 达标 / 未达标.
    static func check(_ check: ResourceCheck, language l: Language) -> String {
        check.passes ? l.pick("达标", "passes") : l.pick("未达标", "fails")
    }

    /// The units meeting the school rule: `28/30 个学校单位达标`.
    static func compliance(_ check: ResourceCheck, language l: Language) -> String {
        l.pick("\(check.compliantUnits)/\(check.units) 个学校单位达标", "\(check.compliantUnits) of \(check.units) school units pass")
    }

    /// How sure the cost is.
    static func optimality(_ optimality: PlanOptimality, language l: Language) -> String {
        switch optimality {
        case .optimal: l.pick("已证明最优", "proven least cost")
        case .bounded: l.pick("有下界的搜索结果", "search result with a lower bound")
        }
    }
}
