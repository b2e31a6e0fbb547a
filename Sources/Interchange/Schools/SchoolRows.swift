import Domain

/// The rows of a `schools` file as ``SchoolsReader`` builds them: the valid rows' schools,
/// with what the checks across rows need, checked row by row and then as a whole.
struct SchoolRows: TableRows {
    /// Every row whose year and code read, for duplicate codes and parent schools.
    private var seen: [SeenSchool] = []
    /// The 教学点 rows, whose parents may come later in the file.
    private var teachingPoints: [TeachingPoint] = []

    mutating func reserve(_ rows: Int) {
        seen.reserveCapacity(seen.count + rows)
    }

    mutating func read(_ scan: inout TableScan<SchoolColumn>, into schools: inout RowValues<SchoolYear>) {
        let year = scan.int(.year), code = scan.text(.schoolCode), county = scan.text(.countyCode)
        let typeIndex = scan.int(.schoolType), type = typeIndex.map { types[$0] }
        if let year, let code {
            seen.append(SeenSchool(row: scan.row, key: SchoolKey(year: year, code: code), county: county, type: type))
        }
        let parent = scan.text(.parentSchoolCode)
        if type == .teachingPoint {
            teachingPoints.append(TeachingPoint(row: scan.row, year: year, code: code, county: county, parent: parent))
        } else if parent != nil {
            scan.warning(.parentOfNonTeachingPoint, .parentSchoolCode)
        }
        if let typeIndex {
            for column in scan.blank(requiredByType[typeIndex]) {
                scan.error(.stageRequired(types[typeIndex], column), column)
            }
        }
        primary.check(&scan, typeIndex: typeIndex)
        junior.check(&scan, typeIndex: typeIndex)
        Self.checkCoordinate(&scan)
        if let eligible = scan.int(.eligible), let graduates = scan.int(.graduates), eligible > graduates {
            scan.error(.exceedsColumn(.graduates), .eligible)
        }
        // 随班就读 pupils are compulsory-stage pupils; boarders may be of any stage.
        let compulsory = (scan.int(.studentsPrimary) ?? 0) + (scan.int(.studentsJunior) ?? 0)
        if let special = scan.int(.specialPupils), special > compulsory { scan.error(.exceedsPupils(compulsory), .specialPupils) }
        if let boarders = scan.int(.boarders), boarders > compulsory + (scan.int(.studentsSenior) ?? 0) {
            scan.error(.exceedsPupils(compulsory + (scan.int(.studentsSenior) ?? 0)), .boarders)
        }
        if !scan.rowHasErrors, let year, let code, let county, let type, let name = scan.text(.schoolName),
           let locality = scan.int(.locality) {
            schools.append(copying: blank) { fill(&$0, scan, year: year, code: code, county: county, type: type, name: name, locality: locality) }
        }
    }

    mutating func append(_ next: SchoolRows, rowOffset: Int) {
        seen.reserveCapacity(seen.count + next.seen.count)
        for var school in next.seen {
            school.row += rowOffset
            seen.append(school)
        }
        for var point in next.teachingPoints {
            point.row += rowOffset
            teachingPoints.append(point)
        }
    }

    /// The checks across rows: a school code once per year, and a parent school for every
    /// 教学点.
    func checkAcrossRows(_ scan: inout TableScan<SchoolColumn>) {
        var index = SchoolIndex(count: seen.count)
        for position in seen.indices {
            if let first = index.claim(position, in: seen) {
                let school = seen[position]
                scan.error(.duplicateSchool(year: school.key.year, firstRow: seen[first].row), .schoolCode, row: school.row)
            }
        }
        for point in teachingPoints where !hasParent(point, index) {
            scan.error(.teachingPointWithoutParent, .parentSchoolCode, row: point.row)
        }
    }

    /// Enumeration values by ``Choices`` index, and what each school type needs, worked
    /// out once rather than per row; none is a shared static, whose every use would go
    /// through a lazy-initialization check.
    private let types = SchoolType.allCases
    private let localities = Locality.allCases
    private let ownerships = Ownership.allCases
    private let requiredByType = SchoolType.allCases.map { ColumnSet($0.stages.flatMap(SchoolColumn.required)) }
    private let primary = StageTeachers(.primary)
    private let junior = StageTeachers(.junior)

    /// The teacher counts of a stage with teachers (primary or junior), and how they must fit
    /// its students.
    private struct StageTeachers {
        let students: SchoolColumn
        /// 专任教师数.
        let all: SchoolColumn
        /// 专任教师数 and the subsets of it, in column order.
        let teachers: ColumnSet<SchoolColumn>
        /// The subsets of 专任教师数.
        let subsets: ColumnSet<SchoolColumn>
        /// The school types (one bit per ``Choices`` index) that must report the stage.
        let requiredTypes: UInt64

        init(_ stage: Stage) {
            let teachers = SchoolColumn.teachers(stage)
            students = SchoolColumn.students(stage)
            all = teachers[0]
            self.teachers = ColumnSet(teachers)
            subsets = ColumnSet(teachers.dropFirst())
            requiredTypes = SchoolType.allCases.enumerated().reduce(0) { $0 | ($1.element.stages.contains(stage) ? 1 << $1.offset : 0) }
        }

