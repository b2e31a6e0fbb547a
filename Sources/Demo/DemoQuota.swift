import Domain

/// The graduates (初中应届毕业生数, 指标到校符合条件人数) of a county's demo schools and the
/// county's quality high-school plans (`quota` file), worked out from the school rows alone —
/// no random draw — so every other figure of a seed stays what it was before them.
///
/// - **Graduates**: a third of the junior pupils (three grades); eligible: all but those who
///   came in later — 10 % in urban schools, 6 % in town, 3 % in rural ones.
/// - **Quotas**: the county's schools with a senior stage are its quality high schools; a county
///   without one sends its graduates to 〈county〉第一高级中学. Each plans a third of its senior
///   pupils (the county school: a fifth of the graduates), rounded to tens. The share
///   allocated is 0.5–0.7 by how balanced the county is (rounded to 0.05), below 0.5 (0.45) in
///   the least balanced tenth — those fail item 14; counties below the middle of development
///   weight rural schools by 0.2.
enum DemoQuota {
    /// `schools` (one county's rows) with the graduates set.
    static func applyGraduates(to schools: inout [SchoolYear]) {
        for index in schools.indices {
            let school = schools[index]
            guard school.type.stages.contains(.junior), let pupils = school.junior.students, pupils > 0 else { continue }
            let graduates = (pupils + 1) / 3
            let later = switch school.locality {
            case .urban: 10
            case .town: 6
            case .rural: 3
            }
            schools[index].graduates = graduates
            schools[index].eligibleGraduates = graduates - graduates * later / 100
        }
    }

    /// The county's quality high schools' plans for the graduates of `year`.
    static func quotas(county: DemoCounty, year: Int, schools: [SchoolYear]) -> [HighSchoolQuota] {
        let share = county.balance < 0.1 ? 0.45 : ((0.5 + 0.2 * county.balance) * 20).rounded() / 20
        let ruralWeight: Double? = county.development < 0.5 ? 0.2 : nil
        func tens(_ n: Int) -> Int { max(10, (n + 5) / 10 * 10) }
        let seniors = schools.filter { ($0.seniorStudents ?? 0) > 0 }
        guard !seniors.isEmpty else {
            let graduates = schools.reduce(0) { $0 + ($1.graduates ?? 0) }
            return [HighSchoolQuota(countyCode: county.code, highSchool: county.name + "第一高级中学", year: year,
                                    totalPlaces: tens(graduates / 5), allocatedShare: share, ruralWeight: ruralWeight)]
        }
        return seniors.map {
            HighSchoolQuota(countyCode: county.code, highSchool: $0.schoolCode, year: year, totalPlaces: tens(($0.seniorStudents ?? 0) / 3),
                            allocatedShare: share, ruralWeight: ruralWeight)
        }
    }
}
