import Domain

/// Deterministic random numbers for generated test counties (SplitMix64).
struct TestRandom {
    private var state: UInt64

    init(seed: Int) { state = UInt64(bitPattern: Int64(seed)) &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [low, high).
    mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * Double(next() >> 11) / Double(1 << 53)
    }

    /// Uniform in low...high.
    mutating func int(_ low: Int, _ high: Int) -> Int {
        low + Int(next() % UInt64(high - low + 1))
    }

    /// A county of `count` single-stage primary schools whose values scatter around the
    /// quality-2017 thresholds (× 0.6 … 1.6), so that some units miss several indicators.
    mutating func primaryCounty(_ count: Int, code: String = "130102") -> [SchoolYear] {
        (0..<count).map { i in
            let students = int(60, 900)
            func per100(_ threshold: Double) -> Int { Int((threshold * uniform(0.6, 1.6) * Double(students) / 100).rounded()) }
            func perStudent(_ threshold: Double) -> Double { threshold * uniform(0.6, 1.6) * Double(students) }
            let localities: [Locality] = [.urban, .town, .rural]
            return SchoolYear(
                year: 2025, countyCode: code, schoolCode: "\(code)\(String(format: "%04d", i))", schoolName: "小学\(i)",
                type: .primary, locality: localities[i % 3],
                primary: StageRecord(
                    students: students, teachers: students / 15, qualifiedTeachers: per100(4.2),
                    backboneTeachers: per100(1.0), peArtTeachers: per100(0.9)),
                facilities: Facilities(
                    teachingArea: perStudent(4.5), sportsArea: perStudent(7.5), equipmentValue: perStudent(2000),
                    multimediaRooms: per100(2.3)))
        }
    }
}

extension Standard {
    /// The built-in 2017 method.
    static var quality2017: Standard { try! Standard.builtIn("quality-2017") }
}
