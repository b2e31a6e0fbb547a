/// The combinatorial half of the plan: which indicator each unit leaves between the floor and
/// the threshold (the school rule's one exception, "余项不低于85%").
///
/// Only a unit's *deficient* indicators are worth exempting (exempting a met one changes no
/// requirement), and exempting one never costs more than exempting none (requirements only
/// fall), so a unit with one deficient indicator exempts it and a unit with several chooses
/// among them. The cost is a sum of independent terms, one per stage and indicator ("slot"),
/// each depending on the set of units exempted there.
///
/// - **Exhaustive** when the choices multiply to at most `limit`: depth-first branch and bound,
///   bounding a partial choice by letting every undecided unit exempt all its candidates at
///   once (every term is monotone in the requirements, so this never overestimates).
/// - **Otherwise** coordinate descent from each unit's preferred choice: move one unit's
///   exception at a time while that lowers the total, until no move does.
struct ExemptionSearch {
    /// Per unit, the indicators it may exempt, best guess first.
    var choices: [[Int]]
    /// The slot of (unit, indicator).
    var slot: (_ unit: Int, _ indicator: Int) -> Int
    /// The number of slots.
    var slotCount: Int
    /// A slot's cost with the given units exempted (sorted unit indices).
    var cost: (_ slot: Int, _ exempted: [Int]) -> Double

    struct Result {
        /// Per unit, the indicator exempted, if any.
        var exempted: [Int?]
        /// Σ slot costs.
        var value: Double
        /// Whether every choice was considered.
        var isExhaustive: Bool
    }

    func run(limit: Int) -> Result {
        var leaves = 1.0
        for options in choices where options.count > 1 { leaves *= Double(options.count) }
        return leaves <= Double(limit) ? exhaustive() : descent()
    }

    private func total(_ members: [[Int]]) -> Double {
        members.indices.reduce(0) { $0 + cost($1, members[$1]) }
    }

    private func members(of exempted: [Int?]) -> [[Int]] {
        var members = Array(repeating: [Int](), count: slotCount)
        for unit in exempted.indices {
            if let k = exempted[unit] { members[slot(unit, k)].append(unit) }
        }
        return members
    }

    private func exhaustive() -> Result {
        let branching = choices.indices.filter { choices[$0].count > 1 }
        var exempted: [Int?] = choices.map { $0.count == 1 ? $0[0] : nil }
        var best = exempted.indices.map { choices[$0].first }
        var bestValue = total(members(of: best))

        func bound(depth: Int) -> Double {
            var members = members(of: exempted)
            for unit in branching[depth...] {
                for k in choices[unit] { members[slot(unit, k)].append(unit) }
            }
            for i in members.indices { members[i].sort() }
            return total(members)
        }
        func visit(_ depth: Int) {
            if depth == branching.count {
                let value = total(members(of: exempted))
                if value < bestValue { bestValue = value; best = exempted }
                return
            }
            guard bound(depth: depth) < bestValue - 1e-9 * max(1, bestValue) else { return }
            let unit = branching[depth]
            for k in choices[unit] {
                exempted[unit] = k
                visit(depth + 1)
            }
            exempted[unit] = nil
        }
        visit(0)
        return Result(exempted: best, value: bestValue, isExhaustive: true)
    }

    private func descent() -> Result {
        var exempted = choices.map(\.first)
        var members = members(of: exempted)
        var costs = members.indices.map { cost($0, members[$0]) }
        var improved = true
        var passes = 0
        while improved, passes < 20 {
            improved = false
            passes += 1
            for unit in choices.indices where choices[unit].count > 1 {
                let current = exempted[unit]!
                let from = slot(unit, current)
                let without = members[from].filter { $0 != unit }
                let withoutCost = cost(from, without)
                var bestMove: (k: Int, slot: Int, members: [Int], cost: Double, saving: Double)?
                for k in choices[unit] where k != current {
                    let to = slot(unit, k)
                    let with = (members[to] + [unit]).sorted()
                    let withCost = cost(to, with)
                    let saving = costs[from] + costs[to] - withoutCost - withCost
                    if saving > 1e-9 * max(1, costs[from] + costs[to]), saving > (bestMove?.saving ?? 0) {
                        bestMove = (k, to, with, withCost, saving)
                    }
                }
                if let move = bestMove {
                    exempted[unit] = move.k
                    members[from] = without
                    costs[from] = withoutCost
                    members[move.slot] = move.members
                    costs[move.slot] = move.cost
                    improved = true
                }
            }
        }
        return Result(exempted: exempted, value: costs.reduce(0, +), isExhaustive: false)
    }
}
