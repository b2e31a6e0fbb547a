import Domain
import Planning

/// Children who need care (关爱帮扶) as ``Report``s — one builder for every medium: the county's
/// care dashboard (counts and rates by school, the items they decide), the register list, the
/// pairing (结对帮扶) with its contact cards (联系卡), and the dropout ledger (控辍保学台账).
///
/// Whether names appear is decided before: the register given is masked
/// (``Domain/Child/masked``) unless the account may see it; the builder shows what it is given.
public struct CareReport: Sendable {
    public let language: Language

    public init(language: Language) {
        self.language = language
    }

    public var summaryName: String { Term.summary.name(in: language) }

    // MARK: Dashboard

    /// The county's dashboard: the rates the 2017 method judges (quality items 1 and 2, item
    /// 15) and the counts by school.
    public func dashboard(_ rates: CareRates, title: String, schoolNames: [String: String]) -> Report {
        let l = language
        let c = rates.county
        func rate(_ ratio: CareRates.Ratio?, _ threshold: Double) -> ReportCell {
            guard let percent = ratio?.percent else { return .decimal(nil, places: 2) }
            return .judged(percent, places: 2, passes: percent >= threshold)
        }
        let headline = [
            ReportFact(l.pick("在册儿童", "Children on the register"), .count(c.children)),
            ReportFact(l.pick("留守儿童（其中双亲外出）", "Left-behind (both parents away)"), .text("\(c.leftBehind)（\(c.bothParentsAway)）")),
            ReportFact(l.pick("随迁子女", "Migrant children"), .count(c.migrants)),
            ReportFact(l.pick("残疾儿童", "Children with disabilities"), .count(c.disabled)),
            ReportFact(l.pick("家庭经济困难 / 孤儿", "Families in hardship / orphans"), .text("\(c.poverty) / \(c.orphans)")),
            ReportFact(l.pick("需结对帮扶 / 已结对", "To pair / paired"), .text("\(c.needPartner) / \(c.paired)")),
            ReportFact(l.pick("初中三年巩固率（%，质量第1项 ≥ 95）", "Junior retention (%, quality item 1 ≥ 95)"), rate(rates.retention, 95)),
            ReportFact(l.pick("残疾儿童少年入学率（%，质量第2项 ≥ 95）", "Disabled children enrolled (%, quality item 2 ≥ 95)"), rate(rates.disabledEnrollment, 95)),
            ReportFact(l.pick("随迁子女在公办及购买服务学校就读（%，政府第15项 ≥ 85）", "Migrant children in public or purchased places (%, item 15 ≥ 85)"),
                       rate(rates.migrantPublicShare, 85)),
        ]
        var sections = [ReportSection(id: "schools", l.pick("各校关爱对象", "Children by school"), [.table(schools(rates, names: schoolNames))])]
        if !rates.cohortsWithoutGraduates.isEmpty {
            sections.append(ReportSection(id: "retention", l.pick("巩固率", "Retention"), [.note(l.pick(
                "以下学校的巩固率数据缺少毕业生数（学校年度数据也未填写初中应届毕业生数），巩固率未计算：",
                "These schools' cohorts have no graduates (nor does their school row), so retention is not computed: ")
                + rates.cohortsWithoutGraduates.joined(separator: l.pick("、", ", ")))]))
        }
        return Report(title: title, headline: headline, sections: sections)
    }

