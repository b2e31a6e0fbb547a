import Domain

/// The rotation plan as investment-plan items (交流轮岗, the first teacher lever): per school,
/// stage and teacher resource, the net change its moves make to the counts of the teacher
/// records — +2 backbone teachers where two came in, −2 where they left — at no cost.
///
/// Swaps are one for one within a stage, so a school's full-time teachers (专任教师) do not
/// change; an item of ``Resource/teachers`` appears only if the records say otherwise.
enum MovedTeachers {
    /// The items of `rotation`, each naming the indicators of `standard` it moves.
    static func items(_ rotation: RotationPlan, standard: Standard) -> [PlanItem] {
        let resources: [(Resource, KeyPath<TeacherCounts, Int>)] = [
            (.teachers, \.teachers), (.qualifiedTeachers, \.qualified), (.backboneTeachers, \.backbone),
            (.peArtTeachers, \.peArt), (.seniorTitleTeachers, \.seniorTitle),
        ]
        var items: [PlanItem] = []
        for school in rotation.schools {
            for (resource, count) in resources {
                let change = school.after[keyPath: count] - school.before[keyPath: count]
                guard change != 0 else { continue }
                items.append(PlanItem(
                    schoolCode: school.schoolCode, schoolName: school.schoolName, locality: school.locality,
                    resource: resource, stage: school.stage, amount: Double(change), unitCost: 0, cost: 0, reason: .balance,
                    indicators: standard.indicators.indices.filter { standard.indicators[$0].numerator == resource },
                    attainment: nil, lever: .rotation))
            }
        }
        return items.sorted { ($0.schoolCode, $0.id) < ($1.schoolCode, $1.id) }
    }
}
