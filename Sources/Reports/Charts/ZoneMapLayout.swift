import Foundation

/// Where everything of a ``ZoneMap`` goes: the projection onto the plot, the places, the
/// hull, the cells and their zones, the zones' colours, the tiles and the school names.
struct ZoneMapLayout {
    /// The plot's top and height, in pixels.
    let top: Double, plotHeight: Double
    /// Pixels per unit of the Web Mercator square, and the pixel where the unit point (0, 0) falls.
    let scale: Double, originX: Double, originY: Double
    /// The blocks and schools that can be placed, with their points.
    let blockPoints: [(index: Int, point: PlanePoint)], schoolPoints: [(index: Int, point: PlanePoint)]
    /// The distinct block points (blocks at one point share a cell), their cells and zones
    /// (−1: unplaced).
    let sites: [PlanePoint], cells: [VoronoiCells.Cell], siteZone: [Int]
    /// The hull the cells fill.
    let hull: [PlanePoint]
    /// The zones that have a cell, ascending (−1 first).
    let drawnZones: [Int]
    /// Each school's zone colour.
    let zoneColours: [String]
    /// km per pixel at the places' middle latitude; `nil` when nothing is placed.
    let kilometresPerPixel: Double?
    /// A prefix for the document's ids, the same for the same map (two maps on one page
    /// differ unless they draw the same).
    let identifier: String
    private let map: ZoneMap

    init(_ map: ZoneMap) {
        self.map = map
        let options = map.options
        let left = ZoneMap.margin, plotWidth = options.width - 2 * ZoneMap.margin
        top = ChartLayout.titleHeight + ZoneMap.margin
        let blockUnits = map.blocks.indices.compactMap { index -> (Int, PlanePoint)? in
            let place = map.blocks[index].location
            return ScatterMap.isPlace(place.longitude, place.latitude) ? (index, WebMercator.unit(longitude: place.longitude, latitude: place.latitude)) : nil
        }
        let schoolUnits = map.schools.indices.compactMap { index -> (Int, PlanePoint)? in
            let place = map.schools[index].location
            return ScatterMap.isPlace(place.longitude, place.latitude) ? (index, WebMercator.unit(longitude: place.longitude, latitude: place.latitude)) : nil
        }
        let units = blockUnits.map(\.1) + schoolUnits.map(\.1)
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for unit in units {
            minX = min(minX, unit.x); maxX = max(maxX, unit.x)
            minY = min(minY, unit.y); maxY = max(maxY, unit.y)
        }
        let buffer = ZoneMap.buffer
        var scale: Double
        if units.isEmpty {
            (minX, maxX, minY, maxY) = (0, 0, 0, 0)
            scale = 1
            kilometresPerPixel = nil
        } else {
            let spanX = maxX - minX, spanY = maxY - minY
            let fitX = spanX > 0 ? (plotWidth - 2 * buffer) / spanX : .infinity
            let fitY = spanY > 0 ? (options.maxHeight - 2 * buffer) / spanY : .infinity
            let middle = WebMercator.latitude(atY: (minY + maxY) / 2)
            let perUnit = WebMercator.kilometresPerUnit(atLatitude: middle)
            scale = min(fitX, fitY)
            // One place (or all in one spot) has no extent: show about 10 km around it.
            if !scale.isFinite { scale = (plotWidth - 2 * buffer) / (10 / perUnit) }
            kilometresPerPixel = perUnit / scale
        }
        let plotHeight = max((maxY - minY) * scale + 2 * buffer, 60)
        self.plotHeight = plotHeight
        self.scale = scale
        originX = left + (plotWidth - (maxX - minX) * scale) / 2 - minX * scale
        originY = top + (plotHeight - (maxY - minY) * scale) / 2 - minY * scale
        let (ox, oy) = (originX, originY)
        func pixel(_ unit: PlanePoint) -> PlanePoint { PlanePoint(x: ox + unit.x * scale, y: oy + unit.y * scale) }
        blockPoints = blockUnits.map { ($0.0, pixel($0.1)) }
        schoolPoints = schoolUnits.map { ($0.0, pixel($0.1)) }

        // Distinct sites; a site's zone is that of its blocks with the most children
        // (the first such block's on a tie).
        var siteIndex: [PlanePoint: Int] = [:]
        var sites: [PlanePoint] = []
        var best: [(children: Int, zone: Int)] = []
        for (index, point) in blockPoints {
            let block = map.blocks[index]
            let zone = block.zone.flatMap { map.schools.indices.contains($0) ? $0 : nil } ?? -1
            if let site = siteIndex[point] {
                if block.children > best[site].children { best[site] = (block.children, zone) }
            } else {
                siteIndex[point] = sites.count
                sites.append(point)
                best.append((block.children, zone))
            }
        }
        self.sites = sites
        siteZone = best.map(\.zone)
        // The hull of every place, buffered: each corner of the first hull widened to an
        // octagon of radius `buffer`, and the hull taken again.
        let corners = PlanePoint.convexHull(blockPoints.map(\.point) + schoolPoints.map(\.point))
        let octagon = (0..<8).map { k in (cos(Double(k) * .pi / 4 + .pi / 8) * buffer, sin(Double(k) * .pi / 4 + .pi / 8) * buffer) }
        hull = corners.isEmpty ? [] : PlanePoint.convexHull(corners.flatMap { corner in octagon.map { PlanePoint(x: corner.x + $0.0, y: corner.y + $0.1) } })
        cells = VoronoiCells.cells(of: sites, within: hull)
        drawnZones = Set(siteZone).sorted()
        zoneColours = Self.colours(zoneCount: map.schools.count, cells: cells, siteZone: siteZone)
        identifier = Self.identifier(of: map)
    }

