import Domain
import Foundation

/// The enrollment zones (学区) on a map: each zone the union of its blocks' Voronoi cells,
/// clipped to the convex hull of every block and school (buffered by a few pixels), filled
/// in its zone's colour — neighbouring zones never share one while the palette lasts — with
/// only the edges between different zones and the hull's outline stroked, so each zone reads
/// as one area; blocks outside every zone (未划片) grey and hatched. Blocks are dots whose area
/// grows with their children; schools are squares with their names, a name left out where it
/// would cover another (the marker's tooltip still names it). A legend and a km scale bar
/// are drawn below.
///
/// The projection is Web Mercator (``WebMercator``), so that with a tile address template
/// the tiles of a basemap (天地图, OpenStreetMap) are drawn under the cells, which are then
/// half transparent; offline the images do not load and the map reads the same without
/// them. Everything is computed here from the values (no I/O); the same values give the same
/// document, byte for byte. Places with impossible coordinates (non-finite, off the globe)
/// are left out.
///
/// The cells are computed in the drawing's plane, where Mercator is conformal: at a county's
/// scale (tens of km) the cells differ from geodesic ones by far less than a pixel's worth.
///
/// ```swift
/// let map = ZoneMap(blocks: [.init(id: "B1", name: "东村", location: place, children: 120, zone: 0)],
///                   schools: [.init(code: "S1", name: "城关小学", location: school)],
///                   options: .init(title: "小学学区", tileURLTemplate: "https://tile.openstreetmap.org/{z}/{x}/{y}.png"))
/// let svg = map.svg()
/// ```
public struct ZoneMap: Sendable, Hashable {
    /// A residential block (居住片区) and the zone it is in.
    public struct Block: Sendable, Hashable {
        /// 片区编号
        public var id: String
        /// 片区名称, the dot's tooltip.
        public var name: String
        /// Where it is.
        public var location: Coordinate
        /// 适龄儿童数 of the stage drawn: the dot's area.
        public var children: Int
        /// The index in ``ZoneMap/schools`` of the school it is zoned to; `nil` (or an index out
        /// of range) when unplaced (未划片).
        public var zone: Int?

        public init(id: String, name: String, location: Coordinate, children: Int, zone: Int?) {
            self.id = id
            self.name = name
            self.location = location
            self.children = children
            self.zone = zone
        }
    }

    /// A zoned school: a zone's centre and its name.
    public struct School: Sendable, Hashable {
        /// 学校标识码
        public var code: String
        /// 学校名称, drawn next to the marker.
        public var name: String
        /// Where it is.
        public var location: Coordinate

        public init(code: String, name: String, location: Coordinate) {
            self.code = code
            self.name = name
            self.location = location
        }
    }

    /// The title, the basemap, the legend's words and the size.
    public struct Options: Sendable, Hashable {
        /// The accessible name, also drawn above the map.
        public var title: String
        /// A tile address with `{z}`, `{x}` and `{y}` (Web Mercator tiles), e.g.
        /// `https://tile.openstreetmap.org/{z}/{x}/{y}.png`; `nil` for no basemap. Only http and
        /// https addresses are drawn.
        public var tileURLTemplate: String?
        /// The legend's words for the school markers, the block dots and unplaced blocks.
        public var schoolLabel: String, blockLabel: String, unplacedLabel: String
        /// The map's width in pixels.
        public var width: Double
        /// The plot's largest height in pixels; the map is as tall as its aspect asks, up to this.
        public var maxHeight: Double

        public init(title: String, tileURLTemplate: String? = nil, schoolLabel: String = "学校",
                    blockLabel: String = "居住片区（点的大小表示适龄儿童数）", unplacedLabel: String = "未划片",
                    width: Double = 640, maxHeight: Double = 440) {
            self.title = title
            self.tileURLTemplate = tileURLTemplate
            self.schoolLabel = schoolLabel
            self.blockLabel = blockLabel
            self.unplacedLabel = unplacedLabel
            self.width = width
            self.maxHeight = maxHeight
        }
    }

    public var blocks: [Block]
    public var schools: [School]
    public var options: Options

    public init(blocks: [Block], schools: [School], options: Options) {
        self.blocks = blocks
        self.schools = schools
        self.options = options
    }

    static let margin = 14.0
    /// The hull's buffer around the outermost places, in pixels.
    static let buffer = 10.0
    static let legendHeight = 28.0
    /// The largest block dot's radius; a block without children is a dot of ``smallestDot``.
    static let largestDot = 6.0, smallestDot = 1.2
    /// Zone fills: light enough for the dots and names on top, distinct for colour-blind
    /// readers where possible, never red (which means "fails") and never grey (unplaced).
    static let zoneColours = [
        "#8dd3c7", "#ffffb3", "#bebada", "#80b1d3", "#fdb462", "#b3de69", "#fccde5", "#ccebc5", "#bc80bd", "#ffed6f",
    ]
    static let unplacedColour = "#d6d6d6"
    /// The most tiles drawn (a map of 640 pixels needs about 20).
    static let maximumTiles = 64

