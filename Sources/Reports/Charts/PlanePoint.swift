/// A point of the drawing plane (SVG pixels, y down), for the map's geometry.
struct PlanePoint: Sendable, Hashable {
    var x: Double, y: Double

    static func - (a: PlanePoint, b: PlanePoint) -> PlanePoint { PlanePoint(x: a.x - b.x, y: a.y - b.y) }

    /// The square of the distance to `other`.
    func squaredDistance(to other: PlanePoint) -> Double {
        let dx = x - other.x, dy = y - other.y
        return dx * dx + dy * dy
    }

    /// The z of the cross product (b − a) × (c − a): > 0 when a, b, c turn counter-clockwise
    /// in a y-up frame.
    static func cross(_ a: PlanePoint, _ b: PlanePoint, _ c: PlanePoint) -> Double {
        (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
    }

    /// The convex hull of `points` (Andrew's monotone chain), corners in order without
    /// collinear ones; one or two points when that is all there is, none for none.
    static func convexHull(_ points: [PlanePoint]) -> [PlanePoint] {
        let sorted = Array(Set(points)).sorted { $0.x != $1.x ? $0.x < $1.x : $0.y < $1.y }
        guard sorted.count > 2 else { return sorted }
        var lower: [PlanePoint] = [], upper: [PlanePoint] = []
        for point in sorted {
            while lower.count >= 2, cross(lower[lower.count - 2], lower[lower.count - 1], point) <= 0 { lower.removeLast() }
            lower.append(point)
        }
        for point in sorted.reversed() {
            while upper.count >= 2, cross(upper[upper.count - 2], upper[upper.count - 1], point) <= 0 { upper.removeLast() }
            upper.append(point)
        }
        return Array(lower.dropLast() + upper.dropLast())
    }

    /// The area of the polygon with `corners` in order (shoelace formula), ≥ 0.
    static func area(_ corners: [PlanePoint]) -> Double {
        guard corners.count > 2 else { return 0 }
        var twice = 0.0
        for index in corners.indices {
            let a = corners[index], b = corners[(index + 1) % corners.count]
            twice += a.x * b.y - b.x * a.y
        }
        return abs(twice) / 2
    }
}
