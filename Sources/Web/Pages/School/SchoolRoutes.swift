import Domain
import Hummingbird
import Interchange
import Storage
import UseCases
import WebForms

/// The school page (`GET /counties/:county/schools/:school?year=`) and its edit form
/// (`POST /counties/:county/schools/:school/years/:year`). Both authorise the school first:
/// a clerk reaches only their own school, a supervisor only reads.
struct SchoolRoutes {
    let services: WebServices

    func add(to router: Router<AppRequestContext>) {
        router.get("/counties/:county/schools/:school") { request, context in try await show(request, context) }
        router.post("/counties/:county/schools/:school/years/:year") { request, context in try await edit(request, context) }
    }

    private func show(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter(), school = try context.textParameter("school")
        try context.require(.readSchool(county: county, school: school))
        return try await page(county: county, school: school, year: try request.yearQuery(), context: context,
                              notice: SchoolPage.notice(saved: request.textQuery("saved"), draft: request.textQuery("draft") == "1",
                                                        done: request.textQuery("done"), language: context.language))
    }

    /// Applies the typed values under the file rules (``EditSchoolYear``): the county's edit is
    /// stored at once, a clerk's saved for the county's review; the audit trail records each
    /// changed field. A locked year is refused (409) before anything is read from the form;
    /// invalid values re-show the form (422) and change nothing.
    private func edit(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter(), school = try context.textParameter("school")
        let account = try context.require(.editSchool(county: county, school: school))
        let year = try context.yearParameter()
        if try await services.store.locks(county: county).contains(where: { $0.year == year }) {
            throw StoreError.locked(county: county, year: year)
        }
        var request = request
        let form = FormFields(urlEncoded: String(buffer: try await request.collectBody(upTo: 1 << 20)))
        var values: [SchoolField: String] = [:]
        for (key, value) in form.all {
            if let field = SchoolField(key: key), !field.isIdentity { values[field] = value }
        }
        let outcome: EditSchoolYear.Outcome
        do {
            outcome = try await EditSchoolYear(store: services.store, language: context.language)
                .run(values, county: county, school: school, year: year, by: account, at: services.clock())
        } catch let error as DataFileError {
            return try await page(county: county, school: school, year: year, context: context,
                                  typed: values, errors: error.errors, status: .unprocessableContent)
        }
        let saved = outcome.forReview ? "&draft=1" : ""
        return .redirect(to: "/counties/\(county)/schools/\(school)?year=\(year)&saved=\(outcome.changes.count)\(saved)", type: .normal)
    }

    /// The school page of `year` (the latest when `nil`), with the form as typed and its
    /// errors after a refused submission.
    private func page(county: String, school: String, year: Int?, context: AppRequestContext, notice: String? = nil,
                      typed: [SchoolField: String] = [:], errors: [RowError] = [], status: HTTPResponse.Status = .ok) async throws -> Response {
        let viewer = try context.requireViewer()
        let history = try await services.store.schoolHistory(county: county, school: school)
        // A year only a submission has (a clerk's import of a new year) shows the submission.
        var pending: RowSubmission?
        if let year { pending = try await services.store.submission(county: county, school: school, year: year) }
        guard let row = history.first(where: { $0.year == year ?? history.last?.year }) ?? pending?.row else { throw WebError.notFound }
        let evaluation = try await services.evaluation.evaluate(county: county, year: row.year, store: services.store, work: services.heavy)
        let editable = viewer.account.may(.editSchool(county: county, school: school)) && evaluation.lock == nil
        var submission = pending
        if submission == nil { submission = try await services.store.submission(county: county, school: school, year: row.year) }
        let ownDraft = viewer.account.submitsForReview(county: county) ? submission : nil
        let edit = editable
            ? SchoolPage.Edit(csrf: viewer.session.csrfToken, typed: typed, errors: errors,
                              mayClassify: viewer.account.may(.classifySchools(county: county)),
                              draft: ownDraft?.row, comments: ownDraft?.comments ?? [:]) : nil
        let review = SubmissionPanel(submission: submission, approved: history.first { $0.year == row.year }, viewer: viewer, language: context.language, open: evaluation.lock == nil)
        let items = try await services.store.ledgerItems(counties: [county]).filter { $0.schoolCode == school }
        var ledger = PageContent()
        if !items.isEmpty {
            let l = context.language
            ledger.section("school-ledger") { section in
                section.subheading(l.pick("本校整改事项", "This school's remediation items"))
                for item in items {
                    section.link("#\(item.id) \(item.title)（\(l.pick(item.status.chineseName, item.status.englishName))，\(l.pick("时限", "due")) \(item.due.text)）",
                                 to: "/counties/\(county)/ledger/\(item.id)")
                }
            }
        }
        let page = SchoolPage(row: row, history: history, evaluation: evaluation, viewer: viewer, edit: edit, review: review.html + ledger.text,
                              standard: services.configuration.standard, language: context.language)
        let frame = PageFrame(page.heading, context: context, path: "/counties/\(county)/schools/\(school)", notice: notice)
        return services.pages.page(page.html, frame: frame, status: status)
    }
}
