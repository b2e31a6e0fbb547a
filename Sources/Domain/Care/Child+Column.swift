extension Child {
    /// A value of a child besides the register's key (county, year, 学籍号): one catalogue for
    /// the `children` file's columns, the store's table (each kept as its canonical text) and
    /// the audit trail, which names the columns an import changed — never a personal value.
    public enum Column: String, CaseIterable, Sendable, Hashable {
        case name
        case gender
        case birthDate = "birth_date"
        case schoolCode = "school_code"
        case grade
        case classId = "class"
        case leftBehind = "left_behind"
        case migrant
        case disability
        case placement
        case poverty
        case orphan
        case guardian
        case guardianPhone = "guardian_phone"
        case address
        case partner

        /// The file's Chinese header.
        public var chineseName: String {
            switch self {
            case .name: "姓名"
            case .gender: "性别"
            case .birthDate: "出生日期"
            case .schoolCode: "学校标识码"
            case .grade: "年级"
            case .classId: "班级"
            case .leftBehind: "是否留守儿童"
            case .migrant: "是否随迁子女"
            case .disability: "残疾类型"
            case .placement: "安置方式"
            case .poverty: "家庭经济困难"
            case .orphan: "孤儿"
            case .guardian: "监护人"
            case .guardianPhone: "联系电话"
            case .address: "家庭住址"
            case .partner: "结对教师"
            }
        }

        /// The English name shown in the English interface.
        public var englishName: String {
            switch self {
            case .name: "name"
            case .gender: "gender"
            case .birthDate: "birth date"
            case .schoolCode: "school"
            case .grade: "grade"
            case .classId: "class"
            case .leftBehind: "left behind"
            case .migrant: "migrant child"
            case .disability: "disability"
            case .placement: "placement"
            case .poverty: "family in hardship"
            case .orphan: "orphan"
            case .guardian: "guardian"
            case .guardianPhone: "guardian's phone"
            case .address: "address"
            case .partner: "care partner"
            }
        }

        /// Whether the column is personal information that only accounts with the
        /// personal-data permission see unmasked (the id, kept apart as the key, is too).
        public var isPersonal: Bool {
            switch self {
            case .name, .birthDate, .guardian, .guardianPhone, .address: true
            default: false
            }
        }
    }

    /// The value of `column` in canonical text (the store's and the trail's): enumerations by
    /// their English key, yes/no as `1`/`0`, dates as `2012-03-05`; `nil` when not recorded.
    public func text(of column: Column) -> String? {
        switch column {
        case .name: name
        case .gender: gender?.rawValue
        case .birthDate: birthDate.text
        case .schoolCode: schoolCode
        case .grade: grade.map(String.init)
        case .classId: classId
        case .leftBehind: String(leftBehind.rawValue)
        case .migrant: migrant ? "1" : "0"
        case .disability: disability?.rawValue
        case .placement: placement?.rawValue
        case .poverty: poverty ? "1" : "0"
        case .orphan: orphan ? "1" : "0"
        case .guardian: guardian
        case .guardianPhone: guardianPhone
        case .address: address
        case .partner: partner
        }
    }

    /// The child whose canonical values (``text(of:)``) are `values`; `nil` when one of them
    /// is not what ``text(of:)`` writes, or the name or birth date is missing.
    public init?(id: String, countyCode: String, year: Int, values: [Column: String]) {
        guard let name = values[.name], let born = values[.birthDate].flatMap(CalendarDate.init(text:)) else { return nil }
        self.init(id: id, name: name, birthDate: born, countyCode: countyCode, year: year)
        func flag(_ column: Column) -> Bool? {
            switch values[column] {
            case "1": true
            case "0", nil: false
            default: nil
            }
        }
        guard let migrant = flag(.migrant), let poverty = flag(.poverty), let orphan = flag(.orphan) else { return nil }
        (self.migrant, self.poverty, self.orphan) = (migrant, poverty, orphan)
        if let g = values[.gender] { guard let gender = Gender(rawValue: g) else { return nil }; self.gender = gender }
        if let g = values[.grade] { guard let grade = Int(g), (1...9).contains(grade) else { return nil }; self.grade = grade }
        if let l = values[.leftBehind] { guard let left = Int(l).flatMap(LeftBehind.init(rawValue:)) else { return nil }; leftBehind = left }
        if let d = values[.disability] { guard let disability = Disability(rawValue: d) else { return nil }; self.disability = disability }
        if let p = values[.placement] { guard let placement = Placement(rawValue: p) else { return nil }; self.placement = placement }
        schoolCode = values[.schoolCode]
        classId = values[.classId]
        guardian = values[.guardian]
        guardianPhone = values[.guardianPhone]
        address = values[.address]
        partner = values[.partner]
    }
}
