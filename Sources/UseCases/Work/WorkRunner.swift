/// Where a use case runs its CPU-heavy part — planning, a province's evaluations, reading a
/// large upload. The web server passes its bounded pool, so that its event loops keep
/// answering while a plan is made; the command runs it in place (``InlineWork``).
///
/// ```swift
/// let chosen = try await LoadCountyYear(store: store).choose(county: "430250", year: nil)
/// let plan = try await PlanInvestment(standard: standard).plan(chosen, budgets: nil, store: store, work: InlineWork())
/// ```
public protocol WorkRunner: Sendable {
    /// Runs `body` and returns what it returns; may refuse (a full pool) by throwing.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T
}
