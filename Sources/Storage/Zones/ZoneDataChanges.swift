import Domain
import Foundation

/// What a replacement of a county's zoning data changed (``ZoneDataStore``): the blocks
/// added, changed and removed, and how many distances there were and are.
public struct ZoneDataChanges: Sendable, Hashable {
    /// How many blocks the county had before, and has after.
    public var blocksBefore: Int, blocksAfter: Int
    /// Each block added, changed or removed, in id order.
    public var blocks: [BlockChange]
    /// The distances' counts.
    public var distances: DistanceChanges

    public init(blocksBefore: Int, blocksAfter: Int, blocks: [BlockChange], distances: DistanceChanges) {
        self.blocksBefore = blocksBefore
        self.blocksAfter = blocksAfter
        self.blocks = blocks
        self.distances = distances
    }

    /// Whether nothing changed (then nothing is written or recorded).
    public var isEmpty: Bool { blocks.isEmpty && distances.isEmpty }

    /// The changes that make the stored blocks into `new`'s, with `distances` as the store
    /// found them.
    public init(storedBlocks: [ResidentialBlock], new: CheckedZoneData, distances: DistanceChanges) {
        var changes: [BlockChange] = []
        var kept = 0
        for old in storedBlocks {
            if let block = new.blocks[old.id] {
                kept += 1
                if block != old { changes.append(BlockChange(old: old, new: block)) }
            } else {
                changes.append(BlockChange(old: old, new: nil))
            }
        }
        if kept < new.blocks.count {
            let stored = Set(storedBlocks.map(\.id))
            for block in new.blocks.values where !stored.contains(block.id) { changes.append(BlockChange(old: nil, new: block)) }
        }
        changes.sort { $0.id < $1.id }
        self.init(blocksBefore: storedBlocks.count, blocksAfter: new.blocks.count, blocks: changes, distances: distances)
    }

    /// The blocks to write: those added and those changed, as they are now.
    public var writtenBlocks: [ResidentialBlock] { blocks.compactMap(\.new) }

    /// The ids of the blocks removed.
    public var removedBlockIDs: [String] { blocks.filter { $0.new == nil }.map(\.id) }

    /// The trail's entries, in order, all with action ``AuditAction/zoneData`` and the year
    /// of the change in Beijing (blocks have no data year, like unit costs):
    /// - when blocks changed, field ``ZoneAuditField/blockCount``: the count before and after;
    /// - each block added or removed, field ``ZoneAuditField/block(_:)``: its values
    ///   (``Domain/ResidentialBlock/recordText``) as the new or the old value;
    /// - each changed value of a kept block, field ``ZoneAuditField/blockColumn(_:_:)``: the
    ///   value before and after (blank when not recorded);
    /// - when distances changed, field ``ZoneAuditField/distanceCount``: the count before and
    ///   after (a new survey replaces the distances as a whole; which pairs changed is not
    ///   listed — a county has up to a million of them).
    ///
    /// Each block's entries carry its name (the new one when renamed) as the note, so the
    /// page shows which 小区 or 村 changed.
    public func auditEntries(county: String, by account: Account, at time: Date) -> [AuditEntry] {
        let year = UnitCostChange.beijingYear(of: time)
        func entry(_ field: ZoneAuditField, old: String?, new: String?, note: String?) -> AuditEntry {
            AuditEntry(id: 0, at: time, accountName: account.name, action: .zoneData, countyCode: county, year: year,
                       field: field.text, oldValue: old, newValue: new, note: note)
        }
        var entries: [AuditEntry] = []
        if !blocks.isEmpty {
            entries.append(entry(.blockCount, old: String(blocksBefore), new: String(blocksAfter), note: nil))
        }
        for change in blocks {
            switch (change.old, change.new) {
            case let (old?, new?):
                for column in change.columns {
                    entries.append(entry(.blockColumn(column, change.id), old: old.text(of: column), new: new.text(of: column), note: new.name))
                }
            case let (old, new):
                entries.append(entry(.block(change.id), old: old?.recordText, new: new?.recordText, note: (new ?? old)?.name))
            }
        }
        if !distances.isEmpty {
            entries.append(entry(.distanceCount, old: String(distances.before), new: String(distances.after), note: nil))
        }
        return entries
    }
}

/// One block added (no `old`), removed (no `new`) or changed (both).
public struct BlockChange: Sendable, Hashable {
    /// The block as stored before; `nil` when added.
    public var old: ResidentialBlock?
    /// The block as stored after; `nil` when removed.
    public var new: ResidentialBlock?

    public init(old: ResidentialBlock?, new: ResidentialBlock?) {
        precondition(old != nil || new != nil, "a change of no block")
        self.old = old
        self.new = new
    }

    /// The block id (片区编号).
    public var id: String { (new ?? old)!.id }

    /// The columns whose values differ, in column order (every recorded one when added or
    /// removed).
    public var columns: [ResidentialBlock.Column] {
        ResidentialBlock.Column.allCases.filter { old?.text(of: $0) != new?.text(of: $0) }
    }
}

/// How a county's distances changed: the counts before and after, and whether they differ
/// at all (then they were replaced as a whole).
public struct DistanceChanges: Sendable, Hashable {
    public var before: Int, after: Int
    /// Whether any pair was added, removed or given another number.
    public var changed: Bool

    public init(before: Int, after: Int, changed: Bool) {
        self.before = before
        self.after = after
        self.changed = changed
    }

    /// Whether the distances stay as they were.
    public var isEmpty: Bool { !changed }
}

/// The audit trail's field of a zoning-data entry, as text and back (the audit page names it).
public enum ZoneAuditField: Sendable, Hashable {
    /// `block_count`: how many blocks the county has.
    case blockCount
    /// `distance_count`: how many distances the county has.
    case distanceCount
    /// `block:ID`: a whole block, added or removed.
    case block(String)
    /// `block.COLUMN:ID`: one value of a kept block.
    case blockColumn(ResidentialBlock.Column, String)

    /// The field as the trail keeps it.
    public var text: String {
        switch self {
        case .blockCount: "block_count"
        case .distanceCount: "distance_count"
        case .block(let id): "block:\(id)"
        case let .blockColumn(column, id): "block.\(column.rawValue):\(id)"
        }
    }

    /// The field `text` names; `nil` when it is not a zoning-data field. Ids may hold any
    /// character: the column never holds `:`, and the id is everything after the first one.
    public init?(text: String) {
        switch text {
        case "block_count": self = .blockCount
        case "distance_count": self = .distanceCount
        default:
            if text.hasPrefix("block:") {
                self = .block(String(text.dropFirst("block:".count)))
            } else if text.hasPrefix("block."), let colon = text.firstIndex(of: ":"),
                      let column = ResidentialBlock.Column(rawValue: String(text[text.index(text.startIndex, offsetBy: 6)..<colon])) {
                self = .blockColumn(column, String(text[text.index(after: colon)...]))
            } else {
                return nil
            }
        }
    }
}
