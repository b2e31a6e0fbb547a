import Domain
import Foundation

/// A plan the county adopted (方案采纳): the investment or rotation plan as it stood when the
/// planner adopted it, kept with a version number per county, kind and year, so that what was
/// decided stays readable after the data move on, and the remediation ledger's items point at it.
public struct AdoptedPlan: Sendable, Hashable {
    /// Which plan.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// 资源配置达标投入方案
        case investment
        /// 教师交流轮岗方案
        case rotation

        public var chineseName: String {
            switch self {
            case .investment: "资源配置达标投入方案"
            case .rotation: "教师交流轮岗方案"
            }
        }

        public var englishName: String {
            switch self {
            case .investment: "investment plan"
            case .rotation: "teacher rotation plan"
            }
        }
    }

    /// One item of the plan: its key within the plan, what it says, and its school.
    public struct Item: Sendable, Hashable, Codable {
        public var key: String
        public var text: String
        public var schoolCode: String?

        public init(key: String, text: String, schoolCode: String?) {
            self.key = key
            self.text = text
            self.schoolCode = schoolCode
        }
    }

    public var countyCode: String
    /// The data year the plan was made for.
    public var year: Int
    public var kind: Kind
    /// 1 for the first adopted plan of the county, kind and year, then one more each time.
    public var version: Int
    /// What the planner called it (the plan's summary line).
    public var title: String
    public var adoptedBy: String
    public var adoptedAt: Date
    public var items: [Item]

    public init(countyCode: String, year: Int, kind: Kind, version: Int, title: String, adoptedBy: String, adoptedAt: Date, items: [Item]) {
        self.countyCode = countyCode
        self.year = year
        self.kind = kind
        self.version = version
        self.title = title
        self.adoptedBy = adoptedBy
        self.adoptedAt = adoptedAt
        self.items = items
    }

    /// The ledger's key of `item` (``LedgerItem/gapKey``): `plan:investment:2025:v3:ITEM`.
    public func ledgerKey(of item: Item) -> String { "plan:\(kind.rawValue):\(year):v\(version):\(item.key)" }

    /// The trail entry of the adoption.
    public func auditEntry(by account: Account) -> AuditEntry {
        AuditEntry(id: 0, at: adoptedAt, accountName: account.name, action: .adoptPlan, countyCode: countyCode, year: year,
                   field: kind.rawValue, newValue: "v\(version)：\(title)（\(items.count) 项）")
    }
}

/// Where the adopted plans are kept. Adopting is one transaction recorded in the trail.
public protocol PlanAdoptionStore: Sendable {
    /// The adopted plans of `county`, by kind, year, then version.
    func adoptedPlans(county: String) async throws -> [AdoptedPlan]

    /// Adopts `plan` as the next version of its county, kind and year (its `version` is
    /// ignored); returns it as stored.
    ///
    /// - Throws: ``StoreError/isInvalid`` for a plan without items or a title.
    func adoptPlan(_ plan: AdoptedPlan, by account: Account) async throws -> AdoptedPlan
}

extension AdoptedPlan {
    /// `plan` checked: a title, at least one item, at most 100,000 (a province's plan has fewer).
    public static func checked(_ plan: AdoptedPlan) throws -> AdoptedPlan {
        guard !plan.title.trimmingCharacters(in: .whitespaces).isEmpty, plan.title.count <= 300 else { throw StoreError.invalid("a plan needs a title") }
        guard !plan.items.isEmpty, plan.items.count <= 100_000 else { throw StoreError.invalid("a plan to adopt has 1 to 100,000 items") }
        return plan
    }
}
