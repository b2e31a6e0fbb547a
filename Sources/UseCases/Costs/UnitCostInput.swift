import Domain

/// The prices typed into the unit-cost page (单位成本): one text per price (a resource,
/// county-wide or in one 城乡类型), blank for "no own price — the default applies".
///
/// A price is an amount of yuan as ``YuanText`` reads it (`3500`, `3,500`, `10万`, full-width
/// digits), finite, not below 0 and at most ``Domain/UnitCostPrice/maximumYuan``. Every
/// field is checked, and a refusal lists each wrong one with what to write instead.
///
/// Beside the prices, one text per item and setting (购置单位, 每年限额: ``Domain/PurchaseSetting``),
/// blank for "none of our own — the default purchase unit, no yearly limit": a number read
/// like an amount (`1,000`, full-width digits, `1万`) under the costs file's rules
/// (``Domain/PurchaseSetting/violation(of:_:for:)``), refused with the file's words.
public struct UnitCostInput: Sendable, Equatable {
    /// The prices set, in key order.
    public var prices: [UnitCostPrice]
    /// The purchase units and yearly capacities set, in key order.
    public var settings: [PurchaseSetting] = []

    /// What a county keeps: the prices and the settings.
    public var own: CountyUnitCosts { CountyUnitCosts(prices: prices, settings: settings) }

    /// Why one typed price was refused.
    public struct Problem: Error, Sendable, Equatable {
        enum Kind: Sendable, Equatable { case notNumber, negative, tooLarge }

        /// Which price.
        public let key: UnitCostPrice.Key
        /// What was typed.
        public let text: String
        let kind: Kind

        /// The sentence shown beside the field.
        public func message(in l: Language) -> String {
            let name = UnitCostInput.name(of: key, in: l)
            switch kind {
            case .notNumber:
                return l.pick("\(name)的单价“\(text)”不是金额：请写每\(key.resource.unit)的元数，如 3500、3,500 或 0.35万；留空则用默认值",
                              "\(name): \"\(text)\" is not an amount: write yuan per \(key.resource.unit), e.g. 3500, 3,500 or 0.35万; leave it blank for the default")
            case .negative:
                return l.pick("\(name)的单价“\(text)”不能小于 0", "\(name): the price \"\(text)\" cannot be below 0")
            case .tooLarge:
                return l.pick("\(name)的单价“\(text)”超过 10 亿元，请检查", "\(name): the price \"\(text)\" exceeds 1 billion yuan; check it")
            }
        }
    }

    /// Why one typed purchase unit or yearly capacity was refused.
    public struct SettingProblem: Error, Sendable, Equatable {
        /// Which setting.
        public let key: PurchaseSetting.Key
        /// What was typed.
        public let text: String
        /// The costs file's rule it breaks; `nil`: not a number.
        let violation: PurchaseSetting.Violation?

        /// The sentence shown above the form: the item, the setting, and the costs file's message.
        public func message(in l: Language) -> String {
            let name = UnitCostInput.name(of: key, in: l)
            guard let violation else {
                return l.pick("\(name)“\(text)”不是数：请写\(key.resource.unit)数，如 10、1,000；留空则\(key.kind == .purchaseUnit ? "用默认值" : "不限")",
                              "\(name): \"\(text)\" is not a number: write it in \(key.resource.unit), e.g. 10 or 1,000; leave it blank for \(key.kind == .purchaseUnit ? "the default" : "no limit")")
            }
            return l.pick("\(name)：\(violation.message(in: l))", "\(name): \(violation.message(in: l))")
        }
    }

    /// Every wrong price and setting of a form, in key order.
    public struct Refusal: Error, Sendable, Equatable {
        public let problems: [Problem]
        public var settingProblems: [SettingProblem] = []

        /// Every problem's sentence, prices first.
        public func messages(in l: Language) -> [String] {
            problems.map { $0.message(in: l) } + settingProblems.map { $0.message(in: l) }
        }
    }

    /// Reads the typed `texts` by key, and the typed `settings` by key; a key without text, or
    /// with only spaces, has no own price (setting).
    ///
    /// - Throws: ``Refusal`` with every wrong price and setting.
    public static func parse(_ texts: [UnitCostPrice.Key: String], settings settingTexts: [PurchaseSetting.Key: String] = [:])
        throws(Refusal) -> UnitCostInput {
        var settings: [PurchaseSetting] = [], settingProblems: [SettingProblem] = []
        for key in settingTexts.keys.sorted() {
            let text = String(settingTexts[key]!.trimmed)
            guard !text.isEmpty else { continue }
            guard let amount = YuanText.value(text) else {
                settingProblems.append(SettingProblem(key: key, text: text, violation: nil))
                continue
            }
            if let violation = PurchaseSetting.violation(of: amount, key.kind, for: key.resource) {
                settingProblems.append(SettingProblem(key: key, text: text, violation: violation))
            } else {
                settings.append(PurchaseSetting(key.resource, key.kind, amount))
            }
        }
        var prices: [UnitCostPrice] = [], problems: [Problem] = []
        for key in texts.keys.sorted() {
            let text = String(texts[key]!.trimmed)
            guard !text.isEmpty else { continue }
            guard let yuan = YuanText.value(text) else {
                problems.append(Problem(key: key, text: text, kind: .notNumber))
                continue
            }
            if yuan < 0 {
                problems.append(Problem(key: key, text: text, kind: .negative))
            } else if yuan > UnitCostPrice.maximumYuan {
                problems.append(Problem(key: key, text: text, kind: .tooLarge))
            } else {
                prices.append(UnitCostPrice(key.resource, in: key.locality, yuan: yuan))
            }
        }
        guard problems.isEmpty, settingProblems.isEmpty else { throw Refusal(problems: problems, settingProblems: settingProblems) }
        return UnitCostInput(prices: prices, settings: settings)
    }

    /// A price's name: the resource, and the locality in brackets (`教学及辅助用房面积（乡村）`),
    /// or `（全县）` for the county-wide price.
    public static func name(of key: UnitCostPrice.Key, in l: Language) -> String {
        let place = key.locality.map { $0.name(in: l) } ?? l.pick("全县", "county-wide")
        return l.pick("\(key.resource.chineseName)（\(place)）", "\(key.resource.englishName) (\(place))")
    }

    /// A setting's name: the resource and the setting (`县级以上骨干教师（每年限额）`).
    public static func name(of key: PurchaseSetting.Key, in l: Language) -> String {
        l.pick("\(key.resource.chineseName)（\(key.kind.chineseName)）", "\(key.resource.englishName) (\(key.kind.englishName))")
    }
}
