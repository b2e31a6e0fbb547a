import ArgumentParser
import Domain
import Foundation
import Interchange
import Planning

extension Plan {
    /// `junheng plan rotate SCHOOLS TEACHERS`: the yearly rotation plan of one county (交流轮岗方案),
    /// first version (see ``RotationPlanner``).
    struct Rotate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The yearly teacher rotation plan of one county (交流轮岗方案, first version).",
            discussion: """
                Swaps eligible teachers of the same subject so that backbone and qualified teachers are shared \
                by students, then adds swaps until the quotas hold (10 % of eligible teachers, 20 % of movers \
                backbone; --rules FILE, JSON, changes them). Prints the quota check, the three teacher CVs before \
                and after, the moves, the teacher counts that differ from the schools file, and the rural-service \
                record. Exit status: 0, 65 when a file is refused, 64 for bad usage.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case table, json, csv
        }

        @Argument(help: "The schools file: CSV (UTF-8 or GB18030) or XLSX; Chinese or English headers.")
        var schools: String

        @Argument(help: "The teachers file: CSV or XLSX (see README, 教师信息文件).")
        var teachers: String

        @Option(help: "Rotation rules, JSON (keys as in RotationRules; missing keys keep the defaults).")
        var rules: String?

        @Option(help: "The county (6-digit code).")
        var county: String?

        @Option(help: "The school year.")
        var year: Int?

        @Option(help: "table (default), json or csv (one row per move).")
        var format: Format = .table

        @OptionGroup var language: LanguageOption

        func run() throws {
            let l = try language.resolved()
            let rows = try select(readSchools(schools, sheet: nil, language: l), county: county, year: year, language: l)
            guard let dataYear = rows.first?.year else { throw ValidationError(l.pick("学校数据为空", "the schools file has no rows")) }
            let codes = Set(rows.map(\.schoolCode))
            let roster = try readTeachers(teachers, year: dataYear, language: l).filter { codes.contains($0.schoolCode) }
            let rotationRules: RotationRules
            if let rules {
                do {
                    rotationRules = try JSONDecoder().decode(RotationRules.self, from: Data(readFile(rules)))
                } catch let error as DecodingError {
                    printError("\(rules): \(error)")
                    throw ExitStatus.dataError
                }
            } else {
                rotationRules = .defaults
            }
            let plan = RotationPlanner(rules: rotationRules).plan(schools: rows, teachers: roster, year: dataYear)
            let moves = Dictionary(plan.moves.map { ($0.teacherID, $0.to) }, uniquingKeysWith: { a, _ in a })
            let record = RuralServiceRecord(teachers: roster, schools: rows, rules: rotationRules, moves: moves)
            let differences = TeacherCountDifference.between(rows, roster)
            let names = Dictionary(rows.map { ($0.schoolCode, $0.schoolName) }, uniquingKeysWith: { a, _ in a })
            switch format {
            case .csv:
                var text = "teacher_id,from_school,to_school,stage,reason,swap,kilometres\r\n"
                for m in plan.moves {
                    text += "\(m.teacherID),\(m.from),\(m.to),\(m.stage.rawValue),\(m.reason.rawValue),\(m.swap),\(m.kilometres.map(Decimals.three) ?? "")\r\n"
                }
                writeOutput(text)
            case .json:
                let object: [String: Any] = [
                    "eligible": plan.eligible, "movers": plan.moves.count, "required_movers": plan.requiredMovers,
                    "backbone_movers": plan.backboneMovers, "required_backbone_movers": plan.requiredBackboneMovers,
                    "meets_quota": plan.meetsQuota, "kilometres": plan.kilometres,
                    "moves": plan.moves.map { m in
                        ["teacher_id": m.teacherID, "from": m.from, "to": m.to, "stage": m.stage.rawValue, "reason": m.reason.rawValue,
                         "swap": m.swap, "kilometres": m.kilometres as Any] as [String: Any]
                    },
                    "cvs": plan.changes.map { c in
                        ["stage": c.stage.rawValue, "resource": c.resource.rawValue, "before": c.before as Any, "after": c.after as Any] as [String: Any]
                    },
                    "count_differences": differences.map { d in
                        ["school_code": d.schoolCode, "column": d.column.key, "reported": d.reported as Any, "counted": d.counted] as [String: Any]
                    },
                    "rural_service": ["candidates": record.entries.count, "qualify_now": record.entries.count(where: \.qualifiesNow),
                                      "qualify_after": record.entries.count(where: \.qualifiesAfterMove)],
                ]
                let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
                writeOutput(String(decoding: data, as: UTF8.self) + "\n")
            case .table:
                var text = l.pick("交流轮岗方案（第一版）", "Teacher rotation plan (first version)") + "\n\n"
                text += l.pick("符合交流条件 \(plan.eligible) 人；交流 \(plan.moves.count) 人（至少 \(plan.requiredMovers) 人），其中骨干 \(plan.backboneMovers) 人（至少 \(plan.requiredBackboneMovers) 人）：",
                               "Eligible \(plan.eligible); moving \(plan.moves.count) (at least \(plan.requiredMovers)), backbone \(plan.backboneMovers) (at least \(plan.requiredBackboneMovers)): ")
                text += plan.meetsQuota ? l.pick("达到比例要求\n", "quotas met\n") : l.pick("未达到比例要求\n", "quotas not met\n")
                text += "\n" + l.pick("差异系数（方案前 → 方案后）：", "CVs (before → after):") + "\n"
                for c in plan.changes {
                    text += "  \(c.stage.name(in: l))  \(l.pick(UnitCosts.chineseName(of: c.resource), UnitCosts.englishName(of: c.resource))): \(c.before.map(Decimals.three) ?? "—") → \(c.after.map(Decimals.three) ?? "—")\n"
                }
                text += "\n" + l.pick("交流名单：", "Moves:") + "\n"
                for m in plan.moves {
                    text += "  \(m.teacherID)  \(names[m.from] ?? m.from) → \(names[m.to] ?? m.to)  \(m.stage.name(in: l))  \(reason(m.reason, l))\(m.kilometres.map { "  " + Decimals.three($0) + " km" } ?? "")\n"
                }
                if !differences.isEmpty {
                    text += "\n" + l.pick("教师信息与学校数据不一致：", "Teacher counts that differ from the schools file:") + "\n"
                    for d in differences { text += "  \(d.schoolCode) \(d.column.key): \(d.reported.map(String.init) ?? "—") ≠ \(d.counted)\n" }
                }
                text += "\n" + l.pick(
                    "农村或薄弱学校任教经历（城镇中级职称教师 \(record.entries.count) 人）：现有 \(record.entries.count(where: \.qualifiesNow)) 人，交流后 \(record.entries.count(where: \.qualifiesAfterMove)) 人\n",
                    "Rural or weak-school service (town and urban teachers at mid-level title: \(record.entries.count)): \(record.entries.count(where: \.qualifiesNow)) now, \(record.entries.count(where: \.qualifiesAfterMove)) after the moves\n")
                writeOutput(text)
            }
        }
    }
}

/// Why a teacher moves, in words.
private func reason(_ reason: TeacherMove.Reason, _ l: Language) -> String {
    switch reason {
    case .backbone: l.pick("骨干教师均衡", "backbone balance")
    case .qualified: l.pick("学历均衡", "qualification balance")
    case .partner: l.pick("对调", "swap partner")
    case .quota: l.pick("补足交流比例", "quota")
    }
}

/// Reads and validates a teachers file, or prints every problem and stops with status 65.
func readTeachers(_ path: String, year: Int, language: Language) throws -> [Teacher] {
    let bytes = try readFile(path)
    do {
        let file = try TeachersReader(referenceYear: year, language: language).read(bytes, file: path)
        file.warnings.forEach { printError($0) }
        return file.teachers
    } catch {
        error.errors.forEach { printError($0.description) }
        throw ExitStatus.dataError
    }
}
