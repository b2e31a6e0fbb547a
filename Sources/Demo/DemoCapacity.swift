import Domain

/// The places (学位数, ``StageRecord/capacity``) of a county's demo schools, drawn from a stream
/// of their own so that every other figure of a seed stays what it was before places existed.
///
/// 85 % of the public schools' stages (special schools and 教学点 aside) report places:
/// classes × the standard class size (45 primary, 50 junior) × a factor, 1.00–1.12 for most,
/// 0.85–0.98 for a fifth — so schools whose classes run above the standard, and some others,
/// have fewer places than pupils (over capacity); the rest leave it empty (the planners then
/// take classes × the standard size).
enum DemoCapacity {
    /// The number of the county's capacity stream ("capacity" in ASCII).
    static let stream: UInt64 = 0x6361_7061_6369_7479

    /// `schools` (one county's rows) with places set.
    static func apply(to schools: inout [SchoolYear], county: DemoCounty) {
        var rng = SeededGenerator(seed: county.streamSeed, stream: stream)
        for index in schools.indices {
            let school = schools[index]
            guard school.ownership == .public, school.type != .special, school.type != .teachingPoint else { continue }
            for stage in [Stage.primary, .junior] {
                guard let record = school.record(for: stage), let classes = record.classes, classes > 0,
                      (record.students ?? 0) > 0 else { continue }
                let reports = rng.chance(0.85)
                let factor = rng.chance(0.2) ? rng.uniform(0.85, 0.98) : rng.uniform(1, 1.12)
                guard reports else { continue }
                let places = Int((Double(classes * (stage == .primary ? 45 : 50)) * factor).rounded())
                if stage == .primary { schools[index].primary.capacity = places } else { schools[index].junior.capacity = places }
            }
        }
    }
}