    /// One row per school (then the children no school has): the counts of each kind.
    public func schools(_ rates: CareRates, names: [String: String]) -> ReportTable {
        let l = language
        var table = ReportTable(name: l.pick("各校", "Schools"), columns: [
            ReportColumn("school_code", l.pick("学校标识码", "School code")), ReportColumn("school_name", l.pick("学校名称", "School")),
            ReportColumn("children", l.pick("在册儿童", "Children")), ReportColumn("left_behind", l.pick("留守儿童", "Left behind")),
            ReportColumn("both_parents_away", l.pick("双亲外出", "Both parents away")), ReportColumn("migrant", l.pick("随迁子女", "Migrant")),
            ReportColumn("disabled", l.pick("残疾儿童", "Disabled")), ReportColumn("regular_class", l.pick("随班就读", "Regular class")),
            ReportColumn("special_school", l.pick("特殊教育学校", "Special school")), ReportColumn("home_teaching", l.pick("送教上门", "Taught at home")),
            ReportColumn("not_enrolled", l.pick("残疾未入学", "Disabled, not enrolled")), ReportColumn("poverty", l.pick("家庭经济困难", "Hardship")),
            ReportColumn("orphans", l.pick("孤儿", "Orphans")), ReportColumn("need_partner", l.pick("需结对", "To pair")),
            ReportColumn("paired", l.pick("已结对", "Paired")),
        ], frozenColumns: 2)
        for s in rates.schools {
            let code: ReportCell = s.schoolCode.map { .link($0, to: .school(code: $0)) } ?? .text(l.pick("未入学", "not enrolled"))
            table.rows.append([
                code, .text(s.schoolCode.flatMap { names[$0] } ?? ""), .count(s.children), .count(s.leftBehind), .count(s.bothParentsAway),
                .count(s.migrants), .count(s.disabled), .count(s.regularClass), .count(s.specialSchool), .count(s.homeTeaching),
                .count(s.disabledNotEnrolled), .count(s.poverty), .count(s.orphans), .count(s.needPartner),
                .judged(Double(s.paired), places: 0, passes: s.paired == s.needPartner),
            ])
        }
        return table
    }

    // MARK: Register

    /// The register list: masked or not, as given.
    public func register(_ children: [Child], title: String, unmasked: Bool, schoolNames: [String: String]) -> Report {
        let l = language
        let note = unmasked
            ? l.pick("本页含儿童个人信息，仅限关爱帮扶工作使用；每次查阅和导出均已记入操作记录。",
                     "This page holds children's personal information, for care work only; every view and export is recorded.")
            : l.pick("儿童个人信息已脱敏（姓名保留首字、学籍号保留后4位，不含出生日期、监护人、电话和住址）。",
                     "Children's personal information is masked (first character of the name, last 4 of the id; no birth date, guardian, phone or address).")
        return Report(title: title, headline: [ReportFact(l.pick("儿童数", "Children"), .count(children.count))],
                      sections: [ReportSection(id: "children", nil, [.note(note), .table(registerTable(children, unmasked: unmasked, schoolNames: schoolNames))])])
    }

    /// The register's table (also the CSV of an export): personal columns only when unmasked.
    public func registerTable(_ children: [Child], unmasked: Bool, schoolNames: [String: String]) -> ReportTable {
        let l = language
        var columns = [
            ReportColumn("child_id", l.pick("学籍号", "Child id")), ReportColumn("name", l.pick("姓名", "Name")),
            ReportColumn("gender", l.pick("性别", "Gender")),
        ]
        if unmasked { columns.append(ReportColumn("birth_date", l.pick("出生日期", "Birth date"))) }
        columns += [
            ReportColumn("school_code", l.pick("学校标识码", "School code")), ReportColumn("school_name", l.pick("学校名称", "School")),
            ReportColumn("grade", l.pick("年级", "Grade")), ReportColumn("class", l.pick("班级", "Class")),
            ReportColumn("left_behind", l.pick("留守情况", "Left behind")), ReportColumn("migrant", l.pick("随迁子女", "Migrant")),
            ReportColumn("disability", l.pick("残疾类型", "Disability")), ReportColumn("placement", l.pick("安置方式", "Placement")),
            ReportColumn("poverty", l.pick("家庭经济困难", "Hardship")), ReportColumn("orphan", l.pick("孤儿", "Orphan")),
            ReportColumn("partner", l.pick("结对教师", "Care partner")),
        ]
        if unmasked {
            columns += [ReportColumn("guardian", l.pick("监护人", "Guardian")), ReportColumn("guardian_phone", l.pick("联系电话", "Phone")),
                        ReportColumn("address", l.pick("家庭住址", "Address"))]
        }
        var table = ReportTable(name: l.pick("儿童登记", "Register"), columns: columns, frozenColumns: 2)
        for child in children {
            var row: [ReportCell] = [.code(child.id), .text(child.name), child.gender.map { .term(l.pick($0.chineseName, $0.rawValue), key: $0.rawValue) } ?? .empty]
            if unmasked { row.append(.code(child.birthDate.text)) }
            row += [
                child.schoolCode.map { .link($0, to: .school(code: $0)) } ?? .empty, .text(child.schoolCode.flatMap { schoolNames[$0] } ?? ""),
                child.grade.map { .count($0) } ?? .empty, child.classId.map { .code($0) } ?? .empty,
                .term(l.pick(child.leftBehind.chineseName, child.leftBehind.key), key: child.leftBehind.key), yesNo(child.migrant),
                child.disability.map { .term(l.pick($0.chineseName, $0.rawValue), key: $0.rawValue) } ?? .empty,
                child.placement.map { .term(l.pick($0.chineseName, $0.rawValue), key: $0.rawValue) } ?? .empty,
                yesNo(child.poverty), yesNo(child.orphan), child.partner.map { .code($0) } ?? .empty,
            ]
            if unmasked {
                row += [child.guardian.map { .text($0) } ?? .empty, child.guardianPhone.map { .code($0) } ?? .empty, child.address.map { .text($0) } ?? .empty]
            }
            table.rows.append(row)
        }
        return table
    }

