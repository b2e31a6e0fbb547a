import Domain
import Foundation

/// Where each county's own unit costs (单位成本) are kept: the prices its plans use instead of
/// ``Domain/UnitCosts/defaults``, county-wide or by 城乡类型 — one row per county, resource and
/// locality — and each item's purchase unit and yearly capacity (购置单位, 每年限额:
/// ``Domain/PurchaseSetting``), county-wide, one row per county and item.
///
/// Prices belong to a county, not to a year: a year lock (``YearLockStore``) does not freeze
/// them, and they do not move the county's data revision (no cached page shows them).
///
/// Every write is all or nothing and records each changed price in the audit trail
/// (``AuditTrailStore``) in the same transaction: ``AuditAction/unitCost``, the field
/// ``UnitCostChange/field``, the old and the new yuan (blank for "no own price: the default");
/// a setting likewise, field ``PurchaseSettingChange/field``.
///
/// ```swift
/// let changes = try await store.replaceUnitCostPrices(county: "341170", with: prices, by: account, at: .now)
/// let costs = UnitCosts.defaults.setting(try await store.unitCostPrices(county: "341170"))
/// ```
public protocol UnitCostStore: Sendable {
    /// The prices `county` set, in ``Domain/UnitCostPrice/Key`` order; empty when it set none.
    func unitCostPrices(county: String) async throws -> [UnitCostPrice]

    /// Makes `prices` the county's own prices, all of them: a price not in `prices` is
    /// removed (the default applies again). Of two prices with the same key the later wins.
    /// Returns what changed, in key order — empty when nothing did, and then nothing is recorded.
    ///
    /// - Precondition: every price ``Domain/UnitCostPrice/isValid`` (callers check the input;
    ///   the SQL table's check refuses a negative price too).
    func replaceUnitCostPrices(county: String, with prices: [UnitCostPrice], by account: Account, at time: Date) async throws
        -> [UnitCostChange]

    /// The purchase units and yearly capacities `county` set (购置单位, 每年限额), in
    /// ``Domain/PurchaseSetting/Key`` order; empty when it set none.
    func purchaseSettings(county: String) async throws -> [PurchaseSetting]

    /// Makes `own` the county's own unit costs, all of them, in one transaction: its prices as
    /// ``replaceUnitCostPrices(county:with:by:at:)`` does, and its settings likewise (a
    /// setting not in `own` is removed: the default purchase unit, no yearly limit). Each
    /// changed setting is recorded like a price, field ``PurchaseSettingChange/field``.
    /// Returns what changed; nothing is recorded when nothing did.
    ///
    /// - Precondition: every price ``Domain/UnitCostPrice/isValid`` and every setting
    ///   ``Domain/PurchaseSetting/isValid`` (callers check the input; the SQL table's checks
    ///   refuse a value out of bounds too).
    func replaceUnitCosts(county: String, with own: CountyUnitCosts, by account: Account, at time: Date) async throws -> UnitCostChanges
}

extension UnitCostStore {
    /// Everything `county` set: its prices and its settings.
    public func countyUnitCosts(county: String) async throws -> CountyUnitCosts {
        CountyUnitCosts(prices: try await unitCostPrices(county: county), settings: try await purchaseSettings(county: county))
    }
}

/// What a replacement of a county's unit costs changed: its prices and its settings, each in
/// key order.
public struct UnitCostChanges: Sendable, Hashable {
    public var prices: [UnitCostChange]
    public var settings: [PurchaseSettingChange]

    public init(prices: [UnitCostChange] = [], settings: [PurchaseSettingChange] = []) {
        self.prices = prices
        self.settings = settings
    }

    /// How many values changed (each one entry of the audit trail).
    public var count: Int { prices.count + settings.count }

    /// The changes that make `old` into `new`.
    public static func between(_ old: CountyUnitCosts, _ new: CountyUnitCosts) -> UnitCostChanges {
        UnitCostChanges(prices: UnitCostChange.between(old.prices, new.prices), settings: PurchaseSettingChange.between(old.settings, new.settings))
    }

