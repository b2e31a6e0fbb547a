import Domain

extension ComputedItems {
    /// The care items' keys in the 2017 method.
    public static let retention = "quality_01_retention"
    public static let disabledEnrollment = "quality_02_disabled_enrollment"
    public static let leftBehindCare = "gov_15_left_behind_care"

    /// Quality items 1 and 2 and government item 15 of `county` in `year` from its children
    /// register and cohorts (``CareRates``):
    /// - quality item 1 (初中三年巩固率): from the cohorts, when every cohort has its graduates;
    /// - quality item 2 (残疾儿童少年入学率): when the register has school-age disabled children;
    /// - government item 15, migrant share: when the register has school-age migrant children
    ///   (it replaces the zones' estimate: the register names each child's school);
    /// - government item 15, left-behind care (关爱体系健全): 是 when every child the care rules
    ///   pair (留守儿童 by default) has a care partner (结对帮扶, 001 §12), else 否 with the number
    ///   unpaired — the register's evidence of the system the item asks for; only when the
    ///   register has such children.
    public func fromCare(_ rates: CareRates, county: String, year: Int) -> [CountyFact] {
        var facts: [CountyFact] = []
        func fact(_ key: String, _ value: CountyFact.Value, _ evidence: String) {
            guard keys.contains(key) else { return }
            facts.append(CountyFact(year: year, countyCode: county, item: key, value: value, evidence: evidence, source: .computed))
        }
        func percent(_ ratio: CareRates.Ratio) -> String { Decimals.fixed(ratio.percent ?? 0, places: 2) + "%" }
        if let retention = rates.retention, let value = retention.percent {
            fact(Self.retention, .number(value),
                 "由初中学籍巩固数据计算：(毕业生数−转入+转出) \(retention.numerator) ÷ (三年前七年级入学人数−死亡) \(retention.denominator) = \(percent(retention))")
        }
        let disabled = rates.disabledEnrollment
        if let value = disabled.percent {
            let c = rates.county
            fact(Self.disabledEnrollment, .number(value),
                 "由儿童登记计算：适龄残疾儿童少年\(disabled.denominator)人，入学\(disabled.numerator)人（\(percent(disabled))；全部在册残疾儿童中随班就读\(c.regularClass)人、特殊教育学校\(c.specialSchool)人、送教上门\(c.homeTeaching)人、未入学\(c.disabledNotEnrolled)人）")
        }
        let migrant = rates.migrantPublicShare
        if let value = migrant.percent {
            fact(Self.migrantShare, .number(value),
                 "由儿童登记计算：适龄随迁子女\(migrant.denominator)人，在公办学校和政府购买服务的民办学校就读\(migrant.numerator)人（\(percent(migrant))）")
        }
        let county = rates.county
        if county.needPartner > 0 {
            let unpaired = county.needPartner - county.paired
            fact(Self.leftBehindCare, unpaired == 0 ? .yes : .no,
                 "由儿童登记计算：需结对帮扶儿童\(county.needPartner)人（留守儿童\(county.leftBehind)人），已结对\(county.paired)人"
                    + (unpaired == 0 ? "，全部落实结对帮扶" : "，\(unpaired)人未结对"))
        }
        return facts
    }
}
