import Domain
import Foundation
@testable import Reports
import Testing

/// The zone map: the Voronoi cells (each holds its block, a grid's cells are its squares,
/// together they tile the hull exactly, the early exit agrees with clipping by every site),
/// the zones' colours and outlines, the basemap's tiles, and a sound, escaped, deterministic
/// document that stays fast for a county of 5,000 blocks.
@Suite("Zone map")
struct ZoneMapTests {
    typealias F = HTMLReportFixture

    /// Reproducible pseudo-random numbers in [0, 1) (a 64-bit LCG's top bits).
    struct Numbers {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    static func randomSites(_ count: Int, seed: UInt64, width: Double = 600, height: Double = 400) -> [PlanePoint] {
        var numbers = Numbers(state: seed)
        return Array(Set((0..<count).map { _ in PlanePoint(x: numbers.next() * width, y: numbers.next() * height) })).sorted { $0.x < $1.x }
    }

    /// Whether `point` is in the convex polygon `corners` (either orientation), up to `slack` pixels.
    static func contains(_ corners: [PlanePoint], _ point: PlanePoint, slack: Double = 1e-9) -> Bool {
        guard corners.count >= 3 else { return false }
        var positive = false, negative = false
        for k in corners.indices {
            let a = corners[k], b = corners[(k + 1) % corners.count]
            let length = a.squaredDistance(to: b).squareRoot()
            guard length > 0 else { continue }
            let signed = PlanePoint.cross(a, b, point) / length
            if signed > slack { positive = true }
            if signed < -slack { negative = true }
        }
        return !(positive && negative)
    }

    static func county(blocks count: Int, schools: Int, seed: UInt64 = 7) -> ZoneMap {
        var numbers = Numbers(state: seed)
        let schoolList = (0..<schools).map { index in
            ZoneMap.School(code: "S\(index)", name: "第\(index)小学", location: Coordinate(longitude: 117.8 + numbers.next() * 0.6, latitude: 31.0 + numbers.next() * 0.4))
        }
        let blocks = (0..<count).map { index -> ZoneMap.Block in
            let place = Coordinate(longitude: 117.8 + numbers.next() * 0.6, latitude: 31.0 + numbers.next() * 0.4)
            // The nearest school's zone (in degrees: enough for a test), every 50th unplaced.
            let zone = schoolList.indices.min {
                pow(schoolList[$0].location.longitude - place.longitude, 2) + pow(schoolList[$0].location.latitude - place.latitude, 2)
                    < pow(schoolList[$1].location.longitude - place.longitude, 2) + pow(schoolList[$1].location.latitude - place.latitude, 2)
            }
            return ZoneMap.Block(id: "B\(index)", name: "片区\(index)", location: place, children: Int(numbers.next() * 400), zone: index % 50 == 0 ? nil : zone)
        }
        return ZoneMap(blocks: blocks, schools: schoolList, options: .init(title: "小学学区"))
    }

