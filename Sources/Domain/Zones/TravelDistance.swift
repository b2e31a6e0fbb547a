/// A measured way from a residential block to a school or site: one row of the `distances`
/// file. Listed pairs override the great-circle estimate (see ``DistanceModel``).
public struct TravelDistance: Sendable, Hashable {
    /// The block id (片区编号).
    public var from: String
    /// A school code (学校标识码) or a site id (布点编号).
    public var to: String
    /// The length of the way in km, or the time it takes in minutes.
    public var measure: Measure

    /// How far a pair is: km on the way, or minutes of travel.
    public enum Measure: Sendable, Hashable {
        /// 距离 in km.
        case kilometres(Double)
        /// 用时 in minutes.
        case minutes(Double)
    }

    public init(from: String, to: String, measure: Measure) {
        self.from = from
        self.to = to
        self.measure = measure
    }
}