    /// A colour per zone such that zones whose cells share an edge differ (greedy colouring,
    /// most neighbours first; when every colour is taken around a zone — not seen on real
    /// maps with ten — the one least used by its neighbours).
    static func colours(zoneCount: Int, cells: [VoronoiCells.Cell], siteZone: [Int]) -> [String] {
        var neighbours = [Set<Int>](repeating: [], count: zoneCount)
        for (site, cell) in cells.enumerated() {
            let zone = siteZone[site]
            guard zone >= 0 else { continue }
            for other in cell.edges where other >= 0 {
                let otherZone = siteZone[other]
                if otherZone >= 0, otherZone != zone {
                    neighbours[zone].insert(otherZone)
                    neighbours[otherZone].insert(zone)
                }
            }
        }
        let palette = ZoneMap.zoneColours
        var colour = [Int](repeating: -1, count: zoneCount)
        let degree = neighbours.map(\.count)
        let order = (0..<zoneCount).sorted { (a: Int, b: Int) -> Bool in degree[a] != degree[b] ? degree[a] > degree[b] : a < b }
        for zone in order {
            var used = [Int](repeating: 0, count: palette.count)
            for other in neighbours[zone] where colour[other] >= 0 { used[colour[other]] += 1 }
            let leastUsed = used.indices.min { (a: Int, b: Int) -> Bool in used[a] != used[b] ? used[a] < used[b] : a < b } ?? 0
            colour[zone] = used.firstIndex(of: 0) ?? leastUsed
        }
        return colour.map { palette[$0] }
    }

