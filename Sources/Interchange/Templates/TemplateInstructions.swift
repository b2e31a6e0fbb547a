import Domain
import Spreadsheet

/// The rows of a template's instructions sheet (说明): how to fill each column, and what the
/// standard measures with them — generated from the standard's data, never written by hand.
struct TemplateInstructions {
    let standard: Standard
    let language: Language

    /// Title rows, the general rules, one row per column, then the standard.
    func rows() -> [[XLSXOutputCell]] {
        var rows: [[XLSXOutputCell]] = []
        let zh = language == .chinese
        func title(_ text: String) {
            rows.append([XLSXOutputCell(.text(text), style: HouseStyles.title)])
        }
        func line(_ cells: String...) {
            rows.append(cells.map { XLSXOutputCell(.text($0), style: HouseStyles.wrapped) })
        }

        title(zh ? "学校年度数据导入模板 · 填写说明" : "School yearly data import template · instructions")
        line(zh ? "评估办法" : "Standard", standard.name(in: language))
        rows.append([])
        title(zh ? "一、总体要求" : "1. General rules")
        for rule in generalRules(zh) { line("", rule) }
        rows.append([])
        title(zh ? "二、各列填写要求" : "2. Columns")
        rows.append([zh ? "表头" : "Header", zh ? "英文列名" : "Key", zh ? "必填" : "Required", zh ? "填写要求" : "What to enter"]
            .map { XLSXOutputCell(.text($0), style: HouseStyles.header) })
        for column in SchoolColumn.allCases {
            line(column.chineseHeader, column.key, column.isRequired ? (zh ? "是" : "yes") : requiredFor(column).map { _ in zh ? "按类型" : "by type" } ?? "", requirement(of: column, zh))
        }
        rows.append([])
        title(zh ? "三、评估指标（\(standard.name)）" : "3. Indicators (\(standard.nameEn))")
        rows.append([zh ? "指标" : "Indicator", zh ? "计算方法" : "Computed as", zh ? "单位" : "Unit", zh ? "学校标准" : "School threshold"]
            .map { XLSXOutputCell(.text($0), style: HouseStyles.header) })
        for indicator in standard.indicators {
            let numerator = SchoolColumn.allCases.first { $0.key == indicator.numerator.columnKey(stage: .primary) || $0.key == indicator.numerator.rawValue }
            let source = numerator.map { zh ? $0.chineseHeader.replacingOccurrences(of: "小学", with: "") : indicator.numerator.rawValue } ?? indicator.numerator.rawValue
            let per = indicator.scale == 1 ? (zh ? "÷ 在校生数" : "÷ students") : (zh ? "÷ 在校生数 × \(DecimalNumber.text(indicator.scale))" : "÷ students × \(DecimalNumber.text(indicator.scale))")
            let thresholds = standard.stages.compactMap { stage in
                indicator.threshold(for: stage).map { "\(stage.name(in: language)) \(DecimalNumber.text($0))" }
            }.joined(separator: zh ? "；" : "; ")
            line(indicator.name(in: language), "\(source) \(per)", indicator.unit, thresholds)
        }
        rows.append([])
        for rule in standardRules(zh) { line("", rule) }
        return rows
    }

    private func generalRules(_ zh: Bool) -> [String] {
        let weights = standard.splitWeights.weights.sorted { $0.key.rawValue < $1.key.rawValue }.map { type, stages in
            let parts = Stage.allCases.compactMap { stage in stages[stage].map { "\(stage.name(in: language)) \(DecimalNumber.text($0))" } }
            return "\(zh ? type.chineseName : type.rawValue)（\(parts.joined(separator: " : "))）"
        }.joined(separator: zh ? "；" : "; ")
        if zh {
            return [
                "每行填写一所学校一个年度的数据；第1行为表头，第2行为英文列名（已隐藏），请勿修改或删除，从第3行起填写。",
                "留空表示“未统计”，与填0不同；数值列只填数字，不带单位。面积单位为平方米，金额单位为元。",
                "红色表头为每行必填列；标“按类型”的列按办学类型必填（见填写要求）。",
                "学校标识码在同一年度内不得重复；教学点须填写所属学校标识码（同一县区、同一年度、有小学学段的学校）。",
                "一贯制学校、完全中学分学段填写学生、班级和教师数；校舍、场馆、设备等按全校合计填写，系统按评估办法的折算权重分到各学段：\(weights)。",
                "有任何错误时整个文件不导入，错误按“文件:工作表:行:列: 说明”逐条列出。",
            ]
        }
        return [
            "One row per school per year; row 1 holds the headers and row 2 the English keys (hidden): do not change or delete them, and start in row 3.",
            "An empty cell means 'not reported', which is not 0; numeric columns take numbers only, without units. Areas in m², money in yuan.",
            "Red headers must be filled in every row; columns marked 'by type' are required for some school types (see 'What to enter').",
            "A school code appears once per year; a teaching point names its parent school (same county and year, with a primary stage).",
            "Combined schools report students, classes and teachers per stage; buildings, grounds and equipment as whole-school totals, which are split between stages with the standard's weights: \(weights).",
            "Any error refuses the whole file; each is listed as FILE:SHEET:ROW:COLUMN: message.",
        ]
    }

