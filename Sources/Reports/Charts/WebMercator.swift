import Foundation

/// The Web Mercator projection (EPSG:3857) that tile services draw in, so a basemap's tiles
/// line up with what the map draws: a longitude and latitude as a point of the unit world
/// square, x east from −180° and y south from about 85.05° N (the latitude where the square
/// closes), and the tile grid — at zoom z, 2^z × 2^z tiles of 256 pixels, tile (x, y)
/// covering [x, x + 1)·2^−z × [y, y + 1)·2^−z of the square.
///
/// x = (λ + 180°) / 360°, y = (1 − asinh(tan φ) / π) / 2, φ clamped to ±85.0511°.
enum WebMercator {
    /// The latitude where the square closes (y = 0 or 1): atan(sinh π) in degrees.
    static let maximumLatitude = 85.051_128_779_806_59
    /// The equator's length in km (WGS 84), the world square's width at latitude 0.
    static let equatorKilometres = 40_075.016_686

    /// `longitude`, `latitude` (degrees) in the unit world square.
    static func unit(longitude: Double, latitude: Double) -> PlanePoint {
        let phi = min(max(latitude, -maximumLatitude), maximumLatitude) * .pi / 180
        return PlanePoint(x: (longitude + 180) / 360, y: (1 - asinh(tan(phi)) / .pi) / 2)
    }

    /// The latitude (degrees) at the unit square's `y`.
    static func latitude(atY y: Double) -> Double {
        atan(sinh(.pi * (1 - 2 * y))) * 180 / .pi
    }

    /// The km one unit of the square's width spans at `latitude`: the circle of latitude's
    /// length, as Mercator stretches it by 1 / cos φ.
    static func kilometresPerUnit(atLatitude latitude: Double) -> Double {
        equatorKilometres * cos(latitude * .pi / 180)
    }

    /// The zoom whose tiles, drawn at `pixelsPerUnit`, are nearest to 256 pixels (in
    /// log scale: between 181 and 362), within the services' 0…18.
    static func zoom(pixelsPerUnit: Double) -> Int {
        guard pixelsPerUnit.isFinite, pixelsPerUnit > 0 else { return 0 }
        return min(max(Int(log2(pixelsPerUnit / 256).rounded()), 0), 18)
    }

    /// `template` with `{z}`, `{x}` and `{y}` replaced by a tile's numbers (天地图's WMTS
    /// `TILEMATRIX={z}&TILEROW={y}&TILECOL={x}` and OpenStreetMap's `{z}/{x}/{y}.png` alike).
    static func tileAddress(_ template: String, z: Int, x: Int, y: Int) -> String {
        template.replacingOccurrences(of: "{z}", with: String(z))
            .replacingOccurrences(of: "{x}", with: String(x))
            .replacingOccurrences(of: "{y}", with: String(y))
    }

    /// Whether `template` is a web address a browser may load an image from: http or https
    /// only (never `javascript:` or `data:`), and no characters that end an attribute's
    /// meaning before escaping (the address is escaped anyway).
    static func isTileTemplate(_ template: String) -> Bool {
        let lower = template.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && !template.unicodeScalars.contains { $0.value < 0x20 }
    }
}
