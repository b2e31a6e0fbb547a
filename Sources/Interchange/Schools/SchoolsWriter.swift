import Domain
import Spreadsheet

extension DataFileWriter where Row == SchoolYear {
    /// The CSV file of `schools`, one row each, in order.
    ///
    /// - Throws: ``TextCodingError`` only for GB18030 on a system that cannot encode it.
    public func write(_ schools: [SchoolYear]) throws(TextCodingError) -> [UInt8] {
        try file(schools, text(_:of:))
    }

    /// The cell of `column` for `school`; `nil` when not reported.
    func text(_ column: SchoolColumn, of school: SchoolYear) -> String? {
        let chinese = headers == .chinese
        func count(_ value: Int?) -> String? { value.map(String.init) }
        func amount(_ value: Double?) -> String? { value.map(DecimalNumber.text) }
        switch column {
        case .year: return String(school.year)
        case .countyCode: return school.countyCode
        case .countyName: return school.countyName
        case .schoolCode: return school.schoolCode
        case .schoolName: return school.schoolName
        case .schoolType: return chinese ? school.type.chineseName : school.type.rawValue
        case .parentSchoolCode: return school.parentSchoolCode
        case .locality: return chinese ? school.locality.chineseName : school.locality.rawValue
        case .ownership: return chinese ? school.ownership.chineseName : school.ownership.rawValue
        case .boarding: return school.boarding.map { Choices.answer($0, headers) }
        case .longitude: return amount(school.coordinate?.longitude)
        case .latitude: return amount(school.coordinate?.latitude)
        case .studentsPrimary: return count(school.primary.students)
        case .studentsJunior: return count(school.junior.students)
        case .studentsSenior: return count(school.seniorStudents)
        case .classesPrimary: return count(school.primary.classes)
        case .classesJunior: return count(school.junior.classes)
        case .largestClassPrimary: return count(school.primary.largestClass)
        case .largestClassJunior: return count(school.junior.largestClass)
        case .teachersPrimary: return count(school.primary.teachers)
        case .teachersJunior: return count(school.junior.teachers)
        case .qualifiedPrimary: return count(school.primary.qualifiedTeachers)
        case .qualifiedJunior: return count(school.junior.qualifiedTeachers)
        case .backbonePrimary: return count(school.primary.backboneTeachers)
        case .backboneJunior: return count(school.junior.backboneTeachers)
        case .peArtPrimary: return count(school.primary.peArtTeachers)
        case .peArtJunior: return count(school.junior.peArtTeachers)
        case .seniorTitlePrimary: return count(school.primary.seniorTitleTeachers)
        case .seniorTitleJunior: return count(school.junior.seniorTitleTeachers)
        case .teachingArea: return amount(school.facilities.teachingArea)
        case .sportsArea: return amount(school.facilities.sportsArea)
        case .equipmentValue: return amount(school.facilities.equipmentValue)
        case .multimediaRooms: return count(school.facilities.multimediaRooms)
        case .computers: return count(school.facilities.computers)
        case .books: return count(school.facilities.books)
        case .musicRooms: return count(school.facilities.musicRooms)
        case .artRooms: return count(school.facilities.artRooms)
        case .publicFunds: return amount(school.publicFunds)
        case .trainingFunds: return amount(school.trainingFunds)
        case .capacityPrimary: return count(school.primary.capacity)
        case .capacityJunior: return count(school.junior.capacity)
        case .graduates: return count(school.graduates)
        case .eligible: return count(school.eligibleGraduates)
        case .boarders: return count(school.boarders)
        case .specialPupils: return count(school.specialPupils)
        case .musicRoomArea: return amount(school.facilities.musicRoomArea)
        case .artRoomArea: return amount(school.facilities.artRoomArea)
        }
    }
}
