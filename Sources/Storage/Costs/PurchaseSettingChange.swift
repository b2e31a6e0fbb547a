import Domain
import Foundation

/// One purchase unit or yearly capacity (购置单位, 每年限额) that changed: before and after,
/// `nil` when the county had (or has) none of its own — the default purchase unit, no yearly
/// limit.
public struct PurchaseSettingChange: Sendable, Hashable {
    /// Which setting.
    public var key: PurchaseSetting.Key
    /// The amount before; `nil`: none set.
    public var old: Double?
    /// The amount after; `nil`: none set any more.
    public var new: Double?

    public init(key: PurchaseSetting.Key, old: Double?, new: Double?) {
        self.key = key
        self.old = old
        self.new = new
    }

    /// The changes that make `old` into `new` (each a county's whole set of settings), in key order.
    public static func between(_ old: [PurchaseSetting], _ new: [PurchaseSetting]) -> [PurchaseSettingChange] {
        let before = Dictionary(old.map { ($0.key, $0.amount) }, uniquingKeysWith: { _, later in later })
        let after = Dictionary(new.map { ($0.key, $0.amount) }, uniquingKeysWith: { _, later in later })
        return Set(before.keys).union(after.keys).sorted().compactMap { key in
            before[key] == after[key] ? nil : PurchaseSettingChange(key: key, old: before[key], new: after[key])
        }
    }

    /// The audit trail's field: the costs file's column and the item, `purchase_unit:teaching_area`
    /// or `yearly_capacity:backbone_teachers`.
    public var field: String { Self.field(of: key) }

    /// See ``field``.
    public static func field(of key: PurchaseSetting.Key) -> String { "\(key.kind.rawValue):\(key.resource.rawValue)" }

    /// The key a trail field names; `nil` for a field that is not a setting's.
    public static func key(ofField field: String) -> PurchaseSetting.Key? {
        let parts = field.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let kind = PurchaseSetting.Kind(rawValue: String(parts[0])),
              let resource = Resource(rawValue: String(parts[1])) else { return nil }
        return PurchaseSetting.Key(resource: resource, kind: kind)
    }

    /// The entry of the audit trail that records this change by `account` at `time` in
    /// `county`: action ``AuditAction/unitCost``, the year as for a price
    /// (``UnitCostChange/auditEntry(county:by:at:)``).
    public func auditEntry(county: String, by account: Account, at time: Date) -> AuditEntry {
        AuditEntry(id: 0, at: time, accountName: account.name, action: .unitCost, countyCode: county, year: UnitCostChange.beijingYear(of: time),
                   field: field, oldValue: old.map(Decimals.compact), newValue: new.map(Decimals.compact))
    }
}
