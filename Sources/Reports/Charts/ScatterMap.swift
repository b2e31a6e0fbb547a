import Foundation
import Domain
import Interchange

/// Points placed by longitude and latitude in an equirectangular projection whose x axis is
/// shrunk by cos(latitude) at the points' middle latitude — at county scale this keeps
/// distances true in both directions. Each point belongs to a category with its colour and
/// shape (shapes keep categories apart in black-and-white print); a legend and a kilometre
/// scale bar are drawn below. Areas (an enrollment zone, a township) are closed rings of
/// places, filled lightly in their category's colour under the points.
public struct ScatterMap: Sendable, Hashable {
    /// A marker shape.
    public enum Shape: String, Sendable, Hashable {
        case circle, square, triangle
    }

    /// A kind of point, e.g. schools that pass.
    public struct Category: Sendable, Hashable {
        /// The legend text.
        public var label: String
        /// The fill colour (a CSS colour).
        public var color: String
        /// The marker shape.
        public var shape: Shape

        public init(label: String, color: String, shape: Shape = .circle) {
            self.label = label
            self.color = color
            self.shape = shape
        }
    }

    /// One place.
    public struct Point: Sendable, Hashable {
        /// Degrees east.
        public var longitude: Double
        /// Degrees north.
        public var latitude: Double
        /// An index into ``ScatterMap/categories``; others draw as grey circles.
        public var category: Int
        /// A tooltip, e.g. the school's name.
        public var label: String?

        public init(longitude: Double, latitude: Double, category: Int, label: String? = nil) {
            self.longitude = longitude
            self.latitude = latitude
            self.category = category
            self.label = label
        }
    }

    /// A closed ring of places, drawn as a lightly filled outline.
    public struct Area: Sendable, Hashable {
        /// The tooltip, e.g. the zone's name.
        public var label: String
        /// The corners in order; the ring closes itself. Corners with impossible coordinates are
        /// left out, and an area of fewer than three is not drawn.
        public var ring: [Coordinate]
        /// An index into ``ScatterMap/categories``; others draw grey.
        public var category: Int

        public init(label: String, ring: [Coordinate], category: Int) {
            self.label = label
            self.ring = ring
            self.category = category
        }
    }

    /// The accessible name, also drawn above the map.
    public var title: String
    /// The categories, in legend order.
    public var categories: [Category]
    /// The points; those with impossible coordinates are left out.
    public var points: [Point]
    /// The areas, drawn in order under the points.
    public var areas: [Area]
    /// The map's width in pixels.
    public var width: Double
    /// The plot's largest height in pixels; the map is as tall as its aspect asks, up to this.
    public var maxHeight: Double

    public init(
        title: String, categories: [Category], points: [Point], areas: [Area] = [], width: Double = 640, maxHeight: Double = 440
    ) {
        self.title = title
        self.categories = categories
        self.points = points
        self.areas = areas
        self.width = width
        self.maxHeight = maxHeight
    }

    static let margin = 14.0
    static let legendHeight = 28.0
    static let size = 4.5
    static let kilometresPerDegree = 111.32

    /// The points that can be placed.
    var placeable: [Point] {
        points.filter { Self.isPlace($0.longitude, $0.latitude) }
    }

    /// Each area's corners that can be placed; areas of fewer than three left out.
    var placeableAreas: [(area: Area, ring: [Coordinate])] {
        areas.map { ($0, $0.ring.filter { Self.isPlace($0.longitude, $0.latitude) }) }.filter { $0.ring.count >= 3 }
    }

    static func isPlace(_ longitude: Double, _ latitude: Double) -> Bool {
        longitude.isFinite && latitude.isFinite && abs(latitude) <= 90 && abs(longitude) <= 180
    }

    /// The projection: a point's (x, y) in the SVG, the plot's height and pixels per degree
    /// of latitude.
    struct Projection {
        var west: Double, north: Double, shrink: Double, pixelsPerDegree: Double
        var left: Double, top: Double, plotHeight: Double

        func place(_ longitude: Double, _ latitude: Double) -> (x: Double, y: Double) {
            (left + (longitude - west) * shrink * pixelsPerDegree, top + (north - latitude) * pixelsPerDegree)
        }
    }

    var projection: Projection {
        // Everything drawn fits: the points and the areas' corners.
        let placed = placeable.map { Coordinate(longitude: $0.longitude, latitude: $0.latitude) } + placeableAreas.flatMap(\.ring)
        let plotWidth = width - 2 * Self.margin
        let top = ChartLayout.titleHeight + Self.margin
        guard let first = placed.first else {
            return Projection(west: 0, north: 0, shrink: 1, pixelsPerDegree: 1, left: Self.margin, top: top, plotHeight: maxHeight / 2)
        }
        var west = first.longitude, east = first.longitude, south = first.latitude, north = first.latitude
        for point in placed {
            west = min(west, point.longitude); east = max(east, point.longitude)
            south = min(south, point.latitude); north = max(north, point.latitude)
        }
        let shrink = max(cos((south + north) / 2 * .pi / 180), 0.01)
        let spanX = (east - west) * shrink, spanY = north - south
        // One place (or all in one spot) has no extent: show about 10 km around it.
        let fitX = spanX > 0 ? plotWidth / spanX : .infinity
        let fitY = spanY > 0 ? maxHeight / spanY : .infinity
        var pixelsPerDegree = min(fitX, fitY)
        if !pixelsPerDegree.isFinite { pixelsPerDegree = plotWidth / 0.1 }
        let usedWidth = spanX * pixelsPerDegree
        let plotHeight = max(spanY * pixelsPerDegree, 60)
        return Projection(
            west: west, north: north + (plotHeight - spanY * pixelsPerDegree) / 2 / pixelsPerDegree, shrink: shrink,
            pixelsPerDegree: pixelsPerDegree, left: Self.margin + (plotWidth - usedWidth) / 2, top: top, plotHeight: plotHeight)
    }

