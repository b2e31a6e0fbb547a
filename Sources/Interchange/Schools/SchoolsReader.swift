import Domain

/// Reads the `schools` file (学校年度数据, one row per school per year) into ``SchoolYear``
/// values, or refuses it with every problem listed.
///
/// ```swift
/// let file = try SchoolsReader().read(bytes, file: "schools.csv")
/// // file.schools: [SchoolYear]; file.warnings: ["schools.csv:1:备注: 无法识别的列，已忽略"]
/// ```
///
/// Beyond each cell's type and range it checks what makes the evaluation meaningful: the
/// figures each school type must report, no teachers without students (有教师无学生), no
/// subset of teachers larger than all of them, unique school codes within a year, and a
/// parent school for every 教学点.
public struct SchoolsReader: Sendable {
    /// The language of error messages.
    public var language: Language

    /// A reader whose messages are in `language` (Chinese by default).
    public init(language: Language = .chinese) {
        self.language = language
    }

    /// Reads the bytes of a `schools` CSV file (UTF-8 with or without BOM, or GB18030).
    ///
    /// - Parameter file: the name used in messages, as the user gave it.
    /// - Throws: ``DataFileError`` with every problem, `FILE:ROW:COLUMN: message`.
    public func read(_ bytes: [UInt8], file: String) throws(DataFileError) -> SchoolsFile {
        var schools: [SchoolYear] = []
        var seen: [SchoolKey: SeenSchool] = [:]
        var teachingPoints: [TeachingPoint] = []
        var scan = try TableScan<SchoolColumn>.read(bytes, file: file, language: language) { scan in
            if seen.isEmpty {
                seen.reserveCapacity(scan.estimatedRows)
                schools.reserveCapacity(scan.estimatedRows)
            }
            let year = scan.int(.year), code = scan.text(.schoolCode), county = scan.text(.countyCode)
            let type = scan.int(.schoolType).map { Self.types[$0] }
            if let year, let code, let first = Self.claim(&seen[SchoolKey(year: year, code: code)], SeenSchool(row: scan.row, county: county, type: type)) {
                scan.error(.duplicateSchool(year: year, firstRow: first.row), .schoolCode)
            }
            let parent = scan.text(.parentSchoolCode)
            if type == .teachingPoint {
                teachingPoints.append(TeachingPoint(row: scan.row, year: year, code: code, county: county, parent: parent))
            } else if parent != nil {
                scan.warning(.parentOfNonTeachingPoint, .parentSchoolCode)
            }
            Self.checkStages(&scan, type: type)
            Self.checkCoordinate(&scan)
            if !scan.rowHasErrors, let school = Self.school(scan, year: year, code: code, county: county, type: type) {
                schools.append(school)
            }
        }
        for point in teachingPoints where !Self.hasParent(point, among: seen) {
            scan.error(.teachingPointWithoutParent, .parentSchoolCode, row: point.row)
        }
        try scan.log.check()
        return SchoolsFile(schools: schools, warnings: scan.log.warnings)
    }

    /// Enumeration values by ``Choices`` index, looked up once rather than per row.
    private static let types = SchoolType.allCases
    private static let localities = Locality.allCases
    private static let ownerships = Ownership.allCases

    /// Fills an empty dictionary slot with `school`, or returns the school already there:
    /// one hash of the key instead of a lookup and an insertion.
    private static func claim(_ slot: inout SeenSchool?, _ school: SeenSchool) -> SeenSchool? {
        guard let first = slot else {
            slot = school
            return nil
        }
        return first
    }

    /// What a row's school type requires of each stage, and whether its teachers fit its
    /// students.
    private static func checkStages(_ scan: inout TableScan<SchoolColumn>, type: SchoolType?) {
        if let type {
            for stage in type.stages {
                for column in SchoolColumn.required(stage) where scan.isBlank(column) {
                    scan.error(.stageRequired(type, column), column)
                }
            }
        }
        for stage in [Stage.primary, .junior] {
            let teachers = SchoolColumn.teachers(stage), students = SchoolColumn.students(stage)
            // Blank students of a stage the type requires are already reported as missing.
            let noStudents = scan.int(students) == 0
                || (scan.isBlank(students) && type.map { !$0.stages.contains(stage) } == true)
            if noStudents, let first = teachers.first(where: { (scan.int($0) ?? 0) > 0 }) {
                scan.error(.teachersWithoutStudents(students: students), first)
            }
            if let all = scan.int(teachers[0]) {
                for subset in teachers.dropFirst() where (scan.int(subset) ?? 0) > all {
                    scan.error(.exceedsTeachers(teachers[0]), subset)
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
    private static func hasParent(_ point: TeachingPoint, among seen: [SchoolKey: SeenSchool]) -> Bool {
        // A row whose year did not read is already refused; do not pile a second error on it.
        guard let year = point.year else { return true }
        guard let parent = point.parent, parent != point.code, let found = seen[SchoolKey(year: year, code: parent)] else {
            return false
        }
        guard let type = found.type else { return true }
        return found.county == point.county && type != .teachingPoint && type.stages.contains(.primary)
    }

    /// The row as a ``SchoolYear``, once it is known to be valid; `nil` when a required
    /// column is absent from the file (already reported).
    private static func school(
        _ scan: TableScan<SchoolColumn>, year: Int?, code: String?, county: String?, type: SchoolType?
    ) -> SchoolYear? {
        guard let year, let code, let county, let type, let name = scan.text(.schoolName),
              let locality = scan.int(.locality) else { return nil }
        let longitude = scan.decimal(.longitude), latitude = scan.decimal(.latitude)
        return SchoolYear(
            year: year, countyCode: county, countyName: scan.text(.countyName), schoolCode: code,
            schoolName: name, type: type, parentSchoolCode: scan.text(.parentSchoolCode),
            locality: localities[locality], ownership: scan.int(.ownership).map { ownerships[$0] } ?? .public,
            boarding: scan.int(.boarding).map { $0 == 0 },
            coordinate: longitude.flatMap { lon in latitude.map { Coordinate(longitude: lon, latitude: $0) } },
            primary: StageRecord(
                students: scan.int(.studentsPrimary), classes: scan.int(.classesPrimary),
                largestClass: scan.int(.largestClassPrimary), teachers: scan.int(.teachersPrimary),
                qualifiedTeachers: scan.int(.qualifiedPrimary), backboneTeachers: scan.int(.backbonePrimary),
                peArtTeachers: scan.int(.peArtPrimary), seniorTitleTeachers: scan.int(.seniorTitlePrimary)),
            junior: StageRecord(
                students: scan.int(.studentsJunior), classes: scan.int(.classesJunior),
                largestClass: scan.int(.largestClassJunior), teachers: scan.int(.teachersJunior),
                qualifiedTeachers: scan.int(.qualifiedJunior), backboneTeachers: scan.int(.backboneJunior),
                peArtTeachers: scan.int(.peArtJunior), seniorTitleTeachers: scan.int(.seniorTitleJunior)),
            seniorStudents: scan.int(.studentsSenior),
            facilities: Facilities(
                teachingArea: scan.decimal(.teachingArea), sportsArea: scan.decimal(.sportsArea),
                equipmentValue: scan.decimal(.equipmentValue), multimediaRooms: scan.int(.multimediaRooms),
                computers: scan.int(.computers), books: scan.int(.books),
                musicRooms: scan.int(.musicRooms), artRooms: scan.int(.artRooms)),
            publicFunds: scan.decimal(.publicFunds), trainingFunds: scan.decimal(.trainingFunds))
    }
}
