/// The years of a layout (先建后撤): when each block moves to its planned site and each merged
/// school closes, so that in every year every child has a place.
///
/// **Year 1** builds the new sites and adds the classes (they are ready from year 2). A block
/// moves in year 1 when its planned site is an existing school; all the blocks of a merged
/// school move together, in the year it closes. Then, while some site would hold more children
/// in year 1 than its places today, the moves into it wait for year 2 (and with them the
/// mergers they belong to); moves only ever wait, so this ends. **Year 2** is the plan: every
/// site within its places after growing (the planner's assignment holds them).
///
/// So a school closes only once its receivers have the places for its children, and no site is
/// above its places in any year unless it already is today (such a site is listed).
struct LayoutSequence {
    private(set) var mergers: [LayoutMerger] = []
    private(set) var years: [LayoutYear] = []

    init(sites: [LayoutPlannedSite], blocks: [LayoutPlannedBlock], limit: Double) {
        let index = Dictionary(sites.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let plan = blocks.map { $0.site.flatMap { index[$0] } ?? -1 }
        let today = blocks.map { $0.today.flatMap { index[$0] } ?? -1 }
        let merged = sites.map { $0.status == .merged }
        // Year-1 moves.
        var early = blocks.indices.map { i in plan[i] >= 0 && plan[i] != today[i] && sites[plan[i]].existing }
        let stays = blocks.indices.map { i in plan[i] == today[i] }
        for i in blocks.indices where stays[i] { early[i] = false }
        func loads(year1: Bool) -> [Int] {
            var load = Array(repeating: 0, count: sites.count)
            for i in blocks.indices {
                let j = year1 ? (early[i] || stays[i] ? plan[i] : today[i]) : plan[i]
                if j >= 0 { load[j] += blocks[i].children }
            }
            return load
        }
        var changed = true
        while changed {
            changed = false
            // A merged school's blocks move together.
            for s in sites.indices where merged[s] {
                let members = blocks.indices.filter { today[$0] == s && !stays[$0] }
                if members.contains(where: { !early[$0] }) {
                    for i in members where early[i] { early[i] = false; changed = true }
                }
            }
            let load = loads(year1: true)
            for i in blocks.indices where early[i] {
                let j = plan[i]
                if let places = sites[j].places, load[j] > places { early[i] = false; changed = true }
            }
        }

        for s in sites.indices where merged[s] {
            let members = blocks.indices.filter { today[$0] == s }
            var received: [Int: Int] = [:]
            var added = 0.0, beyond = 0, stranded = 0
            for i in members {
                let b = blocks[i]
                if plan[i] >= 0 { received[plan[i], default: 0] += b.children } else { stranded += b.children }
                if let after = b.kilometres, let before = b.todayKilometres { added += Double(b.children) * (after - before) }
                if let after = b.kilometres, after > limit { beyond += b.children }
            }
            let receivers = received.sorted { $0.key < $1.key }.map { (site: sites[$0.key].id, children: $0.value) }
            let needed = received.reduce(0) { total, r in
                let site = sites[r.key]
                if !site.existing { return total + r.value }
                guard let places = site.places else { return total }
                return total + min(r.value, max(0, site.children - places))
            }
            mergers.append(LayoutMerger(
                site: sites[s].id, receivers: receivers, children: members.reduce(0) { $0 + blocks[$1].children },
                addedChildKm: added, placesNeeded: needed, year: members.allSatisfy { early[$0] } ? 1 : 2, beyondLimit: beyond, stranded: stranded))
        }

        for year in 1...2 {
            let load = loads(year1: year == 1)
            let placed = blocks.indices.reduce(0) { total, i in
                let j = year == 1 ? (early[i] || stays[i] ? plan[i] : today[i]) : plan[i]
                return total + (j >= 0 ? blocks[i].children : 0)
            }
            let over = sites.indices.filter { j in
                guard let places = sites[j].places else { return false }
                // The classes added hold every child zoned there (the planner adds enough).
                return load[j] > places && (year == 1 || sites[j].classesAdded == 0)
            }
            years.append(LayoutYear(
                year: year,
                opened: year == 2 ? sites.filter { $0.status == .built }.map(\.id) : [],
                grown: year == 2 ? sites.filter { $0.open && $0.classesAdded > 0 }.map(\.id) : [],
                closed: mergers.filter { $0.year == year }.map(\.site),
                placed: placed, children: blocks.reduce(0) { $0 + $1.children },
                aboveCapacity: over.map { sites[$0].id }))
        }
    }
}

/// One year of a layout's sequence.
public struct LayoutYear: Sendable, Hashable {
    /// 1: building, and the mergers that need nothing built; 2: the plan.
    public var year: Int
    /// Sites open from this year (built in the year before).
    public var opened: [String]
    /// Sites that have their added classes from this year.
    public var grown: [String]
    /// Schools closed in this year.
    public var closed: [String]
    /// Children with a place in this year.
    public var placed: Int
    public var children: Int
    /// Sites above their places in this year (only where they already are today).
    public var aboveCapacity: [String]
}
