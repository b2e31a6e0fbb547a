import Domain

/// What a `children`, `dropouts` or `cohorts` file (or the schools and register it is checked
/// against) can get wrong beyond the rules every table shares, with its message in both
/// languages.
enum CareFileProblem: Sendable, Hashable {
    /// A date cell that is no day of the calendar.
    case date(String)
    /// A birth date after the register's year or more than 30 years before it.
    case birthYear(CalendarDate, year: Int)
    /// A phone number that is not 7–20 digits (with `+`, `-`, spaces or brackets).
    case phone(String)
    /// 安置方式 未入学 with a school named.
    case notEnrolledAtSchool
    /// 随班就读 or 特殊教育学校 without the school.
    case placementNeedsSchool(Placement)
    /// 安置方式 for a child without a disability (other than 未入学).
    case placementWithoutDisability
    /// A second row for the same child id in the county and year.
    case duplicateChild(firstRow: Int)
    /// A school code the schools of the county and year do not have.
    case unknownSchool(String, county: String, year: Int)
    /// A child in a grade the school does not teach.
    case gradeNotTaught(Int, school: String)
    /// A case closed (已复学, 已销号) without its closing date, or open with one.
    case closingDate(DropoutStatus)
    /// A date before the case was opened.
    case beforeOpening(CalendarDate)
    /// A visit row with only some of its date, visitor and outcome.
    case incompleteVisit
    /// A case row whose status, dates, school or reason differ from the case's first row.
    case caseDiffers(firstRow: Int)
    /// A child the register does not have.
    case unknownChild(String)
    /// More graduates, transfers or deaths than the cohort can have.
    case cohortCounts
    /// A second row for the same school and graduation year.
    case duplicateCohort(firstRow: Int)

    func message(in language: Language) -> String {
        switch self {
        case let .date(text):
            return language.pick("日期“\(MessageText.excerpt(text))”不是有效日期，请写成2012-03-05",
                                 "'\(MessageText.excerpt(text))' is not a date of the calendar: write it as 2012-03-05")
        case let .birthYear(date, year):
            return language.pick("出生日期\(date.text)不可能：应在\(year - 30)年至\(year)年之间",
                                 "birth date \(date.text) is impossible: it must fall from \(year - 30) to \(year)")
        case let .phone(text):
            return language.pick("联系电话“\(MessageText.excerpt(text))”应为7至20位数字（可含+、-、空格或括号）",
                                 "guardian_phone '\(MessageText.excerpt(text))' must be 7 to 20 digits (with +, -, spaces or brackets)")
        case .notEnrolledAtSchool:
            return language.pick("安置方式为未入学时学校标识码应留空", "a child not enrolled (not_enrolled) has no school_code")
        case let .placementNeedsSchool(placement):
            return language.pick("安置方式为\(placement.chineseName)时须填写就读学校的学校标识码",
                                 "placement \(placement.rawValue) needs the school_code of the child's school")
        case .placementWithoutDisability:
            return language.pick("安置方式只填写残疾儿童（或未入学儿童）；请先填写残疾类型",
                                 "placement is for disabled children (or not_enrolled): give the disability first")
        case let .duplicateChild(firstRow):
            return language.pick("同一县区、同一年度学籍号重复，首次出现在第\(firstRow)行",
                                 "duplicate child_id in this county and year, first on row \(firstRow)")
        case let .unknownSchool(code, county, year):
            return language.pick("学校标识码\(MessageText.excerpt(code))不是县区\(county)在\(year)年度的学校",
                                 "school_code \(MessageText.excerpt(code)) is not a school of county \(county) in \(year)")
        case let .gradeNotTaught(grade, school):
            return language.pick("学校\(MessageText.excerpt(school))没有\(grade)年级（学段不含）",
                                 "school \(MessageText.excerpt(school)) has no grade \(grade) (not one of its stages)")
        case let .closingDate(status):
            return status.isClosed
                ? language.pick("状态为\(status.chineseName)的个案须填写结案日期", "a case \(status.rawValue) needs its closed date")
                : language.pick("状态为\(status.chineseName)的个案尚未结案，结案日期应留空", "a case \(status.rawValue) is open: leave closed empty")
        case let .beforeOpening(opened):
            return language.pick("日期早于发现日期\(opened.text)", "the date is before the case was opened (\(opened.text))")
        case .incompleteVisit:
            return language.pick("走访记录须同时填写走访日期、走访人和走访结果", "a visit needs visit_date, visitor and outcome together")
        case let .caseDiffers(firstRow):
            return language.pick("同一儿童的个案信息（学校、状态、日期、原因）与第\(firstRow)行不一致；后续行可只填走访记录",
                                 "the case (school, status, dates, reason) differs from row \(firstRow); later rows may give the visit alone")
        case let .unknownChild(id):
            return language.pick("儿童登记中没有学籍号\(MessageText.excerpt(id))", "the children register has no child_id \(MessageText.excerpt(id))")
        case .cohortCounts:
            return language.pick("毕业生数、转出人数和死亡人数不能使巩固人数为负或超过入学人数加转入人数",
                                 "graduates, transfers and deaths must leave the cohort between 0 and its entrants plus transfers in")
        case let .duplicateCohort(firstRow):
            return language.pick("同一学校、同一毕业年度重复，首次出现在第\(firstRow)行",
                                 "duplicate school and graduation year, first on row \(firstRow)")
        }
    }
}
