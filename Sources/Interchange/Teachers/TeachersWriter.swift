import Domain

extension DataFileWriter where Row == Teacher {
    /// The CSV file of `teachers`, one row each, in order.
    ///
    /// - Throws: ``TextCodingError`` only for GB18030 on a system that cannot encode it.
    public func write(_ teachers: [Teacher]) throws(TextCodingError) -> [UInt8] {
        try file(teachers, text(_:of:))
    }

    /// The cell of `column` for `teacher`; `nil` for no exemption.
    func text(_ column: TeacherColumn, of teacher: Teacher) -> String? {
        let chinese = headers == .chinese
        switch column {
        case .teacherId: return teacher.id
        case .schoolCode: return teacher.schoolCode
        case .stage: return chinese ? teacher.stage.chineseName : teacher.stage.rawValue
        case .subject: return chinese ? teacher.subject.chineseName : teacher.subject.key
        case .gender: return chinese ? teacher.gender.chineseName : teacher.gender.rawValue
        case .birthYear: return String(teacher.birthYear)
        case .qualification: return chinese ? teacher.qualification.chineseName : teacher.qualification.key
        case .title: return chinese ? teacher.title.chineseName : teacher.title.key
        case .backbone: return chinese ? teacher.backbone.chineseName : teacher.backbone.key
        case .yearsAtSchool: return String(teacher.yearsAtSchool)
        case .ruralServiceYears: return String(teacher.ruralServiceYears)
        case .principal: return Choices.answer(teacher.isPrincipal, headers)
        case .exemption:
            let listed = Exemption.allCases.filter(teacher.exemptions.contains)
            guard !listed.isEmpty else { return nil }
            return listed.map { chinese ? $0.chineseName : $0.rawValue }.joined(separator: chinese ? "、" : ";")
        case .headOfClass: return teacher.headOfClass
        }
    }
}
