import Domain

/// SplitMix64: a tiny deterministic generator so a property's seed fixes a whole county.
struct TestRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: Int) { state = UInt64(bitPattern: Int64(seed)) &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A county of `count` schools of mixed types, localities and sizes, every figure reported.
    mutating func county(_ count: Int, code: String = "130102", scale: Int = 1) -> [SchoolYear] {
        let types: [SchoolType] = [.primary, .primary, .junior, .nineYear, .twelveYear, .completeSecondary, .teachingPoint]
        var schools: [SchoolYear] = []
        for i in 0..<count {
            let type = i < 2 ? SchoolType.primary : types.randomElement(using: &self)!
            func stage(_ covered: Bool) -> StageRecord {
                guard covered else { return StageRecord() }
                let students = Int.random(in: 30...2000, using: &self)
                let teachers = students / Int.random(in: 10...20, using: &self) + 1
                return StageRecord(
                    students: students * scale, classes: students / 45 + 1, teachers: teachers * scale,
                    qualifiedTeachers: Int.random(in: 0...teachers, using: &self) * scale,
                    backboneTeachers: Int.random(in: 0...teachers / 4, using: &self) * scale,
                    peArtTeachers: Int.random(in: 0...teachers / 5, using: &self) * scale,
                    seniorTitleTeachers: Int.random(in: 0...teachers, using: &self) * scale)
            }
            let primary = stage(type.stages.contains(.primary))
            let junior = stage(type.stages.contains(.junior))
            let total = Double((primary.students ?? 0) + (junior.students ?? 0)) / Double(scale)
            let senior = type.stages.contains(.senior) ? Int.random(in: 100...900, using: &self) * scale : nil
            let s = Double(scale)
            schools.append(SchoolYear(
                year: 2025, countyCode: code, schoolCode: String(format: "%010d", 2_100_000_000 + i),
                schoolName: "学校\(i)", type: type, parentSchoolCode: type == .teachingPoint ? "2100000000" : nil,
                locality: Locality.allCases.randomElement(using: &self)!,
                primary: primary, junior: junior, seniorStudents: senior,
                facilities: Facilities(
                    teachingArea: (total * Double.random(in: 2...10, using: &self)).rounded() * s,
                    sportsArea: (total * Double.random(in: 3...30, using: &self)).rounded() * s,
                    equipmentValue: (total * Double.random(in: 800...4000, using: &self)).rounded() * s,
                    multimediaRooms: Int(total * Double.random(in: 0.005...0.04, using: &self)) * scale + scale,
                    computers: Int(total * Double.random(in: 0.05...0.2, using: &self)) * scale,
                    books: Int(total * Double.random(in: 10...40, using: &self)) * scale)))
        }
        return schools
    }
}

import Foundation
