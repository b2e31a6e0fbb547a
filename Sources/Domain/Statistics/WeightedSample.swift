import Foundation

/// Values observed with weights — in Junheng, units' indicator values weighted by their
/// enrollment. Every measure of dispersion here is the population (not sample) form over
/// the weights, as the official 差异系数 is.
///
/// The order of the observations never changes a result beyond floating-point rounding;
/// callers that need byte-identical output pass observations in a canonical order.
public struct WeightedSample: Sendable, Hashable {
    /// The observations X_i.
    public let values: [Double]
    /// Their weights P_i (enrollment), all > 0.
    public let weights: [Double]
    /// P = Σ P_i.
    public let totalWeight: Double
    /// X̄ = Σ (P_i/P)·X_i — for indicator values X_i = A_i/P_i this is ΣA_i / ΣP_i, the
    /// county value (县域值).
    public let mean: Double

    /// Creates a sample; `values` and `weights` have the same count and weights are > 0.
    public init(values: [Double], weights: [Double]) {
        precondition(values.count == weights.count, "one weight per value")
        self.values = values
        self.weights = weights
        var total = 0.0
        var weighted = 0.0
        for i in values.indices {
            total += weights[i]
            weighted += weights[i] * values[i]
        }
        totalWeight = total
        mean = total > 0 ? weighted / total : 0
    }

    /// Whether there is nothing to measure.
    public var isEmpty: Bool { values.isEmpty || totalWeight <= 0 }

    /// The weighted standard deviation S = √(Σ (P_i/P)·(X_i − X̄)²), dividing by P (not P−1).
    public var standardDeviation: Double {
        guard !isEmpty else { return 0 }
        var sum = 0.0
        for i in values.indices {
            let d = values[i] - mean
            sum += weights[i] * d * d
        }
        return (sum / totalWeight).squareRoot()
    }

    /// 差异系数: CV = S / X̄ (official-methods §1.3). `nil` when X̄ is 0 or there are no
    /// observations.
    ///
    /// Example (§4A, 生均图书册数): students 45, 37, 89, 76, 55 and books 279, 137, 935, 160,
    /// 402 give X̄ = 6.33444, S = 3.26386, CV = 0.51526. The unweighted forms (0.4888 and
    /// 0.5465) are not the official method.
    public var coefficientOfVariation: Double? {
        guard !isEmpty, mean != 0 else { return nil }
        return standardDeviation / mean
    }

    /// The smallest observation.
    public var minimum: Double? { values.min() }

    /// The largest observation.
    public var maximum: Double? { values.max() }

    /// Indices of the observations in ascending order of value (ties by position).
    var ascendingOrder: [Int] {
        values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
    }

    /// The weighted Gini coefficient (基尼系数) of the resource over the weight:
    /// G = 1 − Σ_i p_i·(L_{i−1} + L_i), with observations in ascending order, p_i = P_i/P the
    /// population share and L_i the cumulative share of the resource Σ P_i·X_i.
    /// 0 is perfect equality; `nil` when X̄ is 0.
    public var gini: Double? {
        guard !isEmpty, mean > 0 else { return nil }
        let totalResource = mean * totalWeight
        var sum = 0.0
        var previous = 0.0
        for i in ascendingOrder {
            let cumulative = previous + weights[i] * values[i] / totalResource
            sum += weights[i] / totalWeight * (previous + cumulative)
            previous = cumulative
        }
        return 1 - sum
    }

    /// The Theil T index (泰尔指数): T = Σ (P_i/P)·(X_i/X̄)·ln(X_i/X̄), with 0·ln 0 = 0.
    /// `nil` when X̄ is 0.
    public var theil: Double? {
        guard !isEmpty, mean > 0 else { return nil }
        var sum = 0.0
        for i in values.indices where values[i] > 0 {
            let r = values[i] / mean
            sum += weights[i] / totalWeight * r * log(r)
        }
        return sum
    }

    /// The McLoone index: the resource of the students below the weighted median divided by
    /// what they would have at the median, Σ_{X_i<m} P_i·X_i / (m·Σ_{X_i<m} P_i). 1 when no
    /// one is below the median; `nil` when there are no observations or the median is 0.
    public var mcloone: Double? {
        guard !isEmpty else { return nil }
        let order = ascendingOrder
        var cumulative = 0.0
        var median = values[order[order.count - 1]]
        for i in order {
            cumulative += weights[i]
            if cumulative >= totalWeight / 2 {
                median = values[i]
                break
            }
        }
        guard median > 0 else { return nil }
        var resource = 0.0
        var weight = 0.0
        for i in values.indices where values[i] < median {
            resource += weights[i] * values[i]
            weight += weights[i]
        }
        return weight > 0 ? resource / (median * weight) : 1
    }
}
