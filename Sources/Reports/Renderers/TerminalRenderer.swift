import Domain

/// A ``Report`` as terminal text (`--format table`): the title, the headline facts one a line,
/// then each section — its heading after a blank line, paragraphs as they are, facts, notes
/// and numbered items indented by two, subheadings indented by two after a blank line, tables
/// aligned by display width (numbers right, text left) and indented by two, nested ones by four.
public struct TerminalRenderer: Sendable {
    /// The language of the punctuation between a label and its value.
    public let language: Language

    public init(language: Language) {
        self.language = language
    }

    /// The whole report, each line ending in a newline.
    public func text(_ report: Report) -> String {
        var out = report.title + "\n"
        if !report.headline.isEmpty { out += "\n" }
        for fact in report.headline { out += line(fact) }
        for section in report.sections {
            if let heading = section.heading { out += "\n" + heading + "\n" }
            for block in section.blocks {
                switch block {
                case let .paragraph(text): out += text + "\n"
                case let .facts(facts): for fact in facts { out += "  " + line(fact) }
                case let .table(table): if !table.isDetail { out += rendered(table) }
                case let .note(text): out += "  " + text + "\n"
                case let .numbered(items): for (number, item) in zip(1..., items) { out += "  \(number). \(item)\n" }
                case let .subheading(text): out += "\n  " + text + "\n"
                case .chart: break
                }
            }
        }
        return out
    }

    private func line(_ fact: ReportFact) -> String {
        fact.label + language.pick("：", ": ") + fact.value.shown(in: language) + "\n"
    }

    private func rendered(_ table: ReportTable) -> String {
        let columns = table.columnIndices(for: .people)
        var text = TextTable(
            headers: columns.map { table.columns[$0].header },
            alignments: columns.map { index in
                table.rows.contains { $0[index].isNumeric } ? .right : .left
            })
        for row in table.rows { text.append(columns.map { row[$0].shown(in: language) }) }
        return text.rendered(indent: table.isNested ? 4 : 2)
    }
}
