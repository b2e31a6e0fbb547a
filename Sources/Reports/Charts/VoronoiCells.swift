/// The Voronoi cells of sites within a convex boundary: each site's cell is the part of the
/// boundary nearer to it than to any other site — the intersection of the boundary with the
/// half-planes { p : |p − s| ≤ |p − t| } for every other site t.
///
/// **Method.** A cell starts as the boundary polygon and is clipped by one half-plane per
/// neighbour (Sutherland–Hodgman against one line: a convex polygon stays convex). The
/// neighbours come from a uniform grid over the sites, ring by ring around the site's grid
/// square, each ring's sites in order of distance.
///
/// **Early exit.** Let R be the largest distance from the site s to a corner of its current
/// cell C. A site t at distance d from s bounds the half-plane whose line is the bisector of
/// s and t, at distance d/2 from s. When d ≥ 2R every point p of C has |p − s| ≤ R ≤ d/2,
/// and so |p − t| ≥ |t − s| − |p − s| ≥ d − d/2 = d/2 ≥ |p − s| (triangle inequality): all of
/// C is on s's side and t cuts nothing. A site in grid ring r + 1 or beyond is at least r·g
/// from s (g the grid step: the rings in between are r squares wide), so once r·g ≥ 2R no
/// remaining site can cut, and the search stops; within the rings searched, a site with
/// d ≥ 2R is skipped. R only shrinks as the cell is clipped, so the tests stay valid.
/// With about one site per grid square, a cell takes a constant number of rings on
/// evenly spread sites, and the whole computation is about linear.
///
/// Each edge of a cell remembers what made it: the index of the neighbour whose bisector it
/// lies on, or ``boundary`` for an edge of the boundary — the map strokes the edges between
/// cells of different zones and the boundary itself.
struct VoronoiCells {
    /// A convex polygon, corners in order; `edges[k]` made the edge from `corners[k]` to the next.
    struct Cell: Sendable, Hashable {
        var corners: [PlanePoint]
        var edges: [Int]
    }

    /// The label of an edge on the boundary.
    static let boundary = -1

    /// The cells of `sites` (distinct points) clipped to the convex polygon `boundary`
    /// (corners in order, either orientation), one per site in order; a site outside the
    /// boundary gets what is left of its region inside it, possibly nothing.
    static func cells(of sites: [PlanePoint], within boundary: [PlanePoint]) -> [Cell] {
        guard !sites.isEmpty, boundary.count >= 3 else { return sites.map { _ in Cell(corners: [], edges: []) } }
        let grid = SiteGrid(sites)
        let start = Cell(corners: boundary, edges: Array(repeating: Self.boundary, count: boundary.count))
        return sites.indices.map { cell(of: $0, sites: sites, grid: grid, start: start) }
    }

