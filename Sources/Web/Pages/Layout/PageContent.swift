import Domain
import Reports

/// The parts of a page that are not a report — its heading, the year links, notices, forms —
/// written straight to HTML, every text escaped. A page is its ``PageContent`` parts around the
/// sections of its report (``HTMLRenderer``), so the figures, their cells' classes and their
/// wording come from the same builder as the terminal table and the workbook.
///
/// ```swift
/// var page = PageContent()
/// page.heading("某县 · 2025 年度")
/// page.years(label: "年度：", county.years, current: 2025) { "/counties/\(code)?year=\($0)" }
/// page.append(renderer.sections(report))
/// let html = page.text
/// ```
struct PageContent {
    /// The HTML written so far.
    private(set) var text = ""

    /// Escaped text for an element's content or a quoted attribute (``Markup/escape(_:)``,
    /// the charts' and reports' rule).
    static func escape(_ text: String) -> String { Markup.escape(text) }

    /// HTML made elsewhere (a report's sections, a chart), as it is.
    mutating func append(_ html: String) { text += html }

    /// The page's `<h1>`.
    mutating func heading(_ title: String) { text += "<h1>\(Self.escape(title))</h1>\n" }

    /// A section's `<h2>`.
    mutating func subheading(_ title: String) { text += "<h2>\(Self.escape(title))</h2>\n" }

    /// A paragraph; `cssClass` styles it (`muted`, `pass`, `fail`, `unknown`, `notice`).
    mutating func paragraph(_ line: String, class cssClass: String? = nil, id: String? = nil) {
        text += "<p\(Self.attributes(["class": cssClass, "id": id]))>\(Self.escape(line))</p>\n"
    }

    /// A link in a paragraph of its own.
    mutating func link(_ label: String, to href: String, class cssClass: String? = nil) {
        text += "<p><a\(Self.attributes(["class": cssClass]))href=\"\(Self.escape(href))\">\(Self.escape(label))</a></p>\n"
    }

    /// A bullet list.
    mutating func list(_ items: [String], class cssClass: String? = nil) {
        text += "<ul\(Self.attributes(["class": cssClass]))>" + items.map { "<li>\(Self.escape($0))</li>" }.joined() + "</ul>\n"
    }

    /// The problems that did not refuse a file (提示), under their heading; nothing when none.
    mutating func warnings(_ warnings: [String], in l: Language) {
        guard !warnings.isEmpty else { return }
        subheading(l.pick("提示", "Warnings"))
        list(warnings)
    }

    /// An alert: the sentence, and the items it is about, if any.
    mutating func error(_ message: String, items: [String] = [], itemsClass: String? = nil) {
        text += "<div class=\"error\" role=\"alert\"><p>\(Self.escape(message))</p>"
        if !items.isEmpty {
            text += "\n<ul\(Self.attributes(["class": itemsClass]))>" + items.map { "<li>\(Self.escape($0))</li>" }.joined() + "</ul>"
        }
        text += "</div>\n"
    }

    /// A status notice (after an import): the sentence, then `content` (the receipt's figures).
    mutating func notice(_ message: String, _ content: String = "") {
        text += "<div class=\"notice\" role=\"status\"><p>\(Self.escape(message))</p>\n\(content)</div>\n"
    }

    /// A pager: where the list stands, then links to the previous and the next page
    /// (`rel="prev"`, `rel="next"`) where there is one.
    mutating func pager(_ summary: String, previous: (label: String, href: String)?, next: (label: String, href: String)?) {
        text += "<p class=\"pager\"><span>\(Self.escape(summary))</span>"
        for (link, rel) in [(previous, "prev"), (next, "next")] {
            guard let link else { continue }
            text += "<a href=\"\(Self.escape(link.href))\" rel=\"\(rel)\">\(Self.escape(link.label))</a>"
        }
        text += "</p>\n"
    }

    /// A line of choices of what a listing shows (all, failing, one stage…): each a link, the
    /// current one in bold.
    mutating func choices(label: String, _ choices: [(label: String, href: String, current: Bool)], class cssClass: String = "pager") {
        text += "<p\(Self.attributes(["class": cssClass]).dropLast())>" + Self.escape(label)
        for choice in choices {
            text += choice.current ? " <strong>\(Self.escape(choice.label))</strong>" : " <a href=\"\(Self.escape(choice.href))\">\(Self.escape(choice.label))</a>"
        }
        text += "</p>\n"
    }

