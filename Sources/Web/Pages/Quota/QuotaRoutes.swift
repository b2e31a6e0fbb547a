import Domain
import Hummingbird
import Interchange
import Reports

import UseCases

/// The county's high-school quota page: `GET /counties/:county/quota?year=` (the form) and
/// `POST /counties/:county/quota` (multipart: file `quota`, optional `method`, `seed`,
/// `group_small_schools`, `sheet`, hidden `year` and `csrf`, optional `format=xlsx|csv` for a
/// download instead of the page), for whoever may read the county — like the layout, the
/// allocation writes nothing.
///
/// A refused quota file answers 422 with every problem and no allocation; a form without a
/// quota file, or with a bad method or seed, 400; the allocation 200 (or the download).
struct QuotaRoutes {
    let services: WebServices

    func add(to router: Router<AppRequestContext>) {
        router.get("/counties/:county/quota") { request, context in try await show(request, context) }
        router.post("/counties/:county/quota") { request, context in try await allocate(request, context) }
    }

    private func page(_ chosen: UseCases.CountyYear, csrf: String, language l: Language) async throws -> QuotaPage {
        let juniors = try await services.store.schoolYears(county: chosen.code, year: chosen.year).filter { $0.type.stages.contains(.junior) }
        let with = juniors.filter { $0.graduates != nil }.count
        return QuotaPage(county: chosen.county, year: chosen.year, csrf: csrf, language: l, reporting: (with, juniors.count - with))
    }

    private func show(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        let viewer = try context.requireViewer()
        let chosen = try await services.countyYears.choose(county: county, year: try request.yearQuery())
        return render(try await page(chosen, csrf: viewer.session.csrfToken, language: context.language), request: request, context: context, status: .ok)
    }

    private func allocate(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        let viewer = try context.requireViewer()
        let l = context.language
        let upload = try await QuotaUpload.read(request, context: context, limit: services.configuration.maxUploadSize)
        let chosen = try await services.countyYears.choose(county: county, year: try upload.year ?? request.yearQuery())
        var page = try await page(chosen, csrf: viewer.session.csrfToken, language: l)
        do {
            let file = try upload.requireQuota(language: l)
            let made = try await PlanQuota(rules: upload.rules).plan(chosen, quota: file, store: services.store, work: services.heavy, language: l)
            if let format = upload.format { return try await download(made, format: format, language: l) }
            page.show(made, language: l)
            return render(page, request: request, context: context, status: .ok)
        } catch let error as DataFileError {
            page.refusal = (l.pick("文件未通过检查，未作分配：", "The file was refused; nothing was allocated:"), error.errors)
            return render(page, request: request, context: context, status: .unprocessableContent)
        } catch let error as PlanningError {
            page.refusal = (error.message(in: l), [])
            return render(page, request: request, context: context, status: .unprocessableContent)
        } catch let error as WebError where error.kind == .badRequest {
            page.refusal = (error.message ?? ErrorMiddleware.defaultMessage(error.kind, language: l), [])
            return render(page, request: request, context: context, status: error.status)
        }
    }

    /// The workbook of ``QuotaReport`` or the CSV of every place — the files `junheng plan
    /// quota --out quota.xlsx` and `--format csv` write.
    private func download(_ made: CountyQuota, format: String, language l: Language) async throws -> Response {
        let reporter = QuotaReport(language: l)
        let name = "junheng-quota-\(made.chosen.code)-\(made.chosen.year).\(format)"
        let title = l.pick("\(made.chosen.code)\(made.chosen.year)年度指标到校方案.\(format)", "\(made.chosen.code) \(made.chosen.year) high-school places.\(format)")
        return try await Download.report(format: format, table: reporter.places(made.allocations), summaryName: reporter.summaryName,
                                         ascii: name, name: title, language: l, heavy: services.heavy) { [allocations = made.allocations, rules = made.rules] in
            reporter.report(allocations, rules: rules)
        }
    }

    private func render(_ page: QuotaPage, request: Request, context: AppRequestContext, status: HTTPResponse.Status) -> Response {
        services.pages.page(page.html, frame: PageFrame(page.heading, context: context, path: request.uri.path), status: status)
    }
}
