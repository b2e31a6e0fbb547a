import Planning

extension RotationPlanDocument {
    /// A teacher indicator's 差异系数 in one stage before and after the plan.
    public struct CV: Codable, Sendable, Equatable {
        public var stage: String
        /// `qualified_teachers`, `backbone_teachers` or `pe_art_teachers`.
        public var resource: String
        public var before: Double?
        public var after: Double?

        init(_ change: TeacherIndicatorChange) {
            stage = change.stage.rawValue
            resource = change.resource.rawValue
            before = change.before?.finite
            after = change.after?.finite
        }
    }

    /// One step of the model (目标函数各项) and what it achieved.
    public struct ObjectiveTerm: Codable, Sendable, Equatable {
        public var step: String
        /// `nil` for a step over all stages.
        public var stage: String?
        public var swaps: Int
        /// What ``before`` and ``after`` measure; `nil` for principals and the quota.
        public var measure: String?
        public var before: Double?
        public var after: Double?
        public var kilometres: Double?
        /// The step's swaps were proven optimal for its model.
        public var optimal: Bool
        /// Teachers the step moved (two per swap).
        public var movers: Int?
        /// The CV the step brought its indicator to or below (fewest-moves plans' CV steps).
        public var cvTarget: Double?
        /// Whether the step reached its target (the CV target or title parity); `nil` without one.
        public var reached: Bool?

        enum CodingKeys: String, CodingKey {
            case step, stage, swaps, measure, before, after, kilometres, optimal, movers
            case cvTarget = "cv_target", reached
        }

        init(_ term: RotationObjectiveTerm) {
            step = term.step.rawValue
            stage = term.stage?.rawValue
            swaps = term.swaps
            measure = RotationWording.measureKey(term.step)
            before = term.before?.finite
            after = term.after?.finite
            kilometres = term.kilometres.finite
            optimal = term.optimal
            movers = term.movers
            cvTarget = term.cvTarget?.finite
            reached = term.reached
        }
    }

    /// The share of teachers with a mid-level title or higher in rural and town schools of one
    /// stage, before and after the plan.
    public struct TitleShares: Codable, Sendable, Equatable {
        public var stage: String
        public var ruralBefore: Double?
        public var townBefore: Double?
        public var ruralAfter: Double?
        public var townAfter: Double?
        /// The rural share is at least the town share after the plan.
        public var reached: Bool

        enum CodingKeys: String, CodingKey {
            case stage, ruralBefore = "rural_before", townBefore = "town_before", ruralAfter = "rural_after"
            case townAfter = "town_after", reached
        }

        init(_ row: TitleStructure) {
            stage = row.stage.rawValue
            ruralBefore = row.ruralBefore?.finite
            townBefore = row.townBefore?.finite
            ruralAfter = row.ruralAfter?.finite
            townAfter = row.townAfter?.finite
            reached = row.reached
        }
    }
}
