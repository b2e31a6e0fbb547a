import Domain

/// The rows of a `blocks` file as ``BlocksReader`` checks them: each cell by its kind, both
/// coordinates or neither, no more migrant children than children of the stage (they are
/// among them), and 片区编号 once in the file.
struct BlockRows: LocatingRows {
    /// Every row whose 片区编号 read, for duplicates.
    private var seen = KeyedRows<String>()
    private(set) var valueRows = ValueRows()
    private let stages: [Stage] = [.primary, .junior]

    mutating func reserve(_ rows: Int) {
        seen.reserve(rows)
        valueRows.reserve(rows)
    }

    mutating func read(_ scan: inout TableScan<BlockColumn>, into blocks: inout RowValues<ResidentialBlock>) {
        let id = scan.text(.blockId)
        if let id { seen.note(id, row: scan.row) }
        if scan.isBlank(.longitude) != scan.isBlank(.latitude) {
            scan.error(.halfCoordinate, scan.isBlank(.longitude) ? .longitude : .latitude)
        }
        for stage in stages {
            let childrenColumn = BlockColumn.children(stage)
            // Children that did not read are reported already; blank ones are 0.
            guard let migrants = scan.int(BlockColumn.migrants(stage)), scan.isBlank(childrenColumn) || scan.int(childrenColumn) != nil else { continue }
            let children = scan.int(childrenColumn) ?? 0
            if migrants > children {
                scan.error(.zoneFile(.migrantsExceedChildren(stage, children: children)), BlockColumn.migrants(stage))
            }
        }
        guard !scan.rowHasErrors, let id, let county = scan.text(.countyCode) else { return }
        var location: Coordinate?
        if let longitude = scan.decimal(.longitude), let latitude = scan.decimal(.latitude) {
            location = Coordinate(longitude: longitude, latitude: latitude)
        }
        var children: [Stage: Int] = [:], migrants: [Stage: Int] = [:], current: [Stage: String] = [:]
        for stage in stages {
            children[stage] = scan.int(BlockColumn.children(stage))
            migrants[stage] = scan.int(BlockColumn.migrants(stage))
            current[stage] = scan.text(BlockColumn.current(stage))
        }
        blocks.append(ResidentialBlock(
            id: id, name: scan.text(.blockName) ?? "", countyCode: county, location: location, children: children,
            migrants: migrants, currentSchool: current, population: scan.int(.population),
            community: scan.text(.community)))
        valueRows.note(scan.row)
    }

    mutating func append(_ next: BlockRows, rowOffset: Int) {
        seen.append(next.seen, rowOffset: rowOffset)
        valueRows.append(next.valueRows, rowOffset: rowOffset)
    }

    /// The check across rows: each 片区编号 once.
    func checkAcrossRows(_ scan: inout TableScan<BlockColumn>) {
        for twice in seen.repeats() { scan.error(.zoneFile(.duplicateBlock(firstRow: twice.firstRow)), .blockId, row: twice.row) }
    }
}

/// The rows of a `distances` file as ``DistancesReader`` checks them: 距离 or 用时 (exactly
/// one, at most ``DistanceColumn/longestDistance`` km or ``DistanceColumn/longestMinutes``
/// minutes), and each pair of block and school once.
struct DistanceRows: LocatingRows {
    private var seen = KeyedRows<Pair>()
    private(set) var valueRows = ValueRows()

    /// A block and a school or site.
    struct Pair: Hashable, Sendable {
        var from: String
        var to: String
    }

    mutating func reserve(_ rows: Int) {
        seen.reserve(rows)
        valueRows.reserve(rows)
    }

    mutating func read(_ scan: inout TableScan<DistanceColumn>, into distances: inout RowValues<TravelDistance>) {
        let from = scan.text(.from), to = scan.text(.to)
        if let from, let to { seen.note(Pair(from: from, to: to), row: scan.row) }
        var measure: TravelDistance.Measure?
        switch (scan.isBlank(.distance), scan.isBlank(.minutes)) {
        case (true, true): scan.error(.zoneFile(.distanceMissing), .distance)
        case (false, false): scan.error(.zoneFile(.distanceAndMinutes), .minutes)
        case (false, true):
            if let km = scan.decimal(.distance) {
                if km > DistanceColumn.longestDistance {
                    scan.error(.outOfRange(0...DistanceColumn.longestDistance), .distance)
                } else {
                    measure = .kilometres(km)
                }
            }
        case (true, false):
            if let minutes = scan.decimal(.minutes) {
                if minutes > DistanceColumn.longestMinutes {
                    scan.error(.outOfRange(0...DistanceColumn.longestMinutes), .minutes)
                } else {
                    measure = .minutes(minutes)
                }
            }
        }
        guard !scan.rowHasErrors, let from, let to, let measure else { return }
        distances.append(TravelDistance(from: from, to: to, measure: measure))
        valueRows.note(scan.row)
    }

