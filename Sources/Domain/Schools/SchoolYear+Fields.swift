extension SchoolYear {
    /// The value of `field`, or `nil` when it is not reported.
    public func value(of field: SchoolField) -> FieldValue? {
        func count(_ n: Int?) -> FieldValue? { n.map(FieldValue.integer) }
        func amount(_ x: Double?) -> FieldValue? { x.map(FieldValue.decimal) }
        func text(_ s: String?) -> FieldValue? { s.map(FieldValue.text) }
        switch field {
        case .year: return .integer(year)
        case .countyCode: return .text(countyCode)
        case .countyName: return text(countyName)
        case .schoolCode: return .text(schoolCode)
        case .schoolName: return .text(schoolName)
        case .schoolType: return .text(type.rawValue)
        case .parentSchoolCode: return text(parentSchoolCode)
        case .locality: return .text(locality.rawValue)
        case .ownership: return .text(ownership.rawValue)
        case .boarding: return boarding.map(FieldValue.flag)
        case .longitude: return amount(coordinate?.longitude)
        case .latitude: return amount(coordinate?.latitude)
        case .studentsPrimary: return count(primary.students)
        case .studentsJunior: return count(junior.students)
        case .studentsSenior: return count(seniorStudents)
        case .classesPrimary: return count(primary.classes)
        case .classesJunior: return count(junior.classes)
        case .largestClassPrimary: return count(primary.largestClass)
        case .largestClassJunior: return count(junior.largestClass)
        case .teachersPrimary: return count(primary.teachers)
        case .teachersJunior: return count(junior.teachers)
        case .qualifiedPrimary: return count(primary.qualifiedTeachers)
        case .qualifiedJunior: return count(junior.qualifiedTeachers)
        case .backbonePrimary: return count(primary.backboneTeachers)
        case .backboneJunior: return count(junior.backboneTeachers)
        case .peArtPrimary: return count(primary.peArtTeachers)
        case .peArtJunior: return count(junior.peArtTeachers)
        case .seniorTitlePrimary: return count(primary.seniorTitleTeachers)
        case .seniorTitleJunior: return count(junior.seniorTitleTeachers)
        case .teachingArea: return amount(facilities.teachingArea)
        case .sportsArea: return amount(facilities.sportsArea)
        case .equipmentValue: return amount(facilities.equipmentValue)
        case .multimediaRooms: return count(facilities.multimediaRooms)
        case .computers: return count(facilities.computers)
        case .books: return count(facilities.books)
        case .musicRooms: return count(facilities.musicRooms)
        case .artRooms: return count(facilities.artRooms)
        case .publicFunds: return amount(publicFunds)
        case .trainingFunds: return amount(trainingFunds)
        case .capacityPrimary: return count(primary.capacity)
        case .capacityJunior: return count(junior.capacity)
        case .graduates: return count(graduates)
        case .eligible: return count(eligibleGraduates)
        case .boarders: return count(boarders)
        case .specialPupils: return count(specialPupils)
        case .musicRoomArea: return amount(facilities.musicRoomArea)
        case .artRoomArea: return amount(facilities.artRoomArea)
        }
    }

    /// A school year rebuilt from its field values — what a database row holds.
    ///
    /// Only structural checks are made here (types, codes of enumerations, the counts'
    /// stored range); the file rules of data-format.md belong to the readers, which checked
    /// the values before they were stored.
    ///
    /// - Throws: ``FieldValueError`` naming the first field that cannot be used.
    public init(fields: [SchoolField: FieldValue]) throws(FieldValueError) {
        func integer(_ field: SchoolField) throws(FieldValueError) -> Int? {
            switch fields[field] {
            case nil: return nil
            case .integer(let n)?:
                guard n >= 0, n <= StoredCount.maximum || field == .year else { throw FieldValueError(field: field, value: .integer(n)) }
                return n
            case let other?: throw FieldValueError(field: field, value: other)
            }
        }
        func decimal(_ field: SchoolField) throws(FieldValueError) -> Double? {
            switch fields[field] {
            case nil: return nil
            case .decimal(let x)? where x.isFinite: return x
            case .integer(let n)?: return Double(n)
            case let other?: throw FieldValueError(field: field, value: other)
            }
        }
        func text(_ field: SchoolField) throws(FieldValueError) -> String? {
            switch fields[field] {
            case nil: return nil
            case .text(let s)?: return s
            case let other?: throw FieldValueError(field: field, value: other)
            }
        }
        func required<T>(_ field: SchoolField, _ value: T?) throws(FieldValueError) -> T {
            guard let value else { throw FieldValueError(field: field, value: nil) }
            return value
        }
        func code<T: RawRepresentable<String>>(_ field: SchoolField, as _: T.Type) throws(FieldValueError) -> T? {
            guard let raw = try text(field) else { return nil }
            guard let value = T(rawValue: raw) else { throw FieldValueError(field: field, value: .text(raw)) }
            return value
        }
        var boarding: Bool?
        switch fields[.boarding] {
        case nil: boarding = nil
        case .flag(let b)?: boarding = b
        case let other?: throw FieldValueError(field: .boarding, value: other)
        }
        let longitude = try decimal(.longitude), latitude = try decimal(.latitude)
        if (longitude == nil) != (latitude == nil) {
            throw FieldValueError(field: longitude == nil ? .longitude : .latitude, value: nil)
        }
        self.init(
            year: try required(.year, integer(.year)),
            countyCode: try required(.countyCode, text(.countyCode)),
            countyName: try text(.countyName),
            schoolCode: try required(.schoolCode, text(.schoolCode)),
            schoolName: try required(.schoolName, text(.schoolName)),
            type: try required(.schoolType, code(.schoolType, as: SchoolType.self)),
            parentSchoolCode: try text(.parentSchoolCode),
            locality: try required(.locality, code(.locality, as: Locality.self)),
            ownership: try code(.ownership, as: Ownership.self) ?? .public,
            boarding: boarding,
            coordinate: longitude.flatMap { lon in latitude.map { Coordinate(longitude: lon, latitude: $0) } },
            primary: StageRecord(
                students: try integer(.studentsPrimary), classes: try integer(.classesPrimary),
                largestClass: try integer(.largestClassPrimary), teachers: try integer(.teachersPrimary),
                qualifiedTeachers: try integer(.qualifiedPrimary), backboneTeachers: try integer(.backbonePrimary),
                peArtTeachers: try integer(.peArtPrimary), seniorTitleTeachers: try integer(.seniorTitlePrimary),
                capacity: try integer(.capacityPrimary)
            ),
            junior: StageRecord(
                students: try integer(.studentsJunior), classes: try integer(.classesJunior),
                largestClass: try integer(.largestClassJunior), teachers: try integer(.teachersJunior),
                qualifiedTeachers: try integer(.qualifiedJunior), backboneTeachers: try integer(.backboneJunior),
                peArtTeachers: try integer(.peArtJunior), seniorTitleTeachers: try integer(.seniorTitleJunior),
                capacity: try integer(.capacityJunior)
            ),
            seniorStudents: try integer(.studentsSenior),
            facilities: Facilities(
                teachingArea: try decimal(.teachingArea), sportsArea: try decimal(.sportsArea),
                equipmentValue: try decimal(.equipmentValue), multimediaRooms: try integer(.multimediaRooms),
                computers: try integer(.computers), books: try integer(.books),
                musicRooms: try integer(.musicRooms), artRooms: try integer(.artRooms)
            ),
            publicFunds: try decimal(.publicFunds),
            trainingFunds: try decimal(.trainingFunds)
        )
        graduates = try integer(.graduates)
        eligibleGraduates = try integer(.eligible)
        boarders = try integer(.boarders)
        specialPupils = try integer(.specialPupils)
        facilities.musicRoomArea = try decimal(.musicRoomArea)
        facilities.artRoomArea = try decimal(.artRoomArea)
    }

    /// Every reported field and its value.
    public var fieldValues: [SchoolField: FieldValue] {
        var values: [SchoolField: FieldValue] = [:]
        for field in SchoolField.allCases {
            if let value = value(of: field) { values[field] = value }
        }
        return values
    }

    /// The fields whose values differ between `old` and this row, in canonical order —
    /// what the audit trail records for an edit or a re-import.
    public func changes(from old: SchoolYear) -> [FieldChange] {
        SchoolField.allCases.compactMap { field in
            let before = old.value(of: field), after = value(of: field)
            return before == after ? nil : FieldChange(field: field, old: before, new: after)
        }
    }
}

/// A field changed from one value to another (`nil`: not reported).
public struct FieldChange: Sendable, Hashable {
    public var field: SchoolField
    public var old: FieldValue?
    public var new: FieldValue?

    public init(field: SchoolField, old: FieldValue?, new: FieldValue?) {
        self.field = field
        self.old = old
        self.new = new
    }
}

/// A stored value that cannot be used for its field (wrong type, unknown code, count out of
/// range, a required field missing).
public struct FieldValueError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field.
    public var field: SchoolField
    /// The offending value; `nil` when a required value is missing.
    public var value: FieldValue?

    public init(field: SchoolField, value: FieldValue?) {
        self.field = field
        self.value = value
    }

    public var description: String {
        if let value { "\(field.key): unusable value \(value.text)" } else { "\(field.key): value missing" }
    }
}

extension SchoolYear {
    /// The classification fields (``SchoolField/isClassification``) whose value differs from
    /// `earlier`'s: what only the county may change, whether by form, API or import.
    public func reclassifiedFields(from earlier: SchoolYear) -> [SchoolField] {
        SchoolField.allCases.filter { $0.isClassification && value(of: $0) != earlier.value(of: $0) }
    }
}