    /// The trail's entries of every change by `account` at `time` in `county`.
    public func auditEntries(county: String, by account: Account, at time: Date) -> [AuditEntry] {
        prices.map { $0.auditEntry(county: county, by: account, at: time) } + settings.map { $0.auditEntry(county: county, by: account, at: time) }
    }
}

/// One price that changed: before and after, `nil` when the county had (or has) no own price.
public struct UnitCostChange: Sendable, Hashable {
    /// Which price.
    public var key: UnitCostPrice.Key
    /// Yuan per unit before; `nil`: the default applied.
    public var old: Double?
    /// Yuan per unit after; `nil`: the default applies again.
    public var new: Double?

    public init(key: UnitCostPrice.Key, old: Double?, new: Double?) {
        self.key = key
        self.old = old
        self.new = new
    }

    /// The changes that make `old` into `new` (each a county's whole set of prices), in key order.
    public static func between(_ old: [UnitCostPrice], _ new: [UnitCostPrice]) -> [UnitCostChange] {
        let before = Dictionary(old.map { ($0.key, $0.yuan) }, uniquingKeysWith: { _, later in later })
        let after = Dictionary(new.map { ($0.key, $0.yuan) }, uniquingKeysWith: { _, later in later })
        return Set(before.keys).union(after.keys).sorted().compactMap { key in
            before[key] == after[key] ? nil : UnitCostChange(key: key, old: before[key], new: after[key])
        }
    }

    /// The audit trail's field of a price: `unit_cost:teaching_area` (county-wide) or
    /// `unit_cost:teaching_area:rural`.
    public var field: String { Self.field(of: key) }

    /// See ``field``.
    public static func field(of key: UnitCostPrice.Key) -> String {
        "\(fieldPrefix)\(key.resource.rawValue)" + (key.locality.map { ":\($0.rawValue)" } ?? "")
    }

    /// The key a trail field names; `nil` for a field that is not a price's.
    public static func key(ofField field: String) -> UnitCostPrice.Key? {
        guard field.hasPrefix(fieldPrefix) else { return nil }
        let parts = field.dropFirst(fieldPrefix.count).split(separator: ":", omittingEmptySubsequences: false)
        guard let resource = parts.first.flatMap({ Resource(rawValue: String($0)) }), parts.count <= 2 else { return nil }
        guard parts.count == 2 else { return UnitCostPrice.Key(resource: resource, locality: nil) }
        guard let locality = Locality(rawValue: String(parts[1])) else { return nil }
        return UnitCostPrice.Key(resource: resource, locality: locality)
    }

    static let fieldPrefix = "unit_cost:"

    /// The entry of the audit trail that records this change by `account` at `time` in `county`.
    ///
    /// A price has no data year; the entry's year is the calendar year of `time` in Beijing
    /// (the year the bureau set the price), so that the trail's year filter finds it.
    public func auditEntry(county: String, by account: Account, at time: Date) -> AuditEntry {
        AuditEntry(id: 0, at: time, accountName: account.name, action: .unitCost, countyCode: county, year: Self.beijingYear(of: time),
                   field: field, oldValue: old.map(Decimals.compact), newValue: new.map(Decimals.compact))
    }

    /// The calendar year of `time` in Beijing (UTC+8, no daylight saving).
    public static func beijingYear(of time: Date) -> Int {
        beijing.component(.year, from: time)
    }

    /// The Gregorian calendar in Beijing.
    private static var beijing: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        return calendar
    }

    /// The day of `time` in Beijing (UTC+8, no daylight saving): the trail's year, a case
    /// closed today.
    public static func beijingDay(of time: Date) -> CalendarDate {
        let day = beijing.dateComponents([.year, .month, .day], from: time)
        // Within CalendarDate's years (1900–2100) for any clock a server has.
        return CalendarDate(year: day.year!, month: day.month!, day: day.day!) ?? CalendarDate(year: 2100, month: 12, day: 31)!
    }
}
