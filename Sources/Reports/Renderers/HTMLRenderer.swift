import Domain

/// A ``Report``'s sections as HTML for web pages: each section a `<section id="…">` with its
/// heading, paragraphs, notes, facts as a two-column table, and tables inside a box that
/// scrolls sideways on its own (a wide table never widens the page). Numbers align right;
/// failures carry the class `fail`, passes `pass`; links go where `address` says. Detail
/// tables (full listings) are left to the workbook. Every text is escaped.
public struct HTMLRenderer: Sendable {
    /// The language of the notes the renderer adds (row limits).
    public let language: Language
    /// The most rows a table shows; the rest is in the workbook. `nil` shows all.
    public let rowLimit: Int?
    /// Where a link goes; `nil` shows plain text.
    public let address: @Sendable (ReportLink) -> String?

    public init(language: Language, rowLimit: Int? = nil, address: @escaping @Sendable (ReportLink) -> String? = { _ in nil }) {
        self.language = language
        self.rowLimit = rowLimit
        self.address = address
    }

    /// The sections of `report` whose ids are not in `skipping`, in order.
    public func sections(_ report: Report, skipping: Set<String> = []) -> String {
        var out = ""
        for section in report.sections where !skipping.contains(section.id) { out += self.section(section) }
        return out
    }

    /// Where a click on a column's header goes (the listing sorted by it), and the mark after
    /// it (▲ or ▼ on the column sorted by, else nothing).
    public typealias HeaderLink = (href: String, mark: String)

    /// One section. A page may put its own HTML after the heading (`afterHeading`: choices of
    /// what is listed) and at the end (`atEnd`: links to the other pages of a listing), and make
    /// its tables' headers links (`headerLink`: a listing sorted by the column clicked; `nil`
    /// leaves a header plain).
    public func section(
        _ section: ReportSection, headerLink: (ReportColumn) -> HeaderLink? = { _ in nil },
        afterHeading: String = "", atEnd: String = ""
    ) -> String {
        var out = "<section id=\"\(Markup.escape(section.id))\">\n"
        if let heading = section.heading { out += "<h2>\(Markup.escape(heading))</h2>\n" }
        out += afterHeading
        for block in section.blocks {
            if case let .table(table) = block, !table.isDetail {
                out += self.table(table, headerLink: headerLink)
            } else {
                out += html(block)
            }
        }
        return out + atEnd + "</section>\n"
    }

    /// Facts as a two-column table (label, value).
    public func facts(_ facts: [ReportFact]) -> String {
        var out = "<div class=\"scroll\"><table class=\"summary\">\n<tbody>\n"
        for fact in facts { out += "<tr><th>\(Markup.escape(fact.label))</th>\(cell(fact.value))</tr>\n" }
        return out + "</tbody>\n</table></div>\n"
    }

    /// A table, its first ``rowLimit`` rows with a note of how many there are; its headers
    /// link where `headerLink` says (see ``section(_:headerLink:afterHeading:atEnd:)``).
    public func table(_ table: ReportTable, headerLink: (ReportColumn) -> HeaderLink? = { _ in nil }) -> String {
        let columns = table.columnIndices(for: .people)
        var out = ""
        let shown = rowLimit.map { min($0, table.rows.count) } ?? table.rows.count
        if shown < table.rows.count {
            out += "<p class=\"muted\">" + Markup.escape(language.pick(
                "共 \(table.rows.count) 行，显示前 \(shown) 行；完整列表见下载的工作簿（.xlsx）。",
                "\(table.rows.count) rows, the first \(shown) shown; the whole list is in the downloaded workbook (.xlsx).")) + "</p>\n"
        }
        out += "<div class=\"scroll\"><table>\n<thead><tr>"
        for index in columns {
            let column = table.columns[index], header = Markup.escape(column.header)
            if let link = headerLink(column) {
                out += "<th><a href=\"\(Markup.escape(link.href))\">\(header)</a>\(Markup.escape(link.mark))</th>"
            } else {
                out += "<th>\(header)</th>"
            }
        }
        out += "</tr></thead>\n<tbody>\n"
        for row in table.rows.prefix(shown) {
            out += "<tr>"
            for index in columns { out += cell(row[index]) }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table></div>\n"
    }

    private func html(_ block: ReportBlock) -> String {
        switch block {
        case let .paragraph(text): "<p>\(Markup.escape(text))</p>\n"
        case let .note(text): "<p class=\"muted\">\(Markup.escape(text))</p>\n"
        case let .facts(list): facts(list)
        case let .table(table): table.isDetail ? "" : self.table(table)
        case let .numbered(items): "<ol>" + items.map { "<li>\(Markup.escape($0))</li>" }.joined() + "</ol>\n"
        case let .subheading(text): "<h3>\(Markup.escape(text))</h3>\n"
        case let .chart(chart): "<figure>" + chart.svg + "</figure>\n"
        }
    }

    /// A `<td>` with the class its kind and verdict call for, a link where the cell has one.
    private func cell(_ value: ReportCell) -> String {
        let shown = value.unlinked
        var classes: [String] = []
        if shown.isNumeric { classes.append("num") }
        switch shown {
        case let .judged(_, _, passes), let .verdict(_, _, passes), let .change(_, _, passes):
            if let passes { classes.append(passes ? "pass" : "fail") }
        default: break
        }
        let attribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
        var text = Markup.escape(shown.shown(in: language))
        let target: ReportLink? = switch value {
        case let .linked(_, target): target
        case let .link(_, target): target
        default: nil
        }
        if let target, let href = address(target) {
            text = "<a href=\"\(Markup.escape(href))\">\(text)</a>"
        }
        return "<td\(attribute)>\(text)</td>"
    }
}