    private static func cell(of index: Int, sites: [PlanePoint], grid: SiteGrid, start: Cell) -> Cell {
        let site = sites[index]
        var cell = start
        var reach = cell.corners.reduce(0) { max($0, $1.squaredDistance(to: site)) }   // R²
        let (column, row) = grid.square(of: site)
        var ring = 0
        var candidates: [(distance: Double, index: Int)] = []
        while ring <= grid.maxRing {
            // Every site not yet seen is at least (ring − 1)·g away.
            let bound = Double(max(ring - 1, 0)) * grid.step
            if bound * bound >= 4 * reach { break }
            candidates.removeAll(keepingCapacity: true)
            grid.forEachSite(inRing: ring, aroundColumn: column, row: row) { other in
                if other != index { candidates.append((sites[other].squaredDistance(to: site), other)) }
            }
            candidates.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.index < $1.index }
            for candidate in candidates {
                guard candidate.distance < 4 * reach else { break }
                cell = clip(cell, keepingNearer: site, than: sites[candidate.index], label: candidate.index)
                guard !cell.corners.isEmpty else { return cell }
                reach = cell.corners.reduce(0) { max($0, $1.squaredDistance(to: site)) }
            }
            ring += 1
        }
        return cell
    }

    /// `cell` cut to the points no farther from `site` than from `other`; the new edge is
    /// labelled `label`. Corners closer together than a billionth of the distance between
    /// the two sites are merged.
    static func clip(_ cell: Cell, keepingNearer site: PlanePoint, than other: PlanePoint, label: Int) -> Cell {
        // f(p) = (p − m)·(t − s) with m the midpoint: ≤ 0 on the site's side.
        let nx = other.x - site.x, ny = other.y - site.y
        let mx = (site.x + other.x) / 2, my = (site.y + other.y) / 2
        func side(_ p: PlanePoint) -> Double { (p.x - mx) * nx + (p.y - my) * ny }
        let count = cell.corners.count
        guard cell.corners.contains(where: { side($0) > 0 }) else { return cell }
        let tolerance = 1e-18 * (nx * nx + ny * ny)
        var corners: [PlanePoint] = [], edges: [Int] = []
        corners.reserveCapacity(count + 1)
        edges.reserveCapacity(count + 1)
        // Appends a corner and the edge leaving it; a corner on top of the last one (an edge
        // of no length: the cuts of grid-like sites pass through corners) is not added, and
        // the last corner's edge becomes the one leaving the new corner.
        func add(_ point: PlanePoint, _ edge: Int, to corners: inout [PlanePoint], _ edges: inout [Int]) {
            if let last = corners.last, last.squaredDistance(to: point) <= tolerance {
                edges[edges.count - 1] = edge
            } else {
                corners.append(point)
                edges.append(edge)
            }
        }
        var fa = side(cell.corners[0])
        for k in 0..<count {
            let a = cell.corners[k], b = cell.corners[k + 1 == count ? 0 : k + 1]
            let fb = side(b)
            let edge = cell.edges[k]
            if fa <= 0 {
                add(a, edge, to: &corners, &edges)
                if fb > 0 { add(crossing(a, b, fa, fb), label, to: &corners, &edges) }
            } else if fb <= 0 {
                add(crossing(a, b, fa, fb), edge, to: &corners, &edges)
            }
            fa = fb
        }
        // The same between the last corner and the first: drop the last and its edge.
        if corners.count > 1, corners[corners.count - 1].squaredDistance(to: corners[0]) <= tolerance {
            corners.removeLast()
            edges.removeLast()
        }
        return corners.count >= 3 ? Cell(corners: corners, edges: edges) : Cell(corners: [], edges: [])
    }

    private static func crossing(_ a: PlanePoint, _ b: PlanePoint, _ fa: Double, _ fb: Double) -> PlanePoint {
        let t = fa / (fa - fb)
        return PlanePoint(x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y))
    }
}

/// Sites bucketed in a uniform grid of about one site per square, for the nearest-first search.
struct SiteGrid {
    let minX: Double, minY: Double, step: Double
    let columns: Int, rows: Int
    /// The sites of each square, row-major.
    private let buckets: [[Int]]

    /// The largest ring that still meets the grid from any square.
    var maxRing: Int { max(columns, rows) }

    init(_ sites: [PlanePoint]) {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for site in sites {
            minX = min(minX, site.x); maxX = max(maxX, site.x)
            minY = min(minY, site.y); maxY = max(maxY, site.y)
        }
        let width = max(maxX - minX, 1e-9), height = max(maxY - minY, 1e-9)
        // About one site per square; at most 1,024 squares a side.
        var step = (width * height / Double(max(sites.count, 1))).squareRoot()
        step = max(step, max(width, height) / 1_024, 1e-9)
        self.minX = minX
        self.minY = minY
        self.step = step
        columns = min(Int(width / step) + 1, 1_025)
        rows = min(Int(height / step) + 1, 1_025)
        var buckets = [[Int]](repeating: [], count: columns * rows)
        for (index, site) in sites.enumerated() {
            let column = min(max(Int((site.x - minX) / step), 0), columns - 1)
            let row = min(max(Int((site.y - minY) / step), 0), rows - 1)
            buckets[row * columns + column].append(index)
        }
        self.buckets = buckets
    }

    /// The square of `point`, clamped to the grid.
    func square(of point: PlanePoint) -> (column: Int, row: Int) {
        (min(max(Int((point.x - minX) / step), 0), columns - 1), min(max(Int((point.y - minY) / step), 0), rows - 1))
    }

    /// Calls `body` with each site in the squares `ring` steps (Chebyshev) from (column, row).
    func forEachSite(inRing ring: Int, aroundColumn column: Int, row: Int, _ body: (Int) -> Void) {
        func visit(_ c: Int, _ r: Int) {
            guard c >= 0, c < columns, r >= 0, r < rows else { return }
            for site in buckets[r * columns + c] { body(site) }
        }
        guard ring > 0 else { visit(column, row); return }
        for c in (column - ring)...(column + ring) {
            visit(c, row - ring)
            visit(c, row + ring)
        }
        for r in (row - ring + 1)..<(row + ring) {
            visit(column - ring, r)
            visit(column + ring, r)
        }
    }
}
