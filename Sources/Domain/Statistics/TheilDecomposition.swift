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

    /// Decomposes `sample` by `groupOf(i)` for each observation i, listing groups in the
    /// order of `order` (groups without observations are left out). `nil` when X̄ is 0.
    public init?(_ sample: WeightedSample, order: [Group], groupOf: (Int) -> Group) {
        guard let total = sample.theil, sample.mean > 0 else { return nil }
        var members: [Group: ([Double], [Double])] = [:]
        for i in sample.values.indices {
            members[groupOf(i), default: ([], [])].0.append(sample.values[i])
            members[groupOf(i), default: ([], [])].1.append(sample.weights[i])
        }
        let resource = sample.mean * sample.totalWeight
        var between = 0.0
        var within = 0.0
        var parts: [GroupPart] = []
        for group in order {
            guard let (values, weights) = members[group] else { continue }
            let part = WeightedSample(values: values, weights: weights)
            let share = part.mean * part.totalWeight / resource
            let theil = part.theil ?? 0
            if share > 0 {
                between += share * log(part.mean / sample.mean)
                within += share * theil
            }
            parts.append(GroupPart(group: group, weight: part.totalWeight, mean: part.mean, theil: theil, resourceShare: share))
        }
        self.total = total
        self.between = between
        self.within = within
        self.groups = parts
    }
}