    /// `zm` and 8 hex digits of an FNV-1a hash of the title and the places' ids and zones.
    static func identifier(of map: ZoneMap) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hash = (hash ^ 0xff) &* 0x100_0000_01b3
        }
        mix(map.options.title)
        for block in map.blocks { mix(block.id); mix(block.zone.map(String.init) ?? "-") }
        for school in map.schools { mix(school.code) }
        return "zm" + String(String(hash, radix: 16).suffix(8))
    }

    /// A basemap tile to draw: its address and square.
    struct Tile {
        var address: String
        var x: Double, y: Double, size: Double
    }

    /// The tiles of `template` covering `frame` at the zoom nearest to the map's scale; none
    /// without a template, with one that is not an http(s) address, or with nothing placed.
    func tiles(template: String?, frame: (x: Double, y: Double, width: Double, height: Double)) -> [Tile] {
        guard let template, WebMercator.isTileTemplate(template), !sites.isEmpty || !schoolPoints.isEmpty else { return [] }
        let zoom = WebMercator.zoom(pixelsPerUnit: scale)
        let count = 1 << zoom
        let size = scale / Double(count)
        // The unit square's part under the frame, in tiles.
        let first = (x: (frame.x - originX) / size, y: (frame.y - originY) / size)
        let last = (x: (frame.x + frame.width - originX) / size, y: (frame.y + frame.height - originY) / size)
        guard [first.x, first.y, last.x, last.y].allSatisfy({ $0.isFinite && abs($0) < 1e9 }) else { return [] }
        let (column0, column1) = (Int(first.x.rounded(.down)), Int(last.x.rounded(.down)))
        let (row0, row1) = (max(Int(first.y.rounded(.down)), 0), min(Int(last.y.rounded(.down)), count - 1))
        guard column0 <= column1, row0 <= row1, (column1 - column0 + 1) * (row1 - row0 + 1) <= ZoneMap.maximumTiles else { return [] }
        let columns = column0...column1, rows = row0...row1
        var tiles: [Tile] = []
        for row in rows {
            for column in columns {
                let wrapped = ((column % count) + count) % count
                // A quarter pixel of overlap hides the seams browsers leave between images.
                tiles.append(Tile(address: WebMercator.tileAddress(template, z: zoom, x: wrapped, y: row),
                                  x: originX + Double(column) * size, y: originY + Double(row) * size, size: size + 0.25))
            }
        }
        return tiles
    }

    /// A school's name where it is drawn.
    struct Label {
        var text: String
        var x: Double, y: Double, fontSize: Double
        var anchorEnd: Bool
    }

    /// The schools' names, each right or left of its marker, above or below it, at 11 or
    /// 9 pixels — the first place that covers no name already placed and stays in the plot;
    /// a name with no such place is left out. The schools with the most children in their
    /// zones are placed first.
    func schoolLabels() -> [Label] {
        var children = [Int](repeating: 0, count: map.schools.count)
        for (index, _) in blockPoints {
            if let zone = map.blocks[index].zone, children.indices.contains(zone) { children[zone] += max(map.blocks[index].children, 0) }
        }
        let order = schoolPoints.sorted { (a: (index: Int, point: PlanePoint), b: (index: Int, point: PlanePoint)) -> Bool in
            children[a.index] != children[b.index] ? children[a.index] > children[b.index] : a.index < b.index
        }
        let left = ZoneMap.margin / 2, right = map.options.width - ZoneMap.margin / 2
        let topEdge = top - ZoneMap.margin / 2, bottom = top + plotHeight + ZoneMap.margin / 2
        var placed: [(x0: Double, y0: Double, x1: Double, y1: Double)] = []
        var labels: [Label] = []
        for (index, point) in order {
            search: for fontSize in [11.0, 9.0] {
                let text = TextMetrics.fitted(map.schools[index].name, fontSize: fontSize, maximum: 140)
                let width = TextMetrics.width(text, fontSize: fontSize)
                let places: [(x: Double, y: Double, anchorEnd: Bool)] = [
                    (point.x + 7, point.y + fontSize * 0.35, false), (point.x - 7, point.y + fontSize * 0.35, true),
                    (point.x - width / 2, point.y - 7, false), (point.x - width / 2, point.y + 7 + fontSize * 0.8, false),
                ]
                for place in places {
                    let x0 = place.anchorEnd ? place.x - width : place.x
                    let box = (x0: x0, y0: place.y - fontSize * 0.85, x1: x0 + width, y1: place.y + fontSize * 0.2)
                    guard box.x0 >= left, box.x1 <= right, box.y0 >= topEdge, box.y1 <= bottom else { continue }
                    let covers = placed.contains { $0.x0 < box.x1 && box.x0 < $0.x1 && $0.y0 < box.y1 && box.y0 < $0.y1 }
                    guard !covers else { continue }
                    placed.append(box)
                    labels.append(Label(text: text, x: place.x, y: place.y, fontSize: fontSize, anchorEnd: place.anchorEnd))
                    break search
                }
            }
        }
        return labels
    }
}
