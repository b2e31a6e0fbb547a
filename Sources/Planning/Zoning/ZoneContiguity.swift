/// Zones without islands (学区连片，不留飞地): the rule a whole-block plan keeps when the rules ask
/// for contiguous zones.
///
/// **The rule.** Blocks are neighbours when one is among the other's k nearest blocks (k = 8,
/// by straight-line distance: a symmetric k-nearest-neighbour graph, which on scattered points
/// contains most edges of their Delaunay triangulation). Order the blocks of zone j by
/// (kmᵢⱼ, i). Block i may belong to zone j only if it is the zone's first block (its *root*) or
/// it has a neighbour in zone j that comes before it — "a block joins a school only if it is next
/// to a block of that zone nearer to the school".
///
/// **Why it leaves no islands.** From any block of the zone, step to a neighbour of the zone
/// that comes before it; the order is strict, so the walk ends, and it can only end at a block
/// with no earlier neighbour in the zone: the root. So every block is joined to the root through
/// neighbours of its own zone — each zone is connected in the neighbour graph.
///
/// The rule is a sufficient condition that moves can keep cheaply (each move looks at the
/// blocks it touches). Where places make it impossible, a block may break it yet still join its
/// zone through a farther block; only blocks not joined to their zone's root at all are
/// reported as islands (``WholeBlockZoning/islands``).
///
/// Blocks without coordinates have no neighbours and are exempt (they cannot be drawn either).
struct ZoneContiguity: Sendable {
    /// The neighbours of each block.
    let neighbours: [[Int]]

    /// How many nearest blocks make a block's neighbours.
    static let nearest = 8

    init(neighbours: [[Int]]) {
        self.neighbours = neighbours
    }

    /// The symmetric k-nearest-neighbour graph of `points` (planar km; nil = no neighbours).
    init(points: [(x: Double, y: Double)?], nearest k: Int = ZoneContiguity.nearest) {
        let located = points.indices.filter { points[$0] != nil }
        var sets = Array(repeating: Set<Int>(), count: points.count)
        let grid = PointGrid(points: located.map { points[$0]! })
        for (slot, i) in located.enumerated() {
            for other in grid.nearest(k, to: points[i]!, excluding: slot) {
                let b = located[other]
                sets[i].insert(b)
                sets[b].insert(i)
            }
        }
        neighbours = sets.map { $0.sorted() }
    }
}

/// Points bucketed in a square grid of about two points per cell, to find nearest points
/// without comparing every pair: rings of cells are searched outwards until the k-th nearest
/// found is nearer than any cell not yet searched could hold.
struct PointGrid: Sendable {
    private let points: [(x: Double, y: Double)]
    private let minX: Double, minY: Double, cell: Double
    private let columns: Int, rows: Int
    private let cellStart: [Int]
    private let members: [Int]

    init(points: [(x: Double, y: Double)]) {
        self.points = points
        let xs = points.map(\.x), ys = points.map(\.y)
        minX = xs.min() ?? 0
        minY = ys.min() ?? 0
        let width = max((xs.max() ?? 0) - minX, 1e-9), height = max((ys.max() ?? 0) - minY, 1e-9)
        let cells = max(1.0, Double(points.count) / 2)
        cell = max((width * height / cells).squareRoot(), 1e-9)
        columns = min(Int(width / cell) + 1, 1 << 15)
        rows = min(Int(height / cell) + 1, 1 << 15)
        var counts = Array(repeating: 0, count: columns * rows + 1)
        var index = [Int](repeating: 0, count: points.count)
        for (p, point) in points.enumerated() {
            let c = Self.cellIndex(point, minX, minY, cell, columns, rows)
            index[p] = c
            counts[c + 1] += 1
        }
        for c in 0..<(columns * rows) { counts[c + 1] += counts[c] }
        var fill = counts
        var members = [Int](repeating: 0, count: points.count)
        for p in points.indices {
            members[fill[index[p]]] = p
            fill[index[p]] += 1
        }
        cellStart = counts
        self.members = members
    }

    private static func cellIndex(_ p: (x: Double, y: Double), _ minX: Double, _ minY: Double, _ cell: Double, _ columns: Int, _ rows: Int) -> Int {
        let cx = min(max(Int((p.x - minX) / cell), 0), columns - 1)
        let cy = min(max(Int((p.y - minY) / cell), 0), rows - 1)
        return cy * columns + cx
    }

    /// The indices of the `k` points nearest to `p` (ties by index), leaving out `excluding`.
    func nearest(_ k: Int, to p: (x: Double, y: Double), excluding: Int? = nil) -> [Int] {
        guard k > 0, !points.isEmpty else { return [] }
        let cx = min(max(Int((p.x - minX) / cell), 0), columns - 1)
        let cy = min(max(Int((p.y - minY) / cell), 0), rows - 1)
        var found: [(d: Double, i: Int)] = []
        var ring = 0
        while true {
            for y in (cy - ring)...(cy + ring) where y >= 0 && y < rows {
                for x in (cx - ring)...(cx + ring) where x >= 0 && x < columns {
                    guard max(abs(x - cx), abs(y - cy)) == ring else { continue }
                    let c = y * columns + x
                    for slot in cellStart[c]..<cellStart[c + 1] {
                        let q = members[slot]
                        if q == excluding { continue }
                        let dx = points[q].x - p.x, dy = points[q].y - p.y
                        found.append((dx * dx + dy * dy, q))
                    }
                }
            }
            // Cells beyond this ring are at least `ring` cells away from p's cell, hence at least
            // ring × cell from p: stop once k points nearer than that are known.
            if found.count >= k {
                found.sort { $0.d != $1.d ? $0.d < $1.d : $0.i < $1.i }
                let reach = Double(ring) * cell
                if found[k - 1].d <= reach * reach { return found.prefix(k).map(\.i) }
            }
            if ring > columns + rows { break }
            ring += 1
        }
        found.sort { $0.d != $1.d ? $0.d < $1.d : $0.i < $1.i }
        return found.prefix(k).map(\.i)
    }
}
