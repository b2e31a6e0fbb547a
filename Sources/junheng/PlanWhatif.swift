import ArgumentParser
import Domain
import Foundation
import Reports
import UseCases

extension Plan {
    /// `junheng plan whatif FILE --set CODE:FIELD=VALUE …`: edits applied to a copy of one
    /// county's data (nothing is written) and the county evaluated again (假设分析,
    /// ``EvaluateWhatif``), presented by ``WhatifReport``.
    struct Whatif: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a school's values in a copy of the data and see the evaluation move (假设分析).",
            discussion: """
                Each --set is SCHOOL_CODE:FIELD=VALUE, FIELD a schools column (teaching_area or 教学及辅助用房面积); \
                values are checked by the same rules as a schools file. Prints the resource part before and after \
                (the verdict and the compliant school units), each edit, and each indicator's CV before and after \
                against its limit, those the edits moved marked *. --format csv writes the CV table, --format json \
                the whole comparison, --out FILE.xlsx also writes it as a workbook. Exit status: 0, 65 when the file \
                or an edit is refused, 64 for bad usage, 73 when --out cannot be written.
                """)

        @OptionGroup var input: CountyYearOption
        @OptionGroup var standard: StandardOption

        @Option(name: .customLong("set"), help: "An edit, SCHOOL_CODE:FIELD=VALUE (repeatable).")
        var edits: [String] = []

        @OptionGroup var output: ReportOptions
        @OptionGroup var language: LanguageOption

        func run() throws {
            let l = try language.resolved()
            let schools = try input.rows(language: l)
            let standard = try self.standard.load()
            let whatif: CountyWhatif
            do {
                whatif = try EvaluateWhatif(standard: standard).evaluate(schools, edits: try edits.map { try parse($0, language: l) }, language: l)
            } catch let error as WhatifError {
                guard error.problems.isEmpty else {
                    error.problems.forEach { printError($0.description) }
                    throw ExitStatus.dataError
                }
                throw ValidationError(error.message(in: l))
            }
            let (before, after, edited) = (whatif.before, whatif.after, whatif.edited)
            let builder = WhatifReport(standard: standard, language: l)
            try output.write(
                builder.report(before: before, after: after, edited: edited), csv: builder.cvs(before: before, after: after),
                json: { try JSONValue(encoding: WhatifDocument(before: before, after: after, edited: edited, standard: standard)).serialized() + "\n" },
                summaryName: builder.summaryName, language: l)
        }

        /// `SCHOOL_CODE:FIELD=VALUE` as an edit.
        private func parse(_ text: String, language l: Language) throws -> (schoolCode: String, field: String, value: String) {
            guard let colon = text.firstIndex(of: ":"), let equals = text[colon...].firstIndex(of: "=") else {
                throw ValidationError(l.pick("--set 应为 学校标识码:字段=值，而不是 '\(text)'", "--set must be SCHOOL_CODE:FIELD=VALUE, not '\(text)'"))
            }
            return (String(text[..<colon]), String(text[text.index(after: colon)..<equals]).trimmingCharacters(in: .whitespaces),
                    String(text[text.index(after: equals)...]))
        }
    }
}
