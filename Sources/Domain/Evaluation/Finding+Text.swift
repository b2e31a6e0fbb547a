extension Finding {
    /// How many failing schools a reason names before it says "and N more"; the full list is
    /// in the per-school results.
    static let namedSchools = 10

    /// The reason as a person reads it, in `language`, with the standard's official names.
    public func text(in language: Language, standard: Standard) -> String {
        func indicatorName(_ index: Int) -> String {
            let name = standard.indicators[index].name(in: language)
            return language.pick("「\(name)」", "'\(name)'")
        }
        func stageName(_ stage: Stage) -> String { stage.name(in: language) }

        switch self {
        case let .cvAboveLimit(stage, indicator, cv, limit):
            return language.pick(
                "\(stageName(stage))\(indicatorName(indicator))差异系数 \(Decimals.three(cv)) 超过限值 \(Decimals.three(limit))",
                "\(stageName(stage)): the CV of \(indicatorName(indicator)) is \(Decimals.three(cv)), above the limit \(Decimals.three(limit))")
        case let .cvUndefined(stage, indicator):
            return language.pick(
                "\(stageName(stage))\(indicatorName(indicator))县域值为0，差异系数无法计算",
                "\(stageName(stage)): the county value of \(indicatorName(indicator)) is 0, so its CV is undefined")
        case let .compositeAboveLimit(stage, cv, limit):
            return language.pick(
                "\(stageName(stage))综合差异系数 \(Decimals.three(cv)) 超过限值 \(Decimals.three(limit))",
                "\(stageName(stage)): the composite CV \(Decimals.three(cv)) is above the limit \(Decimals.three(limit))")
        case let .unitsFailSchoolRule(stage, units):
            let rule = standard.schoolRule
            let minMet = rule?.minMet ?? 0
            let floor = Decimals.compact((rule?.floorRatio ?? 0) * 100)
            let shown = units.prefix(Self.namedSchools).map { unit in
                let unmet = unit.unmet.map { standard.indicators[$0].name(in: language) }.joined(separator: language.pick("、", ", "))
                return language.pick(
                    "\(unit.schoolName)（\(unit.unmet.count)项未达标：\(unmet)）",
                    "\(unit.schoolName) (\(unit.unmet.count) unmet: \(unmet))")
            }.joined(separator: language.pick("；", "; "))
            let more = units.count > Self.namedSchools
                ? language.pick("等\(units.count)所", " and \(units.count - Self.namedSchools) more") : ""
            return language.pick(
                "\(stageName(stage))有\(units.count)所学校未达到“至少\(minMet)项达标、余项不低于\(floor)%”的要求：\(shown)\(more)",
                "\(stageName(stage)): \(units.count) schools fail the rule 'at least \(minMet) indicators met, the rest at least \(floor)%': \(shown)\(more)")
        case let .valuesMissing(stage, indicator, codes):
            let column = standard.indicators[indicator].numerator.columnKey(stage: stage)
            let shown = codes.prefix(Self.namedSchools).joined(separator: language.pick("、", ", "))
            let more = codes.count > Self.namedSchools ? language.pick("等", " …") : ""
            return language.pick(
                "\(stageName(stage))\(indicatorName(indicator))缺少\(codes.count)所学校的数据（列 \(column)）：\(shown)\(more)",
                "\(stageName(stage)): \(indicatorName(indicator)) is missing for \(codes.count) schools (column \(column)): \(shown)\(more)")
        case let .noUnits(stage):
            return language.pick(
                "\(stageName(stage))没有参与资源配置评估的学校",
                "\(stageName(stage)): no school takes part in the resource-allocation evaluation")
        case let .factNotMet(result):
            return language.pick(
                "\(Self.itemLabel(result.rule, language))未达到要求：\(Self.recorded(result, language))",
                "\(Self.itemLabel(result.rule, language)) is not met: \(Self.recorded(result, language))")
        case let .vetoed(result):
            return language.pick(
                "一票否决：\(result.rule.name)",
                "one-vote veto: \(result.rule.nameEn)")
        case let .factMissing(rule):
            return language.pick(
                "\(Self.itemLabel(rule, language))未填报",
                "\(Self.itemLabel(rule, language)) is not recorded")
        case .factsNotProvided:
            let parts = Set(standard.facts.map(\.part))
            let names = FactRule.Part.allCases.filter(parts.contains).map { $0.name(in: language) }
            return language.pick(
                "未提供县级事实数据（--facts），\(names.joined(separator: "、"))无法评估",
                "no county facts were given (--facts), so \(names.joined(separator: ", ")) cannot be judged")
        }
    }

    /// e.g. 政府保障程度第11项「…」 / government guarantee item 11 '…'.
    static func itemLabel(_ rule: FactRule, _ language: Language) -> String {
        let part = rule.part.name(in: language)
        if let item = rule.item {
            return language.pick("\(part)第\(item)项「\(rule.name)」", "\(part) item \(item) '\(rule.nameEn)'")
        }
        return language.pick("\(part)「\(rule.name)」", "\(part) '\(rule.nameEn)'")
    }

    /// The recorded (or computed) value against what the rule asks.
    static func recorded(_ result: FactResult, _ language: Language) -> String {
        let computed = result.fact?.source == .computed
        let percent = result.rule.unit == "percent"
        func show(_ number: Double) -> String {
            percent ? "\(Decimals.compact(number))%" : Decimals.compact(number) + (result.rule.unit.map { " \($0)" } ?? "")
        }
        switch (result.rule.check, result.fact?.value) {
        case let (.compare(op, bound), .number(value)?):
            return language.pick("\(computed ? "计算值" : "填报值") \(show(value))，要求 \(op.rawValue) \(show(bound))",
                                 "\(computed ? "computed" : "recorded") \(show(value)), required \(op.rawValue) \(show(bound))")
        default:
            return computed ? language.pick("由数据计算为“否”", "computed as no") : language.pick("填报为“否”", "recorded as no")
        }
    }
}
