import Domain

/// A ``Report``'s sections as HTML for web pages: each section a `<section id="…">` with its
/// heading, paragraphs, notes, facts as a two-column table, and tables inside a box that
/// scrolls sideways on its own (a wide table never widens the page). Numbers align right;
/// failures carry the class `fail`, passes `pass`; amounts of money and of resources have their
/// thousands grouped; links go where `address` says. Detail tables (full listings) are left to
/// the workbook unless ``showsDetail``. A long table is cut at ``rowLimit``, or shown a page at a
/// time (``Paging``). Every text is escaped.
public struct HTMLRenderer: Sendable {
    /// The language of the notes the renderer adds (row limits).
    public let language: Language
    /// The most rows a table shows; the rest is in the workbook. `nil` shows all.
    public let rowLimit: Int?
    /// Whether detail tables (full listings) are shown: a printable document has no workbook
    /// beside it to hold them.
    public let showsDetail: Bool
    /// The level of a section's heading (`<h2>` on a web page); a subheading is one level below.
    public let headingLevel: Int
    /// Where a link goes; `nil` shows plain text.
    public let address: @Sendable (ReportLink) -> String?

    public init(
        language: Language, rowLimit: Int? = nil, showsDetail: Bool = false, headingLevel: Int = 2,
        address: @escaping @Sendable (ReportLink) -> String? = { _ in nil }
    ) {
        precondition((1...5).contains(headingLevel), "HTML has headings h1 to h6, and a subheading is one level below")
        self.language = language
        self.rowLimit = rowLimit
        self.showsDetail = showsDetail
        self.headingLevel = headingLevel
        self.address = address
    }

    /// The sections of `report` whose ids are not in `skipping`, in order; the tables of a
    /// section named in `paging` show the page it says.
    public func sections(_ report: Report, skipping: Set<String> = [], paging: [String: Paging] = [:]) -> String {
        var out = ""
        for section in report.sections where !skipping.contains(section.id) {
            out += self.section(section, paging: paging[section.id])
        }
        return out
    }

    /// Where a click on a column's header goes (the listing sorted by it), and the mark after
    /// it (▲ or ▼ on the column sorted by, else nothing).
    public typealias HeaderLink = (href: String, mark: String)

