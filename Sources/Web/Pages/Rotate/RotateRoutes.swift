import Domain
import Hummingbird
import Storage
import UseCases

/// The county's teacher rotation page: `GET /counties/:county/rotate?year=` (the form) and
/// `POST /counties/:county/rotate` (multipart: file `teachers`, optional `sheet`, rules typed
/// in `rules` or uploaded as `rules_file`, hidden `year` and `csrf`), for whoever may read the
/// county's evaluation — like the investment plan, the rotation plan writes nothing.
///
/// A refused teachers file or rules answer 422 with every problem and no plan; a form
/// without a teachers file 400; the plan 200.
struct RotateRoutes {
    let services: WebServices

    func add(to router: Router<AppRequestContext>) {
        router.get("/counties/:county/rotate") { request, context in try await show(request, context) }
        router.post("/counties/:county/rotate") { request, context in try await plan(request, context) }
    }

    private func show(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        let viewer = try context.requireViewer()
        let chosen = try await services.countyYears.choose(county: county, year: try request.yearQuery())
        var page = RotatePage(county: chosen.county, year: chosen.year, csrf: viewer.session.csrfToken, language: context.language)
        page.mayAdopt = viewer.account.may(.adoptPlan(county: county))
        return render(page, request: request, context: context, status: .ok)
    }

    private func plan(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        let viewer = try context.requireViewer()
        let l = context.language
        // The form's own year wins over the query's: it is the year the form was shown for.
        let upload: RotationUpload
        do {
            upload = try await RotationUpload.read(request, context: context, limit: services.configuration.maxUploadSize)
        } catch let error as WebError where error.kind == .badRequest {
            let chosen = try await services.countyYears.choose(county: county, year: try request.yearQuery())
            var page = RotatePage(county: chosen.county, year: chosen.year, csrf: viewer.session.csrfToken, language: l)
            page.mayAdopt = viewer.account.may(.adoptPlan(county: county))
            page.show(error, language: l)
            return render(page, request: request, context: context, status: error.status)
        }
        let chosen = try await services.countyYears.choose(county: county, year: try upload.year ?? request.yearQuery())
        var page = RotatePage(county: chosen.county, year: chosen.year, csrf: viewer.session.csrfToken, rules: upload.typedRules, language: l)
        page.mayAdopt = viewer.account.may(.adoptPlan(county: county))
        if upload.wantsAdoption && !page.mayAdopt { throw WebError.forbidden }
        do {
            let rotation = try await PlanRotation.plan(
                chosen, teachers: try upload.requireTeachers(language: l), rules: upload.rules,
                store: services.store, work: services.heavy, language: l)
            if upload.wantsWorkbook {
                return try await RotateWorkbook.response(rotation, standard: services.configuration.standard, language: l, heavy: services.heavy)
            }
            page.show(rotation, standard: services.configuration.standard, language: l)
            var notice: String?
            if upload.wantsAdoption {
                let adopted = try await adopt(rotation, by: viewer.account, language: l)
                notice = l.pick("方案已采纳为第 \(adopted.version) 版，其各项可在整改台账中列入跟踪。",
                                "The plan is adopted as version \(adopted.version); its moves may enter the remediation ledger.")
            }
            return render(page, request: request, context: context, status: .ok, notice: notice)
        } catch let error as RotationFileError {
            page.show(error, language: l)
            return render(page, request: request, context: context, status: .unprocessableContent)
        } catch let error as WebError where error.kind == .badRequest {
            page.show(error, language: l)
            return render(page, request: request, context: context, status: error.status)
        }
    }

    private func render(_ page: RotatePage, request: Request, context: AppRequestContext, status: HTTPResponse.Status, notice: String? = nil) -> Response {
        services.pages.page(page.html, frame: PageFrame(page.heading, context: context, path: request.uri.path, notice: notice), status: status)
    }

    /// Adopts `rotation` as the next version of the county's rotation plan of its year: one item per move.
    private func adopt(_ rotation: CountyRotation, by account: Account, language l: Language) async throws -> AdoptedPlan {
        let names = Dictionary(rotation.schools.map { ($0.schoolCode, $0.schoolName) }) { a, _ in a }
        let items = rotation.plan.moves.map { move in
            AdoptedPlan.Item(key: move.teacherID, text: l.pick("教师 \(move.teacherID)：\(names[move.from] ?? move.from) → \(names[move.to] ?? move.to)",
                                                               "Teacher \(move.teacherID): \(names[move.from] ?? move.from) → \(names[move.to] ?? move.to)"),
                             schoolCode: move.from)
        }
        guard !items.isEmpty else { throw WebError.conflict(l.pick("方案没有交流人员，无需采纳。", "The plan moves no one: nothing to adopt.")) }
        let title = l.pick("\(rotation.chosen.year) 年度教师交流轮岗方案：交流 \(items.count) 人", "\(rotation.chosen.year) rotation plan: \(items.count) moves")
        return try await services.store.adoptPlan(
            AdoptedPlan(countyCode: rotation.chosen.code, year: rotation.chosen.year, kind: .rotation, version: 0, title: title,
                        adoptedBy: account.name, adoptedAt: services.clock(), items: items), by: account)
    }
}
