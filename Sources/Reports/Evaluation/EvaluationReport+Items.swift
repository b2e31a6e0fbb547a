import Domain

extension EvaluationReport {
    /// 县级指标: every county item of the standard — 办学基本标准 preconditions, 政府保障程度,
    /// 教育质量, 社会认可度 and the vetoes — with its rule, the value the evaluation used, the
    /// result, the evidence and where the value came from (填报, or 计算 from the data by the
    /// feature that decides it). Every item is listed, met or not, so a county sees what is
    /// still missing as well as what fails. `nil` when the standard has no county items.
    public func itemsSection(_ result: CountyResult) -> ReportSection? {
        guard !result.facts.isEmpty else { return nil }
        let l = language
        var table = ReportTable(name: l.pick("县级指标", "County items"), columns: [
            ReportColumn("part", l.pick("类别", "Part")), ReportColumn("item", l.pick("序号", "No.")),
            ReportColumn("name", l.pick("名称", "Item")), ReportColumn("rule", l.pick("要求", "Rule")),
            ReportColumn("value", l.pick("取值", "Value")), ReportColumn(.result, l),
            ReportColumn("evidence", l.pick("佐证材料", "Evidence")), ReportColumn("source", l.pick("来源", "Source")),
        ])
        for fact in result.facts {
            let rule = fact.rule
            table.append([
                .term(l.pick(rule.part.chineseName, rule.part.englishName), key: rule.part.rawValue),
                rule.item.map { .count($0) } ?? .empty, .text(rule.name(in: l)), .text(rule.requirement(in: l)),
                .factValue(fact.fact?.value, language: l),
                .verdict(fact.status.name(in: l), key: fact.status.rawValue, passes: fact.status.fails ? false : fact.status == .met ? true : nil),
                .text(fact.fact?.evidence ?? ""), factSource(fact.fact?.source),
            ])
        }
        let failing = result.facts.count { $0.status.fails }, missing = result.facts.count { $0.status == .missing }
        return ReportSection(id: "items", l.pick("县级指标（共 \(result.facts.count) 项，未达标 \(failing) 项，未填报 \(missing) 项）",
                                                 "County items (\(result.facts.count): \(failing) not met, \(missing) not recorded)"),
                             [.table(table)])
    }

    /// 填报 or 计算: whether a fact was typed in or computed from the data.
    func factSource(_ source: CountyFact.Source?) -> ReportCell {
        switch source {
        case .recorded?: .term(language.pick("填报", "recorded"), key: "recorded")
        case .computed?: .term(language.pick("计算", "computed"), key: "computed")
        case nil: .empty
        }
    }
}

extension FactRule {
    /// What the item asks, e.g. `应为“是”`, `为“是”即一票否决`, `≥ 95%`.
    public func requirement(in l: Language) -> String {
        switch check {
        case .mustBeTrue: return l.pick("应为“是”", "must be yes")
        case .vetoWhenTrue: return l.pick("为“是”即一票否决", "yes vetoes certification")
        case let .compare(op, bound):
            let symbol = switch op {
            case .atLeast: "≥"
            case .above: ">"
            case .atMost: "≤"
            case .below: "<"
            case .equal: "="
            }
            let unit = unit == "percent" ? "%" : unit.map { " " + $0 } ?? ""
            return "\(symbol) \(FieldValue.decimal(bound).text)\(unit)"
        }
    }
}