    /// The school types whose stage makes `column` required, if any.
    private func requiredFor(_ column: SchoolColumn) -> [SchoolType]? {
        let types = SchoolType.allCases.filter { type in type.stages.contains { SchoolColumn.required($0).contains(column) } }
        return types.isEmpty ? nil : types
    }

    private func requirement(of column: SchoolColumn, _ zh: Bool) -> String {
        var text: String
        switch column.kind {
        case .year: text = zh ? "整数，1949至2100，如2025（学年开始的年份）" : "whole number 1949–2100, e.g. 2025 (the school year's start)"
        case .countyCode: text = zh ? "6位行政区划代码" : "6-digit administrative division code"
        case .text: text = zh ? "文字" : "text"
        case .code: text = zh ? "编码，不超过\(ColumnKind.maximumCodeLength)个字符" : "code of at most \(ColumnKind.maximumCodeLength) characters"
        case .count: text = zh ? "不小于0的整数" : "whole number ≥ 0"
        case .amount: text = zh ? "不小于0的数值" : "number ≥ 0"
        case let .degrees(range): text = zh ? "十进制度数，\(DecimalNumber.text(range.lowerBound))至\(DecimalNumber.text(range.upperBound))；经纬度同时填写或同时留空" : "decimal degrees, \(DecimalNumber.text(range.lowerBound)) to \(DecimalNumber.text(range.upperBound)); fill both or neither"
        case let .choice(choices): text = (zh ? "从下拉列表选择：" : "choose: ") + choices.chineseNames.joined(separator: zh ? "、" : ", ")
        }
        if let types = requiredFor(column) {
            let names = types.map { zh ? $0.chineseName : $0.rawValue }.joined(separator: zh ? "、" : ", ")
            text += zh ? "；\(names)必填" : "; required for \(names)"
        }
        if column == .parentSchoolCode { text += zh ? "；教学点必填" : "; required for teaching points" }
        if column == .capacityPrimary || column == .capacityJunior {
            text += zh ? "；该学段可容纳的学生数，留空时按班数×标准班额（小学45人、初中50人）计算"
                : "; the pupils the stage has room for; empty: classes × the standard class size (45 primary, 50 junior)"
        }
        if column == .graduates {
            text += zh ? "；含初中学段的学校填写，用于优质高中招生名额分配到校（指标到校）"
                : "; schools with a junior stage, by whom quality high schools' places are shared (指标到校)"
        }
        if column == .musicRoomArea || column == .artRoomArea {
            text += zh ? "；每间的面积（平方米），各间不同时填最小的一间" : "; each room's area (m²), the smallest room's when they differ"
        }
        if column == .specialPupils {
            text += zh ? "；残疾学生随班就读人数，已含在在校生数中" : "; pupils with disabilities in ordinary classes, already counted in the students"
        }
        if column == .eligible {
            text += zh ? "；不多于初中应届毕业生数（如在本校连续就读满三年者），留空时等于应届毕业生数"
                : "; at most graduates (e.g. three years at the school); empty: all the graduates"
        }
        return text
    }

    private func standardRules(_ zh: Bool) -> [String] {
        var rules: [String] = []
        let limits = standard.stages.compactMap { stage in
            standard.balance.cvLimits[stage].map { "\(stage.name(in: language)) ≤ \(DecimalNumber.text($0))" }
        }.joined(separator: zh ? "，" : ", ")
        switch standard.balance.judged {
        case .eachIndicator:
            rules.append(zh ? "校际差异系数：每项指标分学段计算，须\(limits)。" : "Coefficient of variation: each indicator, per stage, must be \(limits).")
        case .composite:
            rules.append(zh ? "综合差异系数：各指标差异系数的平均值，须\(limits)。" : "Composite coefficient of variation (mean of the indicators' CVs) must be \(limits).")
        }
        if let rule = standard.schoolRule {
            let floor = DecimalNumber.text(rule.floorRatio * 100)
            rules.append(zh
                ? "学校达标：每所学校至少\(rule.minMet)项指标达到标准，其余指标不低于标准的\(floor)%。"
                : "School rule: each school meets at least \(rule.minMet) thresholds, and reaches \(floor)% of the others.")
        }
        let scope = standard.scope
        let excluded = scope.excludedTypes.map { zh ? $0.chineseName : $0.rawValue }.joined(separator: zh ? "、" : ", ")
        if !excluded.isEmpty { rules.append(zh ? "不参与资源配置评估的学校类型：\(excluded)。" : "School types outside the resource evaluation: \(excluded).") }
        switch scope.teachingPoints {
        case .excludeSmall:
            rules.append(zh ? "教学点：学生不足\(scope.teachingPointMinStudents)人的不参与计算。" : "Teaching points with fewer than \(scope.teachingPointMinStudents) pupils are left out.")
        case .mergeIntoParent:
            rules.append(zh ? "教学点：并入所属学校计算。" : "Teaching points are counted within their parent school.")
        case .include:
            rules.append(zh ? "教学点：作为独立学校计算。" : "Teaching points count as schools of their own.")
        }
        if scope.excludePrivate { rules.append(zh ? "民办学校不参与资源配置评估。" : "Private schools are outside the resource evaluation.") }
        return rules
    }
}
