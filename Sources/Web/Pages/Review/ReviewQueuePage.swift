import Domain
import Foundation
import Reports
import Storage

/// A county's review queue of a year (审核): every school row its clerks saved, submitted or
/// had returned, none of which counts in the evaluation until approved.
struct ReviewQueuePage {
    let county: String
    let year: Int
    let years: [Int]
    let submissions: [RowSubmission]
    /// The approved rows' school names, by code (a school new this year has none).
    let names: [String: String]
    let mayReview: Bool
    let language: Language

    var heading: String { language.pick("\(county) \(year) 年度学校填报审核", "\(county) \(year): school rows under review") }

    var html: String {
        let l = language
        var page = PageContent()
        page.heading(heading)
        page.link(l.pick("返回县域概况", "County overview"), to: "/counties/\(county)?year=\(year)")
        page.years(in: l, years, current: year, href: { "/counties/\(county)/review?year=\($0)" })
        let waiting = submissions.count { $0.awaitsReview }
        page.paragraph(l.pick(
            "共 \(submissions.count) 所学校的填报未审核通过，其中 \(waiting) 所待审核。未审核通过的填报不计入评估；评估使用已审核的数据。",
            "\(submissions.count) schools' rows are not approved, \(waiting) of them awaiting review. Rows count in the evaluation only once approved; it uses the approved data."),
            id: "review-summary")
        if !submissions.isEmpty { page.append(HTMLRenderer(language: l, county: county, year: year).table(table)) }
        if mayReview && waiting > 0 {
            page.paragraph(l.pick("打开学校页面逐项核对，然后通过或退回。", "Open a school's page to compare field by field, then approve or return it."), class: "muted")
        }
        return page.text
    }

    /// One row per submission: school (linking to its page), status, who saved it and when,
    /// how many fields differ from the approved row, and the comments of the last return.
    var table: ReportTable {
        let l = language
        let columns = [
            Term("school_code", "学校", "School"), Term("school_name", "学校名称", "School name"), Term("status", "状态", "Status"),
            Term("saved_by", "填报人", "Saved by"), Term("saved_at", "填报时间", "Saved at"), Term("comments", "退回意见", "Comments"),
        ]
        var table = ReportTable(name: heading, columns: [ReportColumn](columns, l))
        for submission in submissions {
            let comments = SchoolField.allCases.compactMap { field in submission.comments[field].map { l.pick(field.chineseName, field.key) + l.pick("：", ": ") + $0 } }
            table.append([
                .link(submission.schoolCode, to: .schoolYear(code: submission.schoolCode, county: county, year: year)),
                .text(names[submission.schoolCode] ?? submission.row.schoolName),
                .term(l.pick(submission.status.chineseName, submission.status.englishName), key: submission.status.rawValue),
                .text(submission.savedBy), .text(FigureText.time(submission.savedAt)),
                .text(([submission.note].compactMap { $0 } + comments).joined(separator: l.pick("；", "; "))),
            ])
        }
        return table
    }
}