    private func yesNo(_ answer: Bool) -> ReportCell {
        .term(answer ? language.pick("是", "yes") : language.pick("否", "no"), key: answer ? "yes" : "no")
    }

    // MARK: Pairing and contact cards

    /// The pairing: who is paired with whom, who is not, each teacher's load.
    public func pairing(_ outcome: RegisterPairing.Outcome, limit: Int, title: String, schoolNames: [String: String]) -> Report {
        let l = language
        let needing = Set(outcome.needing)
        let paired = outcome.children.filter { needing.contains($0.id) && $0.partner != nil }
        let headline = [
            ReportFact(l.pick("需结对儿童", "Children to pair"), .count(outcome.needing.count)),
            ReportFact(l.pick("已结对", "Paired"), .judged(Double(paired.count), places: 0, passes: outcome.unpaired.isEmpty)),
            ReportFact(l.pick("由班主任结对", "Paired with their head teacher"), .count(outcome.withHeadTeacher)),
            ReportFact(l.pick("延续上年结对教师", "Kept last year's partner"), .count(outcome.kept)),
            ReportFact(l.pick("结对教师数", "Teachers paired"), .count(outcome.loads.count)),
            ReportFact(l.pick("每名教师最多结对", "Most children per teacher"), .count(limit)),
        ]
        var table = ReportTable(name: l.pick("结对名单", "Pairs"), columns: [
            ReportColumn("child_id", l.pick("学籍号", "Child id")), ReportColumn("name", l.pick("姓名", "Name")),
            ReportColumn("school_code", l.pick("学校标识码", "School code")), ReportColumn("school_name", l.pick("学校名称", "School")),
            ReportColumn("class", l.pick("班级", "Class")), ReportColumn("partner", l.pick("结对教师", "Care partner")),
        ], frozenColumns: 2)
        for child in outcome.children where needing.contains(child.id) {
            table.rows.append([
                .code(child.id), .text(child.name), child.schoolCode.map { .code($0) } ?? .empty, .text(child.schoolCode.flatMap { schoolNames[$0] } ?? ""),
                child.classId.map { .code($0) } ?? .empty,
                child.partner.map { .code($0) } ?? .verdict(l.pick("未结对", "unpaired"), key: "unpaired", passes: false),
            ])
        }
        var sections = [ReportSection(id: "pairs", l.pick("结对名单", "Pairs"), [.table(table)])]
        if !outcome.unpaired.isEmpty {
            sections.append(ReportSection(id: "unpaired", l.pick("未结对儿童", "Children left unpaired"), [.note(l.pick(
                "以下儿童所在学校教师不足（每名教师最多\(limit)名），未能结对：", "Their schools have too few teachers (at most \(limit) each): ")
                + outcome.unpaired.joined(separator: l.pick("、", ", ")))]))
        }
        return Report(title: title, headline: headline, sections: sections)
    }

