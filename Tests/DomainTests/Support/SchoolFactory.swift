import Domain

/// Builds schools for tests with every 2017 figure met unless a test says otherwise.
enum SchoolFactory {
    /// A single-stage primary school whose every 2017 indicator sits comfortably above its
    /// threshold; override what a test is about.
    static func primary(
        _ code: String, students: Int, teachingArea: Double? = nil, qualified: Int? = nil,
        locality: Locality = .urban, county: String = "130102", year: Int = 2025,
        type: SchoolType = .primary, parent: String? = nil
    ) -> SchoolYear {
        let n = Double(students)
        return SchoolYear(
            year: year, countyCode: county, schoolCode: code, schoolName: "学校\(code)", type: type,
            parentSchoolCode: parent, locality: locality,
            primary: StageRecord(
                students: students, classes: max(1, students / 45), teachers: students / 10 + 1,
                qualifiedTeachers: qualified ?? Int((n * 0.05).rounded(.up)),
                backboneTeachers: Int((n * 0.012).rounded(.up)),
                peArtTeachers: Int((n * 0.01).rounded(.up))),
            facilities: Facilities(
                teachingArea: teachingArea ?? n * 6, sportsArea: n * 9, equipmentValue: n * 2500,
                multimediaRooms: Int((n * 0.03).rounded(.up))))
    }
}
