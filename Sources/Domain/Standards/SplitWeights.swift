/// Per-student weights that split a combined school's whole-school facilities between its
/// stages (一贯制学校、完全中学的分学段折算).
///
/// A stage's share of a facility total A is `w_s·n_s / Σ_t w_t·n_t` over the school's stages,
/// with n the enrollment of each stage. Example (official-methods §4B): a 九年一贯制 school with
/// 166 primary and 210 junior students and 23 226 books gives the primary stage
/// 166 / (166 + 1.1·210) = 0.418136 of them, 9711.63 books.
public struct SplitWeights: Sendable, Hashable, Codable {
    /// Weights per school type and stage, e.g. `nine_year: {primary: 1, junior: 1.1}`.
    public var weights: [SchoolType: [Stage: Double]]

    public init(_ weights: [SchoolType: [Stage: Double]]) {
        self.weights = weights
    }

    public init(from decoder: any Decoder) throws {
        let raw = try [String: [String: Double]](from: decoder)
        var weights: [SchoolType: [Stage: Double]] = [:]
        for (typeKey, stages) in raw {
            guard let type = SchoolType(rawValue: typeKey) else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: decoder.codingPath,
                    debugDescription: "unknown school type '\(typeKey)' in split_weights"))
            }
            var byStage: [Stage: Double] = [:]
            for (stageKey, weight) in stages {
                guard let stage = Stage(rawValue: stageKey), weight > 0 else {
                    throw DecodingError.dataCorrupted(.init(
                        codingPath: decoder.codingPath,
                        debugDescription: "split_weights.\(typeKey): '\(stageKey)' must be a stage with a positive weight"))
                }
                byStage[stage] = weight
            }
            weights[type] = byStage
        }
        self.weights = weights
    }

    public func encode(to encoder: any Encoder) throws {
        var raw: [String: [String: Double]] = [:]
        for (type, stages) in weights {
            raw[type.rawValue] = Dictionary(uniqueKeysWithValues: stages.map { ($0.key.rawValue, $0.value) })
        }
        try raw.encode(to: encoder)
    }

    /// The share of `school`'s whole-school facilities that belongs to `stage`; 1 for a
    /// single-stage school, 0 when the stage has no students.
    public func share(of stage: Stage, in school: borrowing SchoolYear) -> Double {
        guard school.type.canHave(stage) else { return 0 }
        let stages = school.type.possibleStages
        guard stages.count > 1 else { return 1 }
        let typeWeights = weights[school.type] ?? [:]
        var total = 0.0
        var own = 0.0
        for s in stages {
            let weighted = Double(school.students(in: s) ?? 0) * (typeWeights[s] ?? 1)
            total += weighted
            if s == stage { own = weighted }
        }
        return total > 0 ? own / total : 0
    }
}