    /// 联系卡: one card per child the rules pair, for printing by school — the child, the
    /// school and class, the guardian and phone (when unmasked), the care partner.
    public func contactCards(_ children: [Child], title: String, unmasked: Bool, schoolNames: [String: String]) -> Report {
        let l = language
        let sections = children.map { child in
            var facts = [
                ReportFact(l.pick("学籍号", "Child id"), .code(child.id)),
                ReportFact(l.pick("学校", "School"), .text(child.schoolCode.map { schoolNames[$0] ?? $0 } ?? "")),
                ReportFact(l.pick("年级班级", "Grade and class"), .text([child.grade.map { l.pick("\($0)年级", "grade \($0)") }, child.classId].compactMap { $0 }.joined(separator: " "))),
                ReportFact(l.pick("留守情况", "Left behind"), .text(l.pick(child.leftBehind.chineseName, child.leftBehind.key))),
            ]
            if unmasked {
                facts += [
                    ReportFact(l.pick("监护人", "Guardian"), .text(child.guardian ?? "")),
                    ReportFact(l.pick("联系电话", "Phone"), .code(child.guardianPhone ?? "")),
                    ReportFact(l.pick("家庭住址", "Address"), .text(child.address ?? "")),
                ]
            }
            facts.append(ReportFact(l.pick("结对教师", "Care partner"), child.partner.map { .code($0) } ?? .verdict(l.pick("未结对", "unpaired"), key: "unpaired", passes: false)))
            return ReportSection(id: "card-\(child.id)", l.pick("联系卡：", "Contact card: ") + child.name, [.facts(facts)])
        }
        return Report(title: title, headline: [ReportFact(l.pick("联系卡", "Cards"), .count(children.count))], sections: sections)
    }

    // MARK: Dropout ledger

    /// The ledger: open cases first, each with its visits.
    public func dropouts(_ cases: [DropoutCase], title: String, schoolNames: [String: String]) -> Report {
        let l = language
        let open = cases.filter { !$0.isClosed }
        let headline = [
            ReportFact(l.pick("个案", "Cases"), .count(cases.count)),
            ReportFact(l.pick("未结案", "Open"), .judged(Double(open.count), places: 0, passes: open.isEmpty)),
            ReportFact(l.pick("已复学", "Back at school"), .count(cases.filter { $0.status == .returned }.count)),
            ReportFact(l.pick("走访次数", "Visits"), .count(cases.reduce(0) { $0 + $1.visits.count })),
        ]
        var table = ReportTable(name: l.pick("个案", "Cases"), columns: [
            ReportColumn("child_id", l.pick("学籍号", "Child id")), ReportColumn("school_code", l.pick("学校标识码", "School code")),
            ReportColumn("school_name", l.pick("学校名称", "School")), ReportColumn("status", l.pick("状态", "Status")),
            ReportColumn("opened", l.pick("发现日期", "Opened")), ReportColumn("closed", l.pick("结案日期", "Closed")),
            ReportColumn("reason", l.pick("辍学原因", "Reason")), ReportColumn("visits", l.pick("走访次数", "Visits")),
            ReportColumn("last_visit", l.pick("最近走访", "Last visit")),
        ], frozenColumns: 1)
        var visits = ReportTable(name: l.pick("走访记录", "Visits"), columns: [
            ReportColumn("child_id", l.pick("学籍号", "Child id")), ReportColumn("visit_date", l.pick("走访日期", "Date")),
            ReportColumn("visitor", l.pick("走访人", "Visitor")), ReportColumn("outcome", l.pick("走访结果", "Outcome")),
        ], frozenColumns: 1)
        for c in open + cases.filter(\.isClosed) {
            table.rows.append([
                .code(c.childID), c.schoolCode.map { .code($0) } ?? .empty, .text(c.schoolCode.flatMap { schoolNames[$0] } ?? ""),
                .verdict(l.pick(c.status.chineseName, c.status.rawValue), key: c.status.rawValue, passes: c.isClosed ? true : nil),
                .code(c.opened.text), c.closed.map { .code($0.text) } ?? .empty, c.reason.map { .text($0) } ?? .empty, .count(c.visits.count),
                c.visits.last.map { .text("\($0.date.text) \($0.visitor)：\($0.outcome)") } ?? .empty,
            ])
            for v in c.visits { visits.rows.append([.code(c.childID), .code(v.date.text), .text(v.visitor), .text(v.outcome)]) }
        }
        return Report(title: title, headline: headline, sections: [
            ReportSection(id: "cases", l.pick("控辍保学个案", "Dropout cases"), [.table(table)]),
            ReportSection(id: "visits", l.pick("劝返走访记录", "Follow-up visits"), [.table(visits)]),
        ])
    }
}
