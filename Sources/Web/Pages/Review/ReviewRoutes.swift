import Domain
import Foundation
import Hummingbird
import Storage
import UseCases
import WebForms

/// The review of school rows (填报 → 审核, ``ReviewStore``):
///
/// - `POST /counties/:county/schools/:school/years/:year/submit`: the school's clerk hands the
///   saved row in (提交审核);
/// - `POST /counties/:county/schools/:school/years/:year/review`: the county approves it
///   (`decision=approve`: the row goes live and counts) or returns it (`decision=return`) with
///   a comment per field (`comment-FIELD`) and one on the row (`note`);
/// - `GET /counties/:county/review?year=`: the county's queue, to whoever reads the county.
///
/// Each is authorised before its form is read; every step is recorded in the audit trail.
struct ReviewRoutes {
    let services: WebServices

    func add(to router: Router<AppRequestContext>) {
        router.post("/counties/:county/schools/:school/years/:year/submit") { _, context in try await submit(context) }
        router.post("/counties/:county/schools/:school/years/:year/review") { request, context in try await review(request, context) }
        router.get("/counties/:county/review") { request, context in try await queue(request, context) }
    }

    private func submit(_ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter(), school = try context.textParameter("school")
        let account = try context.require(.editSchool(county: county, school: school))
        let year = try context.yearParameter()
        _ = try await step(.submit, county: county, school: school, year: year, by: account, context: context)
        return .redirect(to: "/counties/\(county)/schools/\(school)?year=\(year)&done=submitted", type: .normal)
    }

    private func review(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter(), school = try context.textParameter("school")
        let account = try context.require(.reviewRows(county: county))
        let year = try context.yearParameter()
        var request = request
        let form = FormFields(urlEncoded: String(buffer: try await request.collectBody(upTo: 1 << 20)))
        let l = context.language
        switch form["decision"] {
        case "approve":
            _ = try await step(.approve, county: county, school: school, year: year, by: account, context: context)
            return .redirect(to: "/counties/\(county)/schools/\(school)?year=\(year)&done=approved", type: .normal)
        case "return":
            var comments: [SchoolField: String] = [:]
            for field in SchoolField.allCases {
                if let comment = form["comment-" + field.key], !comment.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    comments[field] = comment
                }
            }
            let note = form["note"]
            guard !comments.isEmpty || !(note ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw WebError.invalidData(l.pick("退回时请至少对一项数据或整行填写意见。", "To return a row, write a comment on a field or on the row."), details: [])
            }
            _ = try await step(.returnRow(comments: comments, note: note), county: county, school: school, year: year, by: account, context: context)
            return .redirect(to: "/counties/\(county)/schools/\(school)?year=\(year)&done=returned", type: .normal)
        default:
            throw WebError.badRequest(l.pick("请选择通过或退回。", "Choose approve or return."))
        }
    }

    /// Takes a step, answering a step its status does not allow (or a comment too long) with 409.
    private func step(_ step: ReviewStep, county: String, school: String, year: Int, by account: Account,
                      context: AppRequestContext) async throws -> [FieldChange] {
        do {
            return try await services.store.review(step, county: county, school: school, year: year, by: account, at: services.clock())
        } catch let error as StoreError where error.isInvalid {
            let l = context.language
            throw WebError.conflict(l.pick("这一步不能进行：\(error.description)", "This step cannot be taken: \(error.description)"))
        }
    }

    private func queue(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        let viewer = try context.requireViewer()
        try context.require(.readCounty(county))
        let choice = try await services.countyYears.choose(county: county, year: try request.yearQuery())
        let submissions = try await services.store.submissions(county: county, year: choice.year)
        let names = Dictionary(try await services.store.schoolYears(county: county, year: choice.year).map { ($0.schoolCode, $0.schoolName) }) { a, _ in a }
        let page = ReviewQueuePage(county: county, year: choice.year, years: choice.years, submissions: submissions, names: names,
                                   mayReview: viewer.account.may(.reviewRows(county: county)), language: context.language)
        return services.pages.page(page.html, frame: PageFrame(page.heading, context: context, path: request.uri.path))
    }
}