    @Test func everyCellHoldsItsSiteAndTheCellsTileTheHull() {
        let sites = Self.randomSites(2_000, seed: 3)
        let hull = PlanePoint.convexHull(sites.flatMap { [$0, PlanePoint(x: $0.x + 5, y: $0.y + 5)] })
        let cells = VoronoiCells.cells(of: sites, within: hull)
        for (site, cell) in zip(sites, cells) { #expect(Self.contains(cell.corners, site), "\(site)") }
        let total = cells.reduce(0) { $0 + PlanePoint.area($1.corners) }
        #expect(abs(total - PlanePoint.area(hull)) <= 1e-9 * PlanePoint.area(hull), "\(total) against \(PlanePoint.area(hull))")
    }

    @Test func theEarlyExitCutsWhatEverySiteWouldCut() {
        let sites = Self.randomSites(300, seed: 11)
        let hull = PlanePoint.convexHull(sites)
        let cells = VoronoiCells.cells(of: sites, within: hull)
        for (index, site) in sites.enumerated() {
            var full = VoronoiCells.Cell(corners: hull, edges: hull.map { _ in VoronoiCells.boundary })
            for (other, point) in sites.enumerated() where other != index {
                full = VoronoiCells.clip(full, keepingNearer: site, than: point, label: other)
            }
            #expect(abs(PlanePoint.area(full.corners) - PlanePoint.area(cells[index].corners)) <= 1e-9 * PlanePoint.area(hull))
            #expect(Set(full.edges) == Set(cells[index].edges), "site \(index): the same neighbours")
        }
    }

    @Test func theCellsOfAGridAreItsSquaresClippedToTheBoundary() {
        let sites = (0..<3).flatMap { row in (0..<4).map { column in PlanePoint(x: 10 * Double(column) + 5, y: 10 * Double(row) + 5) } }
        for (boundary, clip) in [((0.0, 0.0, 40.0, 30.0), false), ((2.0, 3.0, 37.0, 26.0), true)] {
            let (x0, y0, x1, y1) = boundary
            let rectangle = [PlanePoint(x: x0, y: y0), PlanePoint(x: x1, y: y0), PlanePoint(x: x1, y: y1), PlanePoint(x: x0, y: y1)]
            let cells = VoronoiCells.cells(of: sites, within: rectangle)
            for (site, cell) in zip(sites, cells) {
                let square = (max(site.x - 5, x0), max(site.y - 5, y0), min(site.x + 5, x1), min(site.y + 5, y1))
                #expect(cell.corners.count == 4, "\(site) clipped \(clip): \(cell.corners)")
                let xs = cell.corners.map(\.x), ys = cell.corners.map(\.y)
                #expect(abs(xs.min()! - square.0) < 1e-12 && abs(ys.min()! - square.1) < 1e-12)
                #expect(abs(xs.max()! - square.2) < 1e-12 && abs(ys.max()! - square.3) < 1e-12)
                #expect(abs(PlanePoint.area(cell.corners) - (square.2 - square.0) * (square.3 - square.1)) < 1e-9)
            }
        }
    }

    @Test func theMapsCellsHoldTheirBlocksTileTheBufferedHullAndOnlyZoneEdgesAreStroked() throws {
        let map = Self.county(blocks: 800, schools: 9)
        let layout = ZoneMapLayout(map)
        #expect(layout.sites.count == 800)
        for (site, cell) in zip(layout.sites, layout.cells) { #expect(Self.contains(cell.corners, site)) }
        let hullArea = PlanePoint.area(layout.hull)
        #expect(abs(layout.cells.reduce(0) { $0 + PlanePoint.area($1.corners) } - hullArea) <= 1e-9 * hullArea)
        // Every place is inside the hull, at least the buffer from its edge.
        for point in layout.blockPoints.map(\.point) + layout.schoolPoints.map(\.point) {
            #expect(Self.contains(layout.hull, point, slack: -ZoneMap.buffer * 0.9))
        }
        // Neighbouring zones have different colours.
        for (site, cell) in layout.cells.enumerated() {
            for other in cell.edges where other >= 0 {
                let (a, b) = (layout.siteZone[site], layout.siteZone[other])
                if a >= 0, b >= 0, a != b { #expect(layout.zoneColours[a] != layout.zoneColours[b]) }
            }
        }
        // The outline path has one segment per edge between zones (drawn once) or on the hull.
        let svg = map.svg()
        let outline = try #require(svg.range(of: "class=\"zone-edges\"").map { String(svg[$0.upperBound...].prefix { $0 != "/" }) })
        let expected = layout.cells.enumerated().reduce(0) { sum, pair in
            sum + pair.element.edges.filter { $0 == VoronoiCells.boundary || ($0 > pair.offset && layout.siteZone[$0] != layout.siteZone[pair.offset]) }.count
        }
        #expect(F.count("M", in: outline) == expected)
        #expect(expected < layout.cells.reduce(0) { $0 + $1.edges.count } / 2, "edges inside a zone are not stroked")
        #expect(F.count("class=\"zone\"", in: svg) == 9 && F.count("class=\"zone unplaced\"", in: svg) == 1)
    }

    @Test func blocksAtOnePlaceShareACellOfTheZoneWithMostChildren() {
        let place = Coordinate(longitude: 118, latitude: 31)
        let map = ZoneMap(blocks: [
            .init(id: "a", name: "a", location: place, children: 10, zone: 0),
            .init(id: "b", name: "b", location: place, children: 30, zone: 1),
            .init(id: "c", name: "c", location: Coordinate(longitude: 118.1, latitude: 31), children: 5, zone: 0),
        ], schools: [.init(code: "S0", name: "甲", location: place), .init(code: "S1", name: "乙", location: Coordinate(longitude: 118.05, latitude: 31.02))],
        options: .init(title: "t"))
        let layout = ZoneMapLayout(map)
        #expect(layout.sites.count == 2 && layout.siteZone == [1, 0])
        expectSound(map.svg(), title: "t")
    }

    /// What every map document must be: XML, accessible, no NaN or infinity.
    func expectSound(_ svg: String, title: String) {
        #expect(F.xmlError(svg) == nil, "\(svg.prefix(2_000))")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("<title>\(Markup.escape(title))</title>"))
        for bad in ["nan", "NaN", "inf", "Inf"] { #expect(!svg.contains(bad), "\(bad)") }
    }

    @Test func theDocumentIsDeterministicEscapedAndLeavesImpossiblePlacesOut() {
        let text = #"<script>alert("x&y")</script>"#
        var map = Self.county(blocks: 200, schools: 5)
        map.blocks[3].name = text
        map.schools[1].name = text
        map.options = .init(title: text, tileURLTemplate: "https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&LAYER=vec&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=<KEY>\"",
                            schoolLabel: text, blockLabel: text, unplacedLabel: text)
        let placed = map.blocks.count
        for (index, place) in [(Double.nan, 31.0), (118.0, .infinity), (181.0, 31.0), (118.0, -90.5)].enumerated() {
            map.blocks.append(.init(id: "X\(index)", name: "无处", location: Coordinate(longitude: place.0, latitude: place.1), children: 5, zone: 0))
        }
        map.schools.append(.init(code: "SX", name: "无处学校", location: Coordinate(longitude: .nan, latitude: .nan)))
        let svg = map.svg()
        expectSound(svg, title: text)
        #expect(svg == map.svg())
        #expect(svg == ZoneMap(blocks: map.blocks, schools: map.schools, options: map.options).svg())
        #expect(!svg.contains("<script"))
        #expect(svg.contains(Markup.escape(text)))
        #expect(F.count("<circle cx", in: svg) == placed + 1, "the blocks placed and the legend's dot")
        #expect(!svg.contains("无处"))
        #expect(svg.contains("<image href=\"https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&amp;LAYER=vec&amp;TILEMATRIX="))
        #expect(svg.contains("&amp;tk=&lt;KEY&gt;&quot;\""))
        #expect(svg.contains("<g class=\"cells\" opacity=\"0.55\">"), "cells over a basemap are half transparent")
    }

    @Test func tilesCoverThePlotAtTheZoomOfTheMap() throws {
        var map = Self.county(blocks: 100, schools: 4)
        map.options.tileURLTemplate = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
        let layout = ZoneMapLayout(map)
        let frame = (x: 7.0, y: 33.0, width: 626.0, height: layout.plotHeight + 14)
        let tiles = layout.tiles(template: map.options.tileURLTemplate, frame: frame)
        try #require(!tiles.isEmpty)
        // About 0.6° of longitude over ~600 pixels: zoom 10 draws tiles of ~256 pixels.
        let zoom = WebMercator.zoom(pixelsPerUnit: layout.scale)
        #expect(tiles.allSatisfy { $0.size > 181 && $0.size < 363 })
        #expect(tiles.allSatisfy { $0.address.hasPrefix("https://tile.openstreetmap.org/\(zoom)/") })
        // Together they cover the frame.
        #expect(tiles.map(\.x).min()! <= frame.x && tiles.map { $0.x + $0.size }.max()! >= frame.x + frame.width)
        #expect(tiles.map(\.y).min()! <= frame.y && tiles.map { $0.y + $0.size }.max()! >= frame.y + frame.height)
        // The tile under a block holds it: tile (x, y) at zoom z covers [x, x+1)/2^z of the unit square.
        let block = map.blocks[0].location
        let unit = WebMercator.unit(longitude: block.longitude, latitude: block.latitude)
        let name = "/\(zoom)/\(Int(unit.x * Double(1 << zoom)))/\(Int(unit.y * Double(1 << zoom))).png"
        let tile = try #require(tiles.first { $0.address.hasSuffix(name) })
        let point = try #require(layout.blockPoints.first { $0.index == 0 }).point
        #expect(point.x >= tile.x && point.x <= tile.x + tile.size && point.y >= tile.y && point.y <= tile.y + tile.size)
        // No basemap from an address a browser would run.
        map.options.tileURLTemplate = "javascript:alert(1)//{z}{x}{y}"
        #expect(!map.svg().contains("<image"))
        map.options.tileURLTemplate = nil
        #expect(!map.svg().contains("<image") && map.svg().contains("<g class=\"cells\">"))
    }

    @Test func emptyAndSinglePlaceMapsStillDraw() {
        let empty = ZoneMap(blocks: [], schools: [], options: .init(title: "空"))
        expectSound(empty.svg(), title: "空")
        let one = ZoneMap(blocks: [.init(id: "B", name: "b", location: Coordinate(longitude: 118, latitude: 31), children: 0, zone: nil)],
                          schools: [], options: .init(title: "一"))
        let svg = one.svg()
        expectSound(svg, title: "一")
        #expect(svg.contains("class=\"zone unplaced\"") && svg.contains(" km</text>"))
    }

    /// 5,000 blocks and 60 schools: the figure is printed (the report quotes it).
    @Test func aCountyOfFiveThousandBlocksDrawsFast() {
        let map = Self.county(blocks: 5_000, schools: 60)
        let clock = ContinuousClock()
        var svg = ""
        let elapsed = clock.measure { svg = map.svg() }
        print("zone map: 5,000 blocks, 60 schools: \(elapsed), \(svg.utf8.count) bytes")
        #expect(F.count("<circle cx", in: svg) == 5_001)
        #expect(elapsed < .seconds(3), "debug build on a shared machine; see the printed figure")
    }
}