    mutating func append(_ next: DistanceRows, rowOffset: Int) {
        seen.append(next.seen, rowOffset: rowOffset)
        valueRows.append(next.valueRows, rowOffset: rowOffset)
    }

    /// The check across rows: each pair once.
    func checkAcrossRows(_ scan: inout TableScan<DistanceColumn>) {
        for twice in seen.repeats() { scan.error(.zoneFile(.duplicateDistance(firstRow: twice.firstRow)), .to, row: twice.row) }
    }
}

/// The rows of an `enrollment` file as ``EnrollmentReader`` checks them: 年级 1–9, classes for
/// pupils, a 最大班额 between the average class and the grade's pupils, and each school's
/// grade once a year.
struct EnrollmentRows: LocatingRows {
    private var seen = KeyedRows<Key>()
    private(set) var valueRows = ValueRows()

    /// A school's grade in a year.
    struct Key: Hashable, Sendable {
        var year: Int
        var school: String
        var grade: Int
    }

    mutating func reserve(_ rows: Int) {
        seen.reserve(rows)
        valueRows.reserve(rows)
    }

    mutating func read(_ scan: inout TableScan<EnrollmentColumn>, into records: inout RowValues<EnrollmentRecord>) {
        let year = scan.int(.year), code = scan.text(.schoolCode)
        var grade = scan.int(.grade)
        if let g = grade, !EnrollmentColumn.grades.contains(g) {
            scan.error(.zoneFile(.gradeOutOfRange(g)), .grade)
            grade = nil
        }
        if let year, let code, let grade { seen.note(Key(year: year, school: code, grade: grade), row: scan.row) }
        let students = scan.int(.students), classes = scan.int(.classes), largest = scan.int(.largestClass)
        if let students, let classes {
            if classes == 0, students > 0 { scan.error(.zoneFile(.noClassesForStudents(students)), .classes) }
            if let largest {
                // The largest class holds at least the average, ⌈students ÷ classes⌉.
                let least = classes > 0 ? (students + classes - 1) / classes : 0
                if largest > students {
                    scan.error(.zoneFile(.largestClassAboveStudents(students)), .largestClass)
                } else if largest < least {
                    scan.error(.zoneFile(.largestClassBelowAverage(least: least)), .largestClass)
                }
            }
        }
        guard !scan.rowHasErrors, let year, let code, let grade, let students, let classes else { return }
        records.append(EnrollmentRecord(year: year, schoolCode: code, grade: grade, students: students, classes: classes, largestClass: largest))
        valueRows.note(scan.row)
    }

    mutating func append(_ next: EnrollmentRows, rowOffset: Int) {
        seen.append(next.seen, rowOffset: rowOffset)
        valueRows.append(next.valueRows, rowOffset: rowOffset)
    }

    /// The check across rows: a school's grade once a year.
    func checkAcrossRows(_ scan: inout TableScan<EnrollmentColumn>) {
        for twice in seen.repeats() { scan.error(.zoneFile(.duplicateGrade(firstRow: twice.firstRow)), .grade, row: twice.row) }
    }
}

/// The rows of a `births` file as ``BirthsReader`` checks them: an area's year once.
struct BirthRows: LocatingRows {
    private var seen = KeyedRows<Key>()
    private(set) var valueRows = ValueRows()

    /// An area's year.
    struct Key: Hashable, Sendable {
        var area: String
        var year: Int
    }

    mutating func reserve(_ rows: Int) {
        seen.reserve(rows)
        valueRows.reserve(rows)
    }

    mutating func read(_ scan: inout TableScan<BirthColumn>, into births: inout RowValues<BirthRecord>) {
        let area = scan.text(.areaCode), year = scan.int(.year)
        if let area, let year { seen.note(Key(area: area, year: year), row: scan.row) }
        guard !scan.rowHasErrors, let area, let year, let count = scan.int(.births) else { return }
        births.append(BirthRecord(areaCode: area, year: year, births: count))
        valueRows.note(scan.row)
    }

    mutating func append(_ next: BirthRows, rowOffset: Int) {
        seen.append(next.seen, rowOffset: rowOffset)
        valueRows.append(next.valueRows, rowOffset: rowOffset)
    }

    /// The check across rows: an area's year once.
    func checkAcrossRows(_ scan: inout TableScan<BirthColumn>) {
        for twice in seen.repeats() { scan.error(.zoneFile(.duplicateBirths(firstRow: twice.firstRow)), .year, row: twice.row) }
    }
}