    /// The map as an SVG document.
    public func svg() -> String {
        let layout = ZoneMapLayout(self)
        var out = ""
        out.reserveCapacity(2_000 + layout.sites.count * 220 + blocks.count * 120)
        let width = options.width
        let plotBottom = layout.top + layout.plotHeight + Self.margin
        let height = plotBottom + Self.legendHeight
        let document = SVGDocument(width: width, height: height, title: options.title, description: nil, kind: "zone-map")
        document.open(into: &out)
        let id = layout.identifier
        let frameTop = ChartLayout.titleHeight + Self.margin / 2
        let frame = (x: Self.margin / 2, y: frameTop, width: width - Self.margin, height: plotBottom - frameTop)
        out.append("<defs><clipPath id=\"\(id)-frame\"><rect x=\"\(Markup.number(frame.x))\" y=\"\(Markup.number(frame.y))\" width=\"\(Markup.number(frame.width))\" height=\"\(Markup.number(frame.height))\"/></clipPath>")
        out.append("<pattern id=\"\(id)-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"\(Self.unplacedColour)\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#8a8a8a\" stroke-width=\"1.5\"/></pattern></defs>")
        SVGDocument.text(options.title, x: 4, y: 16, attributes: "font-weight=\"bold\" font-size=\"13\"", into: &out)
        out.append("<rect x=\"\(Markup.number(frame.x))\" y=\"\(Markup.number(frame.y))\" width=\"\(Markup.number(frame.width))\" height=\"\(Markup.number(frame.height))\" fill=\"#f7f7f4\" stroke=\"\(ChartPalette.grid)\"/>")
        let tiles = layout.tiles(template: options.tileURLTemplate, frame: frame)
        if !tiles.isEmpty {
            out.append("<g class=\"tiles\" clip-path=\"url(#\(id)-frame)\">")
            for tile in tiles {
                out.append("<image href=\"")
                out.appendEscaped(tile.address)
                out.append("\" x=\"\(Markup.number(tile.x))\" y=\"\(Markup.number(tile.y))\" width=\"\(Markup.number(tile.size))\" height=\"\(Markup.number(tile.size))\" preserveAspectRatio=\"none\"/>")
            }
            out.append("</g>")
        }
        drawCells(layout, basemap: !tiles.isEmpty, into: &out)
        drawBlocks(layout, into: &out)
        drawSchools(layout, into: &out)
        drawLegend(layout, y: plotBottom + 14, into: &out)
        document.close(into: &out)
        return out
    }

    /// The cells, one path per zone (then the unplaced ones), and the zones' outlines.
    func drawCells(_ layout: ZoneMapLayout, basemap: Bool, into out: inout String) {
        guard !layout.sites.isEmpty else { return }
        // Over a basemap the whole layer is half transparent (as a group, so that the cells'
        // own strokes, which hide hairline gaps between cells, do not darken where they meet).
        out.append(basemap ? "<g class=\"cells\" opacity=\"0.55\">" : "<g class=\"cells\">")
        let colours = layout.zoneColours
        var sitesOfZone = [[Int]](repeating: [], count: schools.count + 1)   // zone + 1: the unplaced first
        for site in layout.sites.indices { sitesOfZone[layout.siteZone[site] + 1].append(site) }
        for zone in layout.drawnZones {
            let colour = zone < 0 ? "url(#\(layout.identifier)-hatch)" : colours[zone]
            let edge = zone < 0 ? Self.unplacedColour : colours[zone]
            out.append("<path class=\"\(zone < 0 ? "zone unplaced" : "zone")\" fill=\"\(colour)\" stroke=\"\(edge)\" stroke-width=\"0.6\" d=\"")
            for site in sitesOfZone[zone + 1] {
                let corners = layout.cells[site].corners
                guard let first = corners.first else { continue }
                out.append("M\(Markup.number(first.x)) \(Markup.number(first.y))")
                for corner in corners.dropFirst() { out.append("L\(Markup.number(corner.x)) \(Markup.number(corner.y))") }
                out.append("Z")
            }
            out.append("\"><title>")
            out.appendEscaped(zone < 0 ? options.unplacedLabel : schools[zone].name)
            out.append("</title></path>")
        }
        out.append("</g><path class=\"zone-edges\" fill=\"none\" stroke=\"\(ChartPalette.ink)\" stroke-width=\"1.6\" stroke-linecap=\"round\" d=\"")
        for site in layout.sites.indices {
            let cell = layout.cells[site]
            for k in cell.corners.indices {
                let neighbour = cell.edges[k]
                let outline = neighbour == VoronoiCells.boundary
                    || (neighbour > site && layout.siteZone[neighbour] != layout.siteZone[site])
                guard outline else { continue }
                let a = cell.corners[k], b = cell.corners[(k + 1) % cell.corners.count]
                out.append("M\(Markup.number(a.x)) \(Markup.number(a.y))L\(Markup.number(b.x)) \(Markup.number(b.y))")
            }
        }
        out.append("\"/>")
    }

    /// A dot per block, its area in proportion to its children.
    func drawBlocks(_ layout: ZoneMapLayout, into out: inout String) {
        guard !layout.blockPoints.isEmpty else { return }
        let most = layout.blockPoints.reduce(0) { max($0, blocks[$1.index].children) }
        out.append("<g class=\"blocks\" fill=\"\(ChartPalette.ink)\" fill-opacity=\"0.6\">")
        for (index, point) in layout.blockPoints {
            let block = blocks[index]
            let radius = most > 0 ? max(Self.smallestDot, Self.largestDot * (Double(max(block.children, 0)) / Double(most)).squareRoot()) : Self.smallestDot
            out.append("<circle cx=\"\(Markup.number(point.x))\" cy=\"\(Markup.number(point.y))\" r=\"\(Markup.number(radius))\"><title>")
            out.appendEscaped("\(block.name)（\(block.id)）：\(block.children)")
            out.append("</title></circle>")
        }
        out.append("</g>")
    }

    /// The schools' markers, then the names that fit.
    func drawSchools(_ layout: ZoneMapLayout, into out: inout String) {
        guard !layout.schoolPoints.isEmpty else { return }
        out.append("<g class=\"schools\">")
        for (index, point) in layout.schoolPoints {
            ScatterMap.marker(.square, x: point.x, y: point.y, size: 4, color: ChartPalette.ink,
                              attributes: "stroke=\"#ffffff\" stroke-width=\"1.2\"", label: schools[index].name, into: &out)
        }
        out.append("</g><g class=\"school-names\" fill=\"\(ChartPalette.ink)\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">")
        for label in layout.schoolLabels() {
            SVGDocument.text(label.text, x: label.x, y: label.y,
                             attributes: "font-size=\"\(Markup.number(label.fontSize))\"\(label.anchorEnd ? " text-anchor=\"end\"" : "")", into: &out)
        }
        out.append("</g>")
    }

    /// The legend (school, block, unplaced) and the scale bar.
    func drawLegend(_ layout: ZoneMapLayout, y: Double, into out: inout String) {
        var x = Self.margin
        ScatterMap.marker(.square, x: x + 5, y: y - 4, size: 4, color: ChartPalette.ink, attributes: "", label: nil, into: &out)
        SVGDocument.text(options.schoolLabel, x: x + 14, y: y, attributes: "fill=\"\(ChartPalette.ink)\"", into: &out)
        x += 30 + TextMetrics.width(options.schoolLabel, fontSize: 12)
        out.append("<circle cx=\"\(Markup.number(x + 5))\" cy=\"\(Markup.number(y - 4))\" r=\"3.5\" fill=\"\(ChartPalette.ink)\" fill-opacity=\"0.6\"/>")
        SVGDocument.text(options.blockLabel, x: x + 14, y: y, attributes: "fill=\"\(ChartPalette.ink)\"", into: &out)
        x += 30 + TextMetrics.width(options.blockLabel, fontSize: 12)
        if layout.drawnZones.first == -1 {
            out.append("<rect x=\"\(Markup.number(x))\" y=\"\(Markup.number(y - 10))\" width=\"12\" height=\"12\" fill=\"url(#\(layout.identifier)-hatch)\" stroke=\"#8a8a8a\"/>")
            SVGDocument.text(options.unplacedLabel, x: x + 16, y: y, attributes: "fill=\"\(ChartPalette.ink)\"", into: &out)
        }
        guard let kilometresPerPixel = layout.kilometresPerPixel, kilometresPerPixel > 0 else { return }
        let scale = ChartScale(covering: kilometresPerPixel * options.width / 6, ticks: 1)
        let length = scale.upper / kilometresPerPixel
        guard length.isFinite, length > 0 else { return }
        let right = options.width - Self.margin, left = right - length
        out.append("<path d=\"M\(Markup.number(left)) \(Markup.number(y - 6))V\(Markup.number(y - 2))H\(Markup.number(right))V\(Markup.number(y - 6))\" fill=\"none\" stroke=\"\(ChartPalette.ink)\"/>")
        SVGDocument.text(Decimals.compact(scale.upper) + " km", x: left - 4, y: y,
                         attributes: "text-anchor=\"end\" font-size=\"10\" fill=\"\(ChartPalette.ink)\"", into: &out)
    }
}
