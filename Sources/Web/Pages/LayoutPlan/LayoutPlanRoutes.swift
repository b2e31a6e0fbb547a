import Domain
import Hummingbird
import Reports
import Storage
import UseCases

/// The county's school layout page: `GET /counties/:county/layout?year=` (the form) and
/// `POST /counties/:county/layout` (multipart: file `sites`, optional files `enrollment` and `births` for
/// the communities' needs in the forecast years, `stage`, `open` or `budget`,
/// optional `rules_file` or typed `rules`, optional `sheet`, hidden `year` and `csrf`, optional
/// `format=xlsx|csv` for a download instead of the page), for whoever may read the county —
/// like the forecast, the layout writes nothing.
///
/// A refused sites or rules file answers 422 with every problem and no plan; a form without a
/// sites file, or with neither or both targets, 400; a target the sites cannot meet 422 with
/// the reason; the plan 200 (or the download).
struct LayoutPlanRoutes {
    let services: WebServices

    func add(to router: Router<AppRequestContext>) {
        router.get("/counties/:county/layout") { request, context in try await show(request, context) }
        router.post("/counties/:county/layout") { request, context in try await plan(request, context) }
    }

    private func show(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        let viewer = try context.requireViewer()
        let chosen = try await services.countyYears.choose(county: county, year: try request.yearQuery())
        let blocks = try await services.store.blocks(county: county).count
        let page = LayoutPlanPage(county: chosen.county, year: chosen.year, csrf: viewer.session.csrfToken, language: context.language,
                                  tiles: services.configuration.mapTiles, blockCount: blocks)
        return render(page, request: request, context: context, status: .ok)
    }

    private func plan(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        let viewer = try context.requireViewer()
        let l = context.language
        let upload = try await ZoneUpload.read(request, context: context, limit: services.configuration.maxUploadSize)
        let chosen = try await services.countyYears.choose(county: county, year: try upload.year ?? request.yearQuery())
        let blocks = try await services.store.blocks(county: county).count
        var page = LayoutPlanPage(county: chosen.county, year: chosen.year, csrf: viewer.session.csrfToken, language: l,
                                  tiles: services.configuration.mapTiles, blockCount: blocks)
        do {
            let sites = try upload.require("sites", language: l)
            guard let target = upload.target else {
                throw WebError.badRequest(l.pick("请填写开办布点数或建设预算。", "Fill in the number of sites or the budget."))
            }
            let made = try await PlanLayout.plan(chosen, sites: sites, rules: upload.rules, stage: upload.stage ?? .primary, target: target,
                                                 enrollment: upload.files["enrollment"], births: upload.files["births"], store: services.store, work: services.heavy, language: l)
            if let format = upload.format {
                guard let plan = made.plan else {
                    throw WebError.badRequest(l.pick("已保存的片区中没有该学段的适龄儿童，无可下载的方案。", "No stored block has children of the stage: there is no plan to download."))
                }
                return try await download(made, plan: plan, format: format, language: l)
            }
            page.show(made, language: l)
            return render(page, request: request, context: context, status: .ok)
        } catch let error as ZoneFileError {
            page.refusal = (error.message(in: l), error.problems)
            return render(page, request: request, context: context, status: .unprocessableContent)
        } catch let error as PlanningError {
            page.refusal = (error.message(in: l), [])
            return render(page, request: request, context: context, status: .unprocessableContent)
        } catch let error as WebError where error.kind == .badRequest {
            page.refusal = (error.message ?? ErrorMiddleware.defaultMessage(error.kind, language: l), [])
            return render(page, request: request, context: context, status: error.status)
        }
    }

    /// The workbook of ``LayoutReport`` or the CSV of every block's site — the files
    /// `junheng plan layout --out layout.xlsx` and `--format csv` write.
    private func download(_ made: CountyLayout, plan: LayoutPlan, format: String, language l: Language) async throws -> Response {
        let reporter = LayoutReport(rules: made.rules, language: l)
        let name = "junheng-layout-\(made.chosen.code)-\(made.chosen.year)-\(made.stage.rawValue).\(format)"
        let title = l.pick("\(made.chosen.code)\(made.chosen.year)年度\(made.stage.chineseName)布局调整方案.\(format)",
                           "\(made.chosen.code) \(made.chosen.year) school layout \(made.stage.rawValue).\(format)")
        return try await Download.report(format: format, table: reporter.assignments(plan), summaryName: reporter.summaryName,
                                         ascii: name, name: title, language: l, heavy: services.heavy) {
            reporter.report(plan)
        }
    }

    private func render(_ page: LayoutPlanPage, request: Request, context: AppRequestContext, status: HTTPResponse.Status) -> Response {
        services.pages.page(page.html, frame: PageFrame(page.heading, context: context, path: request.uri.path), status: status)
    }
}