        /// No teachers without students, and no subset larger than all the teachers.
        func check(_ scan: inout TableScan<SchoolColumn>, typeIndex: Int?) {
            // Blank students of a stage the type requires are already reported as missing.
            let noStudents = scan.int(students) == 0 || (scan.isBlank(students) && typeIndex.map { requiredTypes & 1 << $0 == 0 } == true)
            if noStudents, let first = scan.reported(teachers).first(where: { (scan.int($0) ?? 0) > 0 }) {
                scan.error(.teachersWithoutStudents(students: students), first)
            }
            if let all = scan.int(all) {
                for subset in scan.reported(subsets) where (scan.int(subset) ?? 0) > all {
                    scan.error(.exceedsColumn(self.all), subset)
                }
            }
        }
    }

    /// Longitude and latitude come together or not at all.
    private static func checkCoordinate(_ scan: inout TableScan<SchoolColumn>) {
        if scan.isBlank(.longitude) != scan.isBlank(.latitude) {
            scan.error(.halfCoordinate, scan.isBlank(.longitude) ? .longitude : .latitude)
        }
    }

    /// A 教学点's parent is another school of the same year and county that teaches the
    /// primary stage (not another 教学点).
    private func hasParent(_ point: TeachingPoint, _ index: SchoolIndex) -> Bool {
        // A row whose year did not read is already refused; do not pile a second error on it.
        guard let year = point.year else { return true }
        guard let parent = point.parent, parent != point.code,
              let found = index.position(of: SchoolKey(year: year, code: parent), in: seen) else {
            return false
        }
        let school = seen[found]
        guard let type = school.type else { return true }
        return school.county == point.county && type != .teachingPoint && type.stages.contains(.primary)
    }

    /// A school with every field blank, which each valid row's school starts as.
    private let blank = SchoolYear(year: 0, countyCode: "", schoolCode: "", schoolName: "", type: .primary, locality: .urban)

    /// Sets the fields of `school` (a copy of ``blank``) from the row, once it is known to
    /// be valid.
    ///
    /// The school is filled in place, in the array the reader returns, rather than made by
    /// `SchoolYear`'s initializer: that one (in another module, so not inlined) builds the
    /// value of over 550 bytes on the stack and copies it twice, retaining and releasing its
    /// texts.
    @inline(__always)
    private func fill(
        _ school: inout SchoolYear, _ scan: TableScan<SchoolColumn>, year: Int, code: String, county: String,
        type: SchoolType, name: String, locality: Int
    ) {
        school.year = year
        school.countyCode = county
        school.countyName = scan.text(.countyName)
        school.schoolCode = code
        school.schoolName = name
        school.type = type
        school.parentSchoolCode = scan.text(.parentSchoolCode)
        school.locality = localities[locality]
        school.ownership = scan.int(.ownership).map { ownerships[$0] } ?? .public
        school.boarding = scan.int(.boarding).map { $0 == 0 }
        if let longitude = scan.decimal(.longitude), let latitude = scan.decimal(.latitude) {
            school.coordinate = Coordinate(longitude: longitude, latitude: latitude)
        }
        school.primary = StageRecord(
            students: scan.int(.studentsPrimary), classes: scan.int(.classesPrimary),
            largestClass: scan.int(.largestClassPrimary), teachers: scan.int(.teachersPrimary),
            qualifiedTeachers: scan.int(.qualifiedPrimary), backboneTeachers: scan.int(.backbonePrimary),
            peArtTeachers: scan.int(.peArtPrimary), seniorTitleTeachers: scan.int(.seniorTitlePrimary),
            capacity: scan.int(.capacityPrimary))
        school.junior = StageRecord(
            students: scan.int(.studentsJunior), classes: scan.int(.classesJunior),
            largestClass: scan.int(.largestClassJunior), teachers: scan.int(.teachersJunior),
            qualifiedTeachers: scan.int(.qualifiedJunior), backboneTeachers: scan.int(.backboneJunior),
            peArtTeachers: scan.int(.peArtJunior), seniorTitleTeachers: scan.int(.seniorTitleJunior),
            capacity: scan.int(.capacityJunior))
        school.seniorStudents = scan.int(.studentsSenior)
        school.facilities = Facilities(
            teachingArea: scan.decimal(.teachingArea), sportsArea: scan.decimal(.sportsArea),
            equipmentValue: scan.decimal(.equipmentValue), multimediaRooms: scan.int(.multimediaRooms),
            computers: scan.int(.computers), books: scan.int(.books),
            musicRooms: scan.int(.musicRooms), artRooms: scan.int(.artRooms))
        school.publicFunds = scan.decimal(.publicFunds)
        school.trainingFunds = scan.decimal(.trainingFunds)
        school.graduates = scan.int(.graduates)
        school.eligibleGraduates = scan.int(.eligible)
        school.boarders = scan.int(.boarders)
        school.specialPupils = scan.int(.specialPupils)
        school.facilities.musicRoomArea = scan.decimal(.musicRoomArea)
        school.facilities.artRoomArea = scan.decimal(.artRoomArea)
    }
}
