import Domain
import UseCases

/// The upload form of the rotation page: the teachers file (and its worksheet), the rules as
/// typed JSON or a file, the data year as a hidden field, and the buttons — show the plan,
/// or download it as a workbook (``RotationReport``).
struct RotateForm {
    var action: String
    var csrf: String
    var year: String
    var teachersLabel, teachersHint: String
    var sheetLabel, sheetHint: String
    var rulesLabel, rulesHint, rulesPlaceholder, rules: String
    var rulesFileLabel: String
    var submit: String
    /// The workbook button (`format=xlsx`).
    var download: String
    var downloadHint: String

    /// - Parameter rules: the rules text typed last time, shown back.
    init(county: String, year: Int, csrf: String, rules: String, language l: Language) {
        action = "/counties/\(county)/rotate"
        self.csrf = csrf
        self.year = String(year)
        teachersLabel = l.pick("教师信息文件（teachers）", "Teachers file")
        teachersHint = l.pick(
            "CSV（UTF-8 或 GB18030）或 .xlsx，每位教师一行：教师编号、学校标识码、任教学段、任教学科、性别、出生年份、最高学历、职称、骨干教师级别、本校任教年限、农村学校任教年限、是否校长、暂缓交流；年龄按 \(year) 年计算。",
            "CSV (UTF-8 or GB18030) or .xlsx, one row per teacher: teacher_id, school_code, stage, subject, gender, birth_year, qualification, title, backbone, years_at_school, rural_service_years, principal, exemption; ages are counted in \(year).")
        sheetLabel = l.pick("工作表名称（可选）", "Worksheet (optional)")
        sheetHint = l.pick("工作簿默认读取第一个工作表", "a workbook's first sheet is read unless named here")
        rulesLabel = l.pick("交流规则（JSON，可选）", "Rotation rules (JSON, optional)")
        rulesHint = l.pick(
            "留空则按默认规则；只需写出要改的键，其余保持默认。默认规则如框中所示。",
            "Leave blank for the default rules; write only the keys to change, the others keep their defaults (shown in the box).")
        rulesPlaceholder = RotationRulesInput.defaultsText
        self.rules = rules
        rulesFileLabel = l.pick("或上传规则文件（.json）", "or upload a rules file (.json)")
        submit = l.pick("生成交流轮岗方案", "Make the rotation plan")
        download = l.pick("下载方案（.xlsx）", "Download the plan (.xlsx)")
        downloadHint = l.pick("下载的工作簿含全部交流名单、各校前后对比、职称结构、农村任教经历台账和数据不一致清单。",
                              "The workbook holds every move, each school before and after, the title structure, the whole rural-service record and the count differences.")
    }
}
