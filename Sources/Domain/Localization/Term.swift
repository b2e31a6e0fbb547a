/// One word of Junheng's vocabulary: a domain term with its stable key (a CSV header, a JSON
/// field, a CSS-safe id), its official Chinese and its English. Reports, pages, errors and
/// templates take a term from here rather than typing it, so 学校标识码 is spelled once and a
/// page cannot drift from the report it shows.
///
/// ```swift
/// Term.schoolCode.name(in: .chinese)   // "学校标识码"
/// Term.schoolCode.name(in: .english)   // "School code"
/// Term.schoolCode.key                  // "school_code"
/// ```
///
/// Names of things that have a type of their own stay with that type: a ``Stage``, a
/// ``Locality``, a ``Resource``, an indicator (``IndicatorDefinition/name(in:)``), a
/// ``SchoolField`` and a ``Verdict`` name themselves.
public struct Term: Sendable, Hashable {
    /// The stable English key, snake_case.
    public let key: String
    /// The official Chinese term.
    public let chinese: String
    /// The English, capitalised as a header.
    public let english: String

    public init(_ key: String, _ chinese: String, _ english: String) {
        self.key = key
        self.chinese = chinese
        self.english = english
    }

    /// The term in `language`.
    public func name(in language: Language) -> String { language.pick(chinese, english) }
}

extension Term {
    // MARK: Who and where

    /// 年度: the school year's start.
    public static let year = Term("year", "年度", "Year")
    /// 年度 of the data a plan starts from, beside the years it schedules (for scripts).
    public static let dataYear = Term("data_year", "年度", "Data year")
    /// 县区代码
    public static let countyCode = Term("county_code", "县区代码", "County code")
    /// 县区: a county by code and name, as a report's headline names it.
    public static let county = Term("county", "县区", "County")
    /// 县区名称
    public static let countyName = Term("county_name", "县区名称", "County")
    /// 学校标识码
    public static let schoolCode = Term("school_code", "学校标识码", "School code")
    /// 学校名称
    public static let schoolName = Term("school_name", "学校名称", "School")
    /// 学段
    public static let stage = Term("stage", "学段", "Stage")
    /// 城乡类型
    public static let locality = Term("locality", "城乡类型", "Locality")
    /// 在校生数
    public static let students = Term("students", "在校生数", "Students")
    /// 教师编号: a teacher in the teachers file (a code, never a name).
    public static let teacherID = Term("teacher_id", "教师编号", "Teacher")

    // MARK: Figures of the method

    /// 指标
    public static let indicator = Term("indicator", "指标", "Indicator")
    /// 单位: what an indicator or a resource is counted in (m², 台, 人 …).
    public static let unit = Term("unit", "单位", "Unit")
    /// 实际值: a school unit's value of an indicator.
    public static let value = Term("value", "实际值", "Value")
    /// 达标值: what a school unit's value must reach.
    public static let threshold = Term("threshold", "达标值", "Threshold")
    /// 县域值: the indicator over the whole county.
    public static let countyValue = Term("county_value", "县域值", "County value")
    /// 最小值
    public static let minimum = Term("min", "最小值", "Min")
    /// 最大值
    public static let maximum = Term("max", "最大值", "Max")
    /// 差异系数: the inter-school coefficient of variation.
    public static let cv = Term("cv", "差异系数", "CV")
    /// 下限: the least the one indicator a school may leave below its threshold must reach.
    public static let floor = Term("floor", "下限", "Floor")
    /// 综合差异系数: the 2012 method's mean of a stage's CVs.
    public static let compositeCV = Term("composite", "综合差异系数", "Composite CV")
    /// 学校单位数: school units evaluated (a stage of a school, teaching points merged into it).
    public static let units = Term("units", "学校单位数", "Units")
    /// 最优性: whether a plan is proven best.
    public static let optimality = Term("optimality", "最优性", "Optimality")
    /// 限值: the most a CV may be.
    public static let limit = Term("limit", "限值", "Limit")
    /// 结果: pass or fail.
    public static let result = Term("result", "结果", "Result")
    /// 原因
    public static let reason = Term("reason", "原因", "Reason")

    // MARK: Judgements

    /// 评估结论: a county's verdict.
    public static let verdict = Term("verdict", "评估结论", "Verdict")
    /// 达标
    public static let pass = Term("pass", "达标", "pass")
    /// 未达标
    public static let fail = Term("fail", "未达标", "fail")
    /// 数据不全: not judged, a value is missing.
    public static let incomplete = Term("incomplete", "数据不全", "incomplete")

    // MARK: Changes and problems

    /// 字段: a stored figure's name.
    public static let field = Term("field", "字段", "Field")
    /// 原值
    public static let oldValue = Term("old", "原值", "Old value")
    /// 新值
    public static let newValue = Term("new", "新值", "New value")
    /// 文件, 行, 列 and 问题: where a file is wrong and by which rule.
    public static let file = Term("file", "文件", "File")
    /// 行
    public static let row = Term("row", "行", "Row")
    /// 列
    public static let column = Term("column", "列", "Column")
    /// 问题: the rule a value breaks.
    public static let problem = Term("rule", "问题", "Problem")

    // MARK: Reports and pages

    /// 汇总: a report's first part, a workbook's first sheet.
    public static let summary = Term("summary", "汇总", "Summary")
    /// 上一页 and 下一页 of a listing shown a page at a time.
    public static let previousPage = Term("previous", "上一页", "Previous")
    /// 下一页
    public static let nextPage = Term("next", "下一页", "Next")

    // MARK: Plans

    /// 方案前
    public static let before = Term("before", "方案前", "Before")
    /// 方案后
    public static let after = Term("after", "方案后", "After")
}
