import Domain
import Foundation

/// How far a residential block is from a school or site (距离), in km.
///
/// A pair listed in the distances file is taken from it (minutes become km at the rules' travel
/// speed, so one objective adds them up); any other pair is the great-circle distance × the
/// rules' detour factor when both ends have coordinates; otherwise it is unreachable (`nil`).
///
/// The great-circle distance is the haversine formula on a sphere of radius R = 6,371.0088 km
/// (the IUGG mean Earth radius):
///
///     d = 2R · asin √( sin²(Δφ/2) + cos φ₁ · cos φ₂ · sin²(Δλ/2) )
///
/// Worked example: Tiananmen (116.3975° E, 39.9087° N) to Shanghai's People's Square
/// (121.4737° E, 31.2304° N) is 1,068.14 km on the sphere; × 1.3 it is 1,388.58 km of road.
public struct DistanceModel: Sendable {
    /// The mean Earth radius, km.
    public static let earthRadius = 6371.0088

    private let listed: [String: [String: Double]]
    /// The rules' detour factor (road km per great-circle km).
    let detourFactor: Double

    /// The model of `distances` (the file's rows) under `rules`.
    public init(distances: [TravelDistance], rules: ZoningRules) {
        var listed: [String: [String: Double]] = [:]
        for row in distances {
            let km = switch row.measure {
            case .kilometres(let km): km
            case .minutes(let minutes): minutes / 60 * rules.travelSpeed
            }
            listed[row.from, default: [:]][row.to] = km
        }
        self.listed = listed
        detourFactor = rules.detourFactor
    }

    /// The km from `block` to the school or site `code` located at `place`, or nil when the
    /// pair is neither listed nor both located.
    public func kilometres(from block: ResidentialBlock, to code: String, at place: Coordinate?) -> Double? {
        if let km = listed[block.id]?[code] { return km }
        guard let a = block.location, let b = place else { return nil }
        return unlisted(a, b)
    }

    /// The km of a pair the file does not list: the great circle × the detour factor.
    func unlisted(_ a: Coordinate, _ b: Coordinate) -> Double {
        Self.greatCircle(a, b) * detourFactor
    }

    /// The places the file lists for `block` (school codes or site ids) and their km.
    public func listed(for block: ResidentialBlock) -> [String: Double] { listed[block.id] ?? [:] }

    /// The km along the sphere between two points (haversine).
    public static func greatCircle(_ a: Coordinate, _ b: Coordinate) -> Double {
        let radians = Double.pi / 180
        let φ1 = a.latitude * radians, φ2 = b.latitude * radians
        let dφ = φ2 - φ1, dλ = (b.longitude - a.longitude) * radians
        let h = sin(dφ / 2) * sin(dφ / 2) + cos(φ1) * cos(φ2) * sin(dλ / 2) * sin(dλ / 2)
        return 2 * earthRadius * asin(min(1, h.squareRoot()))
    }
}
