import Domain
import Foundation
import Planning
import Storage

/// A county's school clusters in a year (学区/教育集团/教育联盟): each evaluated as its own
/// grouping unit by the county's engine (``Domain/ClusterResult``), and the strong–weak pairing
/// proposal over the county's schools (``Planning/StrongWeakPairing``) — what the clusters
/// page shows.
public struct CountyClusters: Sendable {
    public var evaluation: CountyEvaluation
    public var clusters: [ClusterResult]
    public var pairs: [StrongWeakPairing.Pair]
    public var unpaired: [String]
    /// The teachers the clusters share this year (集团内互派), counted by the rotation plan's quotas.
    public var shared: [SharedTeacher]
    /// The pairing's bounds: the farthest pair, and the weak schools one strong school takes.
    public var maxKilometres: Double
    public var perStrong: Int

    /// The default pairing bounds: 15 km (a county's reach by school bus within half an hour)
    /// and two weak schools for a strong one.
    public static let defaultKilometres = 15.0
    public static let defaultPerStrong = 2

    /// Loads the county's year, its clusters, and works out both.
    public static func load(county: String, year: Int?, store: any Store, standard: Standard, work: any WorkRunner,
                            maxKilometres: Double = defaultKilometres, perStrong: Int = defaultPerStrong) async throws -> CountyClusters {
        let evaluation = try await EvaluateCounties(standard: standard).evaluate(county: county, year: year, store: store, work: work)
        let defined = try await store.clusters(county: county)
        let shared = try await store.sharedTeachers(county: county, year: evaluation.year)
        let schools = evaluation.schools, result = evaluation.result
        let (clusters, pairing) = try await work.run {
            (ClusterResult.evaluate(defined, schools: schools, evaluator: Evaluator(standard: standard)),
             StrongWeakPairing.propose(result, schools: schools, maxKilometres: maxKilometres, perStrong: perStrong))
        }
        return CountyClusters(evaluation: evaluation, clusters: clusters, pairs: pairing.pairs, unpaired: pairing.unpaired, shared: shared,
                              maxKilometres: maxKilometres, perStrong: perStrong)
    }
}
