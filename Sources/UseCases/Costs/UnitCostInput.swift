import Domain

/// The prices typed into the unit-cost page (单位成本): one text per price (a resource,
/// county-wide or in one 城乡类型), blank for "no own price — the default applies".
///
/// A price is an amount of yuan as ``YuanText`` reads it (`3500`, `3,500`, `10万`, full-width
/// digits), finite, not below 0 and at most ``Domain/UnitCostPrice/maximumYuan``. Every
/// field is checked, and a refusal lists each wrong one with what to write instead.
public struct UnitCostInput: Sendable, Equatable {
    /// The prices set, in key order.
    public var prices: [UnitCostPrice]

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

    /// Every wrong price of a form, in key order.
    public struct Refusal: Error, Sendable, Equatable {
        public let problems: [Problem]
    }

    /// Reads the typed `texts` by key; a key without text, or with only spaces, has no own price.
    ///
    /// - Throws: ``Refusal`` with every wrong price.
    public static func parse(_ texts: [UnitCostPrice.Key: String]) throws(Refusal) -> UnitCostInput {
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
        guard problems.isEmpty else { throw Refusal(problems: problems) }
        return UnitCostInput(prices: prices)
    }

    /// A price's name: the resource, and the locality in brackets (`教学及辅助用房面积（乡村）`),
    /// or `（全县）` for the county-wide price.
    public static func name(of key: UnitCostPrice.Key, in l: Language) -> String {
        let place = key.locality.map { $0.name(in: l) } ?? l.pick("全县", "county-wide")
        return l.pick("\(key.resource.chineseName)（\(place)）", "\(key.resource.englishName) (\(place))")
    }
}
