import Domain

/// What the files of enrollment zoning and the forecast (`blocks`, `distances`,
/// `enrollment`, `births`) can get wrong beyond the rules every table shares, alone or
/// against each other (``ZoneInputCheck``), with its message in both languages.
enum ZoneFileProblem: Sendable, Hashable {
    /// A second row with the same 片区编号.
    case duplicateBlock(firstRow: Int)
    /// A second row of the sites file with the same 布点编号.
    case duplicateSite(firstRow: Int)
    /// More 随迁子女 of `stage` than 适龄儿童 of it (they are counted among them).
    case migrantsExceedChildren(Stage, children: Int)
    /// A row of the distances file with both 距离 and 用时.
    case distanceAndMinutes
    /// A row of the distances file with neither 距离 nor 用时.
    case distanceMissing
    /// A second row with the same 片区编号 and 学校标识码或布点编号.
    case duplicateDistance(firstRow: Int)
    /// A 年级 outside 1…9.
    case gradeOutOfRange(Int)
    /// 班数 0 for a grade with pupils.
    case noClassesForStudents(Int)
    /// A 最大班额 below the average class, ⌈students ÷ classes⌉.
    case largestClassBelowAverage(least: Int)
    /// A 最大班额 above the grade's pupils.
    case largestClassAboveStudents(Int)
    /// A second row with the same 年度, 学校标识码 and 年级.
    case duplicateGrade(firstRow: Int)
    /// A second row with the same 区域代码 and 年度.
    case duplicateBirths(firstRow: Int)
    /// A school code that no row of the schools file has.
    case unknownSchool(String)
    /// A current school whose type does not teach the stage it is named for.
    case schoolWithoutStage(String, Stage)
    /// A `to` that is neither a school of the schools file nor a site the caller knows.
    case unknownSchoolOrSite(String)
    /// A `from` that is no block of the blocks file.
    case unknownBlock(String)
    /// A block with no coordinates and no row in the distances file: it cannot be placed.
    case unlocatedBlock
    /// A block of another county than the one whose blocks are read.
    case otherCounty(String, expected: String)
    /// A `to` that is no site of the sites file.
    case unknownSite(String)
    /// A site with no coordinates and no row in the distances file: no block can reach it.
    case unlocatedSite

    /// The message in `language`.
    func message(in language: Language) -> String {
        switch self {
        case let .duplicateBlock(firstRow):
            return language.pick("片区编号重复，首次出现在第\(firstRow)行", "duplicate block_id, first on row \(firstRow)")
        case let .duplicateSite(firstRow):
            return language.pick("布点编号重复，首次出现在第\(firstRow)行", "duplicate site_id, first on row \(firstRow)")
        case let .migrantsExceedChildren(stage, children):
            return language.pick(
                "不能多于\(stage.chineseName)适龄儿童数\(children)（随迁子女包含在适龄儿童中）",
                "more than the \(children) children_\(stage.rawValue) (migrant children are counted among them)")
        case .distanceAndMinutes:
            return language.pick("距离（公里）和用时（分钟）只能填写一项", "fill distance or minutes, not both")
        case .distanceMissing:
            return language.pick("须填写距离（公里）或用时（分钟）", "fill distance or minutes")
        case let .duplicateDistance(firstRow):
            return language.pick(
                "同一片区到同一学校（布点）的距离重复，首次出现在第\(firstRow)行",
                "duplicate from and to, first on row \(firstRow)")
        case let .gradeOutOfRange(grade):
            return language.pick("年级\(grade)不在1至9之间", "grade \(grade) is not between 1 and 9")
        case let .noClassesForStudents(students):
            return language.pick("有\(students)名在校生，班数不能为0", "\(students) students need at least one class")
        case let .largestClassBelowAverage(least):
            return language.pick(
                "最大班额不能小于平均班额（在校生数÷班数，向上取整）\(least)",
                "largest_class is below the average class (students ÷ classes, rounded up) of \(least)")
        case let .largestClassAboveStudents(students):
            return language.pick("最大班额不能多于在校生数\(students)", "largest_class is more than the \(students) students")
        case let .duplicateGrade(firstRow):
            return language.pick(
                "同一年度、同一学校的年级重复，首次出现在第\(firstRow)行",
                "duplicate grade for this year and school, first on row \(firstRow)")
        case let .duplicateBirths(firstRow):
            return language.pick(
                "同一区域、同一年度的出生人数重复，首次出现在第\(firstRow)行",
                "duplicate births for this area and year, first on row \(firstRow)")
        case let .unknownSchool(code):
            return language.pick(
                "学校数据中没有学校标识码“\(MessageText.excerpt(code))”",
                "no school '\(MessageText.excerpt(code))' in the schools file")
        case let .schoolWithoutStage(code, stage):
            return language.pick(
                "学校“\(MessageText.excerpt(code))”没有\(stage.chineseName)学段",
                "school '\(MessageText.excerpt(code))' has no \(stage.rawValue) stage")
        case let .unknownSchoolOrSite(code):
            return language.pick(
                "“\(MessageText.excerpt(code))”既不是学校数据中的学校标识码，也不是布点编号",
                "'\(MessageText.excerpt(code))' is neither a school of the schools file nor a site")
        case let .unknownBlock(id):
            return language.pick(
                "片区数据中没有片区编号“\(MessageText.excerpt(id))”",
                "no block '\(MessageText.excerpt(id))' in the blocks file")
        case let .otherCounty(code, expected):
            return language.pick(
                "片区属于县区“\(MessageText.excerpt(code))”，不是本县（\(expected)）",
                "the block belongs to county '\(MessageText.excerpt(code))', not to \(expected)")
        case let .unknownSite(id):
            return language.pick(
                "布点文件中没有布点编号“\(MessageText.excerpt(id))”",
                "no site '\(MessageText.excerpt(id))' in the sites file")
        case .unlocatedSite:
            return language.pick(
                "布点既没有经纬度，距离文件中也没有到它的距离，任何片区都到不了",
                "the site has no coordinates and no row in the distances file, so no block can reach it")
        case .unlocatedBlock:
            return language.pick(
                "片区既没有经纬度，距离文件中也没有它的距离，无法计算到学校的距离",
                "the block has no coordinates and no row in the distances file, so no distance to a school is known")
        }
    }
}
