import Domain

/// Why no single county and year could be chosen: the county has no rows, it has none in the
/// asked year, or the data holds several and nothing says which. The command answers it
/// with status 64, the web with 404; both show ``message(in:)``.
///
/// A struct with a private kind, so that new refusals do not break callers.
public struct CountyYearChoiceError: Error, Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case noSuchCounty(String)
        case noDataForYear(county: String?, year: Int)
        case several
        case noData
    }

    /// Whether the county has no rows at all (a new county, before its first import).
    public var isNoSuchCounty: Bool {
        if case .noSuchCounty = kind { return true }
        return false
    }

    /// One county-year the person may choose instead, to name in the message.
    struct Choice: Sendable, Hashable, Comparable {
        var code: String
        var year: Int
        var name: String?

        static func < (a: Choice, b: Choice) -> Bool { (a.code, a.year) < (b.code, b.year) }
    }

    let kind: Kind
    /// What the data holds (or, for ``Kind/several``, what matched), listed in the message.
    /// Empty when listing it would show counties the person may not read.
    let choices: [Choice]

    /// Whether the person must narrow the choice (several counties or years matched), rather
    /// than ask for something that is not there.
    public var needsNarrowing: Bool { kind == .several }

    /// The sentence for the person.
    public func message(in l: Language) -> String {
        let list = choices.sorted().map { choice in
            let key = "\(choice.code) \(choice.year)"
            guard let name = choice.name, !name.isEmpty else { return key }
            return l.pick("\(key)（\(name)）", "\(key) (\(name))")
        }.joined(separator: l.pick("、", ", "))
        let holds = list.isEmpty ? "" : l.pick("；数据含：\(list)", "; the data holds: \(list)")
        switch kind {
        case let .noSuchCounty(county):
            return l.pick("没有县区 \(county) 的学校记录", "no school rows of county \(county)") + holds
        case let .noDataForYear(county?, year):
            return l.pick("县区 \(county) 没有 \(year) 年度的学校记录", "county \(county) has no school rows for \(year)") + holds
        case let .noDataForYear(nil, year):
            return l.pick("没有 \(year) 年度的学校记录", "no school rows for \(year)") + holds
        case .several:
            return l.pick("数据含多个县区或年度：\(list)。请选择一个", "the data holds several counties or years: \(list). Choose one")
        case .noData:
            return l.pick("没有任何学校记录", "there are no school rows")
        }
    }
}
