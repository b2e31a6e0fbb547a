/// A cluster evaluated as its own grouping unit, by the county's engine (``Evaluator``): each
/// stage's indicator values and 差异系数 over the cluster's schools alone, beside the county's
/// — where the cluster stands against the county, and how unequal it is inside.
///
/// Worked example (tested): three primary schools of a cluster with 400, 100 and 500 pupils and
/// 1,200, 200 and 2,500 m² of teaching rooms: 生均教学及辅助用房面积 3, 2 and 5 m²; the cluster
/// value ΣA/ΣP = 3,900 / 1,000 = 3.9; S = √((400·0.81 + 100·3.61 + 500·1.21) / 1,000) = √1.29
/// = 1.13578; CV = 1.13578 / 3.9 = 0.29122. A fourth school of the county outside the cluster,
/// 1,000 pupils in 6,100 m², makes the county value 10,000 / 2,000 = 5.0: the cluster is 1.1 m²
/// per pupil behind.
public struct ClusterResult: Sendable, Hashable {
    public var cluster: SchoolCluster
    /// The engine's result over the cluster's member rows.
    public var result: CountyResult

    /// The cluster's value of `indicator` in `stage` less the county's (`nil` when either is unknown).
    public func gap(stage: Stage, indicator: Int, county: CountyResult) -> Double? {
        guard let mine = result.stages.first(where: { $0.stage == stage })?.indicators.first(where: { $0.index == indicator })?.countyValue,
              let theirs = county.stages.first(where: { $0.stage == stage })?.indicators.first(where: { $0.index == indicator })?.countyValue
        else { return nil }
        return mine - theirs
    }

    /// Each cluster of `clusters` evaluated over its members among `schools` (the county's rows of a year).
    public static func evaluate(_ clusters: [SchoolCluster], schools: [SchoolYear], evaluator: Evaluator) -> [ClusterResult] {
        clusters.map { cluster in
            let members = Set(cluster.members)
            // A member's 教学点 count with it, as they do in the county's evaluation.
            let rows = schools.filter { members.contains($0.schoolCode) || ($0.parentSchoolCode.map(members.contains) ?? false) }
            return ClusterResult(cluster: cluster, result: evaluator.evaluateCounty(rows, facts: nil))
        }
    }
}
