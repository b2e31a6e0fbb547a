import Foundation

/// The Theil T index split into the part between groups and the part within them — here the
/// groups are 城区, 镇区 and 乡村, so a planner sees whether inequality is urban–rural or
/// inside each kind of place.
///
/// With s_g = P_g·X̄_g / (P·X̄) the group's share of the resource:
/// T = Σ_g s_g·T_g (within) + Σ_g s_g·ln(X̄_g/X̄) (between), exactly.
public struct TheilDecomposition<Group: Hashable & Sendable>: Sendable, Hashable {
    /// One group's part.
    public struct GroupPart: Sendable, Hashable {
        /// The group.
        public var group: Group
        /// Its total weight (students).
        public var weight: Double
        /// Its weighted mean X̄_g.
        public var mean: Double
        /// Its own Theil index T_g (0 when X̄_g is 0).
        public var theil: Double
        /// s_g, its share of the total resource.
        public var resourceShare: Double
    }

    /// The total T.
    public var total: Double
    /// Σ s_g·ln(X̄_g/X̄).
    public var between: Double
    /// Σ s_g·T_g.
    public var within: Double
    /// The groups, in the order given.
    public var groups: [GroupPart]

    /// Decomposes `sample` into the groups `order`, observation i belonging to
    /// `order[groupIndex(i)]`; groups without observations are left out. `nil` when X̄ is 0.
    public init?(_ sample: WeightedSample, order: [Group], groupIndex: (Int) -> Int) {
        guard let total = sample.theil, sample.mean > 0 else { return nil }
        // Two passes over the observations, no per-group arrays: sums first, then each
        // group's own Theil index around its mean.
        var weight = [Double](repeating: 0, count: order.count)
        var resource = [Double](repeating: 0, count: order.count)
        for i in sample.values.indices {
            let g = groupIndex(i)
            weight[g] += sample.weights[i]
            resource[g] += sample.weights[i] * sample.values[i]
        }
        var theil = [Double](repeating: 0, count: order.count)
        for i in sample.values.indices where sample.values[i] > 0 {
            let g = groupIndex(i)
            let r = sample.values[i] * weight[g] / resource[g]
            theil[g] += sample.weights[i] / weight[g] * r * log(r)
        }
        let totalResource = sample.mean * sample.totalWeight
        var between = 0.0
        var within = 0.0
        var parts: [GroupPart] = []
        for g in order.indices where weight[g] > 0 {
            let mean = resource[g] / weight[g]
            let share = resource[g] / totalResource
            if share > 0 {
                between += share * log(mean / sample.mean)
                within += share * theil[g]
            }
            parts.append(GroupPart(group: order[g], weight: weight[g], mean: mean, theil: theil[g], resourceShare: share))
        }
        self.total = total
        self.between = between
        self.within = within
        self.groups = parts
    }
}