    /// The map as an SVG document.
    public func svg() -> String {
        let projection = projection
        let placed = placeable
        let plotBottom = projection.top + projection.plotHeight + Self.margin
        let height = plotBottom + Self.legendHeight
        var out = ""
        out.reserveCapacity(800 + placed.count * 160 + areas.reduce(0) { $0 + 120 + $1.ring.count * 16 })
        let document = SVGDocument(width: width, height: height, title: title, description: nil, kind: "scatter-map")
        document.open(into: &out)
        SVGDocument.text(title, x: 4, y: 16, attributes: "font-weight=\"bold\" font-size=\"13\"", into: &out)
        out.append("<rect x=\"\(Markup.number(Self.margin / 2))\" y=\"\(Markup.number(ChartLayout.titleHeight + Self.margin / 2))\" width=\"\(Markup.number(width - Self.margin))\" height=\"\(Markup.number(plotBottom - ChartLayout.titleHeight - Self.margin / 2))\" fill=\"#f7f7f4\" stroke=\"\(ChartPalette.grid)\"/>")
        for (area, ring) in placeableAreas {
            let colour = Markup.escape(categories.indices.contains(area.category) ? categories[area.category].color : ChartPalette.unknown)
            let corners = ring.map { corner in
                let (x, y) = projection.place(corner.longitude, corner.latitude)
                return "\(Markup.number(x)),\(Markup.number(y))"
            }.joined(separator: " ")
            out.append("<polygon class=\"area\" points=\"\(corners)\" fill=\"\(colour)\" fill-opacity=\"0.15\" stroke=\"\(colour)\" stroke-width=\"1\"><title>")
            out.appendEscaped(area.label)
            out.append("</title></polygon>")
        }
        for point in placed {
            let (x, y) = projection.place(point.longitude, point.latitude)
            let category = categories.indices.contains(point.category) ? categories[point.category] : nil
            Self.marker(
                category?.shape ?? .circle, x: x, y: y, size: Self.size, color: category?.color ?? ChartPalette.unknown,
                attributes: "class=\"point\" stroke=\"#ffffff\" stroke-width=\"0.8\"", label: point.label, into: &out)
        }
        var x = Self.margin
        let y = plotBottom + 14
        for category in categories {
            Self.marker(category.shape, x: x + 5, y: y - 4, size: Self.size, color: category.color, attributes: "", label: nil, into: &out)
            SVGDocument.text(category.label, x: x + 14, y: y, attributes: "fill=\"\(ChartPalette.ink)\"", into: &out)
            x += 30 + TextMetrics.width(category.label, fontSize: 12)
        }
        if !placed.isEmpty || !placeableAreas.isEmpty { scaleBar(projection, y: y, into: &out) }
        document.close(into: &out)
        return out
    }

    /// A bar of a round number of kilometres at the bottom right.
    func scaleBar(_ projection: Projection, y: Double, into out: inout String) {
        let kilometresPerPixel = Self.kilometresPerDegree / projection.pixelsPerDegree
        let scale = ChartScale(covering: kilometresPerPixel * width / 6, ticks: 1)
        let length = scale.upper / kilometresPerPixel
        guard length.isFinite, length > 0 else { return }
        let right = width - Self.margin, left = right - length
        out.append("<path d=\"M\(Markup.number(left)) \(Markup.number(y - 6))V\(Markup.number(y - 2))H\(Markup.number(right))V\(Markup.number(y - 6))\" fill=\"none\" stroke=\"\(ChartPalette.ink)\"/>")
        SVGDocument.text(Decimals.compact(scale.upper) + " km", x: left - 4, y: y,
                         attributes: "text-anchor=\"end\" font-size=\"10\" fill=\"\(ChartPalette.ink)\"", into: &out)
    }

    /// Appends a marker of `shape` centred on (x, y), with an optional tooltip.
    static func marker(_ shape: Shape, x: Double, y: Double, size: Double, color: String, attributes: String, label: String?, into out: inout String) {
        let extra = attributes.isEmpty ? "" : " " + attributes
        let fill = " fill=\"" + Markup.escape(color) + "\""
        switch shape {
        case .circle:
            out.append("<circle cx=\"\(Markup.number(x))\" cy=\"\(Markup.number(y))\" r=\"\(Markup.number(size))\"\(fill)\(extra)")
        case .square:
            out.append("<rect x=\"\(Markup.number(x - size))\" y=\"\(Markup.number(y - size))\" width=\"\(Markup.number(2 * size))\" height=\"\(Markup.number(2 * size))\"\(fill)\(extra)")
        case .triangle:
            let r = size * 1.25
            out.append("<path d=\"M\(Markup.number(x)) \(Markup.number(y - r))L\(Markup.number(x + r)) \(Markup.number(y + r * 0.8))L\(Markup.number(x - r)) \(Markup.number(y + r * 0.8))Z\"\(fill)\(extra)")
        }
        if let label {
            out.append("><title>")
            out.appendEscaped(label)
            out.append("</title></")
            out.append(shape == .circle ? "circle>" : shape == .square ? "rect>" : "path>")
        } else {
            out.append("/>")
        }
    }
}