    /// One section. A page may put its own HTML after the heading (`afterHeading`: choices of
    /// what is listed) and at the end (`atEnd`: links to the other pages of a listing), and make
    /// its tables' headers links (`headerLink`: a listing sorted by the column clicked; `nil`
    /// leaves a header plain); its tables show the page `paging` says.
    public func section(
        _ section: ReportSection, paging: Paging? = nil, headerLink: (ReportColumn) -> HeaderLink? = { _ in nil },
        afterHeading: String = "", atEnd: String = ""
    ) -> String {
        var out = "<section id=\"\(Markup.escape(section.id))\">\n"
        if let heading = section.heading { out += "<h\(headingLevel)>\(Markup.escape(heading))</h\(headingLevel)>\n" }
        out += afterHeading
        for block in section.blocks {
            if case let .table(table) = block {
                if showsDetail || !table.isDetail { out += self.table(table, paging: paging, headerLink: headerLink) }
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

    /// A table: with `paging`, the page it says between the count of pages and the links to
    /// the pages before and after; else its first ``rowLimit`` rows with a note of how many
    /// there are. Its headers link where `headerLink` says (see
    /// ``section(_:paging:headerLink:afterHeading:atEnd:)``).
    public func table(
        _ table: ReportTable, paging: Paging? = nil, headerLink: (ReportColumn) -> HeaderLink? = { _ in nil }
    ) -> String {
        let columns = table.columnIndices(for: .people)
        var out = ""
        let rows: Range<Int>
        if let paging {
            rows = paging.rows(of: table.rows.count)
            out += "<p class=\"muted\">" + Markup.escape(paging.summary(of: table.rows.count, language: language)) + "</p>\n"
        } else {
            rows = 0..<(rowLimit.map { min($0, table.rows.count) } ?? table.rows.count)
            if rows.count < table.rows.count {
                out += "<p class=\"muted\">" + Markup.escape(language.pick(
                    "共 \(table.rows.count) 行，显示前 \(rows.count) 行；完整列表见下载的工作簿（.xlsx）。",
                    "\(table.rows.count) rows, the first \(rows.count) shown; the whole list is in the downloaded workbook (.xlsx).")) + "</p>\n"
            }
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
        for row in table.rows[rows] {
            out += "<tr>"
            for index in columns { out += cell(row[index]) }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table></div>\n"
        if let paging { out += paging.links(of: table.rows.count, language: language) }
        return out
    }

    private func html(_ block: ReportBlock) -> String {
        switch block {
        case let .paragraph(text): "<p>\(Markup.escape(text))</p>\n"
        case let .note(text): "<p class=\"muted\">\(Markup.escape(text))</p>\n"
        case let .facts(list): facts(list)
        case let .table(table): showsDetail || !table.isDetail ? self.table(table) : ""
        case let .numbered(items): "<ol>" + items.map { "<li>\(Markup.escape($0))</li>" }.joined() + "</ol>\n"
        case let .subheading(text): "<h\(headingLevel + 1)>\(Markup.escape(text))</h\(headingLevel + 1)>\n"
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
        var text = Markup.escape(shown.shown(in: language, groupingThousands: true))
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

extension HTMLRenderer {
    /// One page of a long table on a web page: which rows it shows, how many pages there are,
    /// and links to the pages before and after (`rel="prev"`, `rel="next"`).
    ///
    /// ```swift
    /// let paging = HTMLRenderer.Paging(page: query.itemsPage, size: 50, noun: l.pick("项", "items")) { page in
    ///     query.onItemsPage(page).href(county: county, anchor: "items")
    /// }
    /// renderer.sections(report, paging: ["items": paging])
    /// ```
    public struct Paging: Sendable {
        /// The page asked for, from 1; past the last, the last is shown.
        public var page: Int
        /// The rows a page shows.
        public var size: Int
        /// What a row is, counted in the report's language (项 / items); rows when not given.
        public var noun: String?
        /// The address of a page, by its number.
        public var href: @Sendable (Int) -> String

        public init(page: Int, size: Int, noun: String? = nil, href: @escaping @Sendable (Int) -> String) {
            precondition(size > 0, "a page shows at least one row")
            self.page = page
            self.size = size
            self.noun = noun
            self.href = href
        }

        /// How many pages `count` rows make (one when there are none).
        public func pages(of count: Int) -> Int { max(1, (count + size - 1) / size) }

        /// The page shown of `count` rows: the one asked for, at most the last.
        public func shown(of count: Int) -> Int { min(max(page, 1), pages(of: count)) }

        /// The rows of the page shown, of `count` rows.
        public func rows(of count: Int) -> Range<Int> {
            let page = shown(of: count)
            return min(count, (page - 1) * size)..<min(count, page * size)
        }

        /// `共 120 项，第 2/3 页` / `120 items, page 2 of 3`.
        func summary(of count: Int, language l: Language) -> String {
            let page = shown(of: count), pages = pages(of: count)
            return l.pick("共 \(count) \(noun ?? "行")，第 \(page)/\(pages) 页", "\(count) \(noun ?? "rows"), page \(page) of \(pages)")
        }

        /// The links to the pages before and after the one shown; nothing on a single page.
        func links(of count: Int, language l: Language) -> String {
            let page = shown(of: count), pages = pages(of: count)
            guard pages > 1 else { return "" }
            var out = "<p class=\"pager\">"
            if page > 1 { out += "<a rel=\"prev\" href=\"\(Markup.escape(href(page - 1)))\">\(Markup.escape(Term.previousPage.name(in: l)))</a>" }
            if page < pages { out += "<a rel=\"next\" href=\"\(Markup.escape(href(page + 1)))\">\(Markup.escape(Term.nextPage.name(in: l)))</a>" }
            return out + "</p>\n"
        }
    }
}