    /// The data years as links, the current one in bold, then `extra` links after a dot each
    /// (back to the overview, the plans).
    mutating func years(
        in language: Language, _ years: [Int], current: Int, href: (Int) -> String,
        extra: [(label: String, href: String, cssClass: String)] = []
    ) {
        text += "<p class=\"years\">" + Self.escape(Term.year.name(in: language) + language.pick("：", ": "))
        for year in years {
            text += year == current ? " <strong>\(year)</strong>" : " <a href=\"\(Self.escape(href(year)))\">\(year)</a>"
        }
        for link in extra {
            text += " · <a class=\"\(Self.escape(link.cssClass))\" href=\"\(Self.escape(link.href))\">\(Self.escape(link.label))</a>"
        }
        text += "</p>\n"
    }

    /// A `<section id=…>` holding what `content` writes.
    mutating func section(_ id: String, _ content: (inout PageContent) -> Void) {
        text += "<section id=\"\(Self.escape(id))\">\n"
        content(&self)
        text += "</section>\n"
    }

    /// A form posting (or getting) to `action`, with the CSRF token when given, holding what
    /// `fields` writes.
    mutating func form(
        action: String, method: String = "post", multipart: Bool = false, stacked: Bool = true, csrf: String? = nil,
        _ fields: (inout Form) -> Void
    ) {
        var form = Form()
        if let csrf { form.hidden("csrf", csrf) }
        fields(&form)
        text += "<form\(stacked ? " class=\"stacked\"" : "") method=\"\(method)\" action=\"\(Self.escape(action))\""
        text += (multipart ? " enctype=\"multipart/form-data\"" : "") + ">\n" + form.text + "</form>\n"
    }

    /// ` name="value"` for each given attribute, in key order, then a space.
    static func attributes(_ pairs: [String: String?]) -> String {
        var out = " "
        for (name, value) in pairs.sorted(by: { $0.key < $1.key }) {
            guard let value else { continue }
            out += "\(name)=\"\(escape(value))\" "
        }
        return out
    }

    /// The fields of a form.
    struct Form {
        private(set) var text = ""

        /// A hidden field.
        mutating func hidden(_ name: String, _ value: String) {
            text += "<input type=\"hidden\" name=\"\(PageContent.escape(name))\" value=\"\(PageContent.escape(value))\">\n"
        }

        /// A label for the field `id`.
        mutating func label(_ label: String, for id: String) {
            text += "<label for=\"\(PageContent.escape(id))\">\(PageContent.escape(label))</label>\n"
        }

        /// An `<input>` of `type` (text, password, number, file) named `name`, with its label
        /// and a hint after it; `attributes` adds the rest (`value`, `accept`, `placeholder` …).
        /// The optional worksheet of an uploaded workbook (`sheet`).
        mutating func sheetInput(in l: Language) {
            input("text", name: "sheet", label: l.pick("工作表名称（可选）", "Worksheet (optional)"),
                  hint: l.pick("工作簿默认读取第一个工作表", "a workbook's first sheet is read unless named here"))
        }

        mutating func input(
            _ type: String, name: String, id: String? = nil, label: String? = nil, hint: String? = nil,
            attributes: [String: String?] = [:]
        ) {
            let id = id ?? name
            if let label { self.label(label, for: id) }
            text += "<input type=\"\(type)\" id=\"\(PageContent.escape(id))\" name=\"\(PageContent.escape(name))\""
            text += PageContent.attributes(attributes).dropLast() + ">\n"
            if let hint { text += "<span class=\"muted\">\(PageContent.escape(hint))</span>\n" }
        }

        /// A drop-down list with its label: `options` in order, the one whose value is
        /// `selected` chosen.
        mutating func select(name: String, label: String, options: [(value: String, label: String)], selected: String?) {
            self.label(label, for: name)
            text += "<select id=\"\(PageContent.escape(name))\" name=\"\(PageContent.escape(name))\">"
            for option in options {
                let chosen = option.value == selected ? " selected" : ""
                text += "<option value=\"\(PageContent.escape(option.value))\"\(chosen)>\(PageContent.escape(option.label))</option>"
            }
            text += "</select>\n"
        }

        /// What a file field for a table accepts: CSV or a workbook.
        static let spreadsheetTypes = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

        /// A multi-line text field with its label.
        mutating func textarea(name: String, label: String, value: String, rows: Int, placeholder: String? = nil, style: String? = nil) {
            self.label(label, for: name)
            text += "<textarea id=\"\(PageContent.escape(name))\" name=\"\(PageContent.escape(name))\" rows=\"\(rows)\""
            text += PageContent.attributes(["placeholder": placeholder, "style": style]).dropLast()
            text += ">\(PageContent.escape(value))</textarea>\n"
        }

        /// A text field of a ``fieldTable(_:)``: its name, label and value, a hint after it, and
        /// whether the value was refused.
        struct Field {
            var name: String
            var label: String
            var value: String
            var hint: String?
            var invalid: Bool = false
        }

        /// Text fields as a table, a field a row: the label, then the input (id `f-NAME`) and its
        /// hint; a refused value is marked `aria-invalid` and `fail`.
        mutating func fieldTable(_ fields: [Field]) {
            text += "<div class=\"scroll\"><table class=\"edit\">\n<tbody>\n"
            for field in fields {
                let name = PageContent.escape(field.name)
                text += "<tr><th><label for=\"f-\(name)\">\(PageContent.escape(field.label))</label></th>"
                text += "<td><input type=\"text\" id=\"f-\(name)\" name=\"\(name)\" value=\"\(PageContent.escape(field.value))\""
                text += (field.invalid ? " class=\"fail\" aria-invalid=\"true\"" : "") + ">"
                if let hint = field.hint { text += " <span class=\"muted\">\(PageContent.escape(hint))</span>" }
                text += "</td></tr>\n"
            }
            text += "</tbody>\n</table></div>\n"
        }

        /// Text fields as a grid: a header row, then per row its label, cells of facts shown
        /// beside the fields (a default value), and its fields (ids `f-NAME`, labelled by the
        /// row's label and the column's header for screen readers); a refused value is marked
        /// `aria-invalid` and `fail`, like ``fieldTable(_:)``.
        mutating func fieldGrid(header: [String], rows: [(label: String, facts: [String], fields: [Field])]) {
            text += "<div class=\"scroll\"><table class=\"edit\">\n<thead><tr>"
            text += header.map { "<th>\(PageContent.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for row in rows {
                text += "<tr><th>\(PageContent.escape(row.label))</th>"
                text += row.facts.map { "<td class=\"num\">\(PageContent.escape($0))</td>" }.joined()
                for field in row.fields {
                    let name = PageContent.escape(field.name)
                    text += "<td><input type=\"text\" id=\"f-\(name)\" name=\"\(name)\" value=\"\(PageContent.escape(field.value))\""
                    text += " aria-label=\"\(PageContent.escape(field.label))\" inputmode=\"decimal\" size=\"10\""
                    if let hint = field.hint { text += " placeholder=\"\(PageContent.escape(hint))\"" }
                    text += (field.invalid ? " class=\"fail\" aria-invalid=\"true\"" : "") + "></td>"
                }
                text += "</tr>\n"
            }
            text += "</tbody>\n</table></div>\n"
        }

        /// A muted paragraph (what a field expects).
        mutating func note(_ line: String) { text += "<p class=\"muted\">\(PageContent.escape(line))</p>\n" }

        /// HTML made elsewhere (a table of fields), as it is.
        mutating func append(_ html: String) { text += html }

        /// The buttons in a paragraph: the first is the primary one; a button with a `name`
        /// sends `name=value` (a second action of the same form).
        mutating func buttons(_ buttons: [(label: String, name: String?, value: String?)]) {
            text += "<p>"
            for (index, button) in buttons.enumerated() {
                if index > 0 { text += " " }
                let attributes = PageContent.attributes([
                    "class": index == 0 ? "primary" : nil, "name": button.name, "value": button.value,
                ])
                text += "<button\(attributes)type=\"submit\">\(PageContent.escape(button.label))</button>"
            }
            text += "</p>\n"
        }
    }
}
