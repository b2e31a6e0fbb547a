import ArgumentParser
import Domain
import Foundation
import Interchange
import UseCases

extension Plan {
    /// `junheng plan whatif FILE --set CODE:FIELD=VALUE …`: edits applied to a copy of one
    /// county's data (nothing is written) and the county evaluated again (假设分析).
    struct Whatif: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a school's values in a copy of the data and see the evaluation move (假设分析).",
            discussion: """
                Each --set is SCHOOL_CODE:FIELD=VALUE, FIELD a schools column (teaching_area or 教学及辅助用房面积); \
                values are checked by the same rules as a schools file. Prints the resource part before and after: \
                compliant schools, each indicator's CV against its limit, and the verdict. Exit status: 0, 65 when \
                the file or an edit is refused, 64 for bad usage.
                """)

        @Argument(help: "The schools file: CSV (UTF-8 or GB18030) or XLSX; Chinese or English headers.")
        var file: String

        @Option(help: "The worksheet to read when the schools file is a workbook (default: the first).")
        var sheet: String?

        @Option(name: .customLong("set"), help: "An edit, SCHOOL_CODE:FIELD=VALUE (repeatable).")
        var edits: [String] = []

        @Option(help: "The county (6-digit code).")
        var county: String?

        @Option(help: "The school year.")
        var year: Int?

        @Option(help: "quality-2017 (default), basic-2012, or the path of a province's standard file.")
        var standard = "quality-2017"

        @OptionGroup var language: LanguageOption

        func run() throws {
            let l = try language.resolved()
            let standard = try loadStandard(self.standard)
            let schools = try select(readSchools(file, sheet: sheet, language: l), county: county, year: year, language: l)
            guard !edits.isEmpty else { throw ValidationError(l.pick("至少给出一个 --set", "give at least one --set")) }
            var edited = schools
            for text in edits {
                let (code, field, value) = try parse(text, language: l)
                guard let i = edited.firstIndex(where: { $0.schoolCode == code }) else {
                    throw ValidationError(l.pick("所选县区年度中没有学校 \(code)", "no school \(code) in the chosen county and year"))
                }
                do {
                    edited[i] = try SchoolEdit(language: l).apply([field: value], to: edited[i], companions: edited)
                } catch {
                    error.errors.forEach { printError($0.description) }
                    throw ExitStatus.dataError
                }
            }
            let evaluator = Evaluator(standard: standard)
            writeOutput(WhatifTable(standard: standard, language: l).compare(
                before: evaluator.evaluateCounty(schools, facts: nil), after: evaluator.evaluateCounty(edited, facts: nil)))
        }

        private func parse(_ text: String, language l: Language) throws -> (String, SchoolField, String) {
            guard let colon = text.firstIndex(of: ":"), let equals = text[colon...].firstIndex(of: "=") else {
                throw ValidationError(l.pick("--set 应为 学校标识码:字段=值，而不是 '\(text)'", "--set must be SCHOOL_CODE:FIELD=VALUE, not '\(text)'"))
            }
            let name = String(text[text.index(after: colon)..<equals]).trimmingCharacters(in: .whitespaces)
            guard let field = SchoolField.allCases.first(where: { $0.key == name || $0.chineseName == name }), !field.isIdentity else {
                throw ValidationError(l.pick("'\(name)' 不是可修改的学校字段", "'\(name)' is not a school field that can be changed"))
            }
            return (String(text[..<colon]), field, String(text[text.index(after: equals)...]))
        }
    }
}

/// The resource part of two evaluations of one county side by side.
struct WhatifTable {
    var standard: Standard
    var language: Language

    func compare(before: CountyResult, after: CountyResult) -> String {
        let l = language
        let a = ResourceCheck(before), b = ResourceCheck(after)
        func verdict(_ check: ResourceCheck) -> String { check.passes ? l.pick("达标", "pass") : l.pick("未达标", "fail") }
        var text = l.pick("资源配置：", "Resource allocation: ") + "\(verdict(a)) → \(verdict(b))\n"
        text += l.pick("达标学校（单位）：", "Compliant school units: ") + "\(a.compliantUnits)/\(a.units) → \(b.compliantUnits)/\(b.units)\n"
        for (old, new) in zip(before.stages, after.stages) {
            text += "\n\(old.stage.name(in: l))\n"
            for (x, y) in zip(old.indicators, new.indicators) {
                let name = standard.indicators[x.index].name(in: l)
                let limit = y.limit.map { " ≤ " + Decimals.three($0) } ?? ""
                let changed = x.cv == y.cv ? "" : "  *"
                text += "  \(name): CV \(x.cv.map(Decimals.three) ?? "—") → \(y.cv.map(Decimals.three) ?? "—")\(limit)\(changed)\n"
            }
        }
        return text
    }
}
