import Domain
import Hummingbird
import Interchange
import Reports
import UseCases

/// The county's funding page: `GET /counties/:county/funding?year=` (the stored schools funded by
/// the national defaults, and the form) and `POST /counties/:county/funding` (multipart:
/// optional `budget`, `rules` or `rules_file`, hidden `year` and `csrf`, optional
/// `format=xlsx|csv` for a download instead of the page), for whoever may read the county — the
/// funding writes nothing.
///
/// Refused rules answer 422 with every problem; a malformed budget 400; the funds 200 (or the download).
struct FundingRoutes {
    let services: WebServices

    func add(to router: Router<AppRequestContext>) {
        router.get("/counties/:county/funding") { request, context in try await show(request, context) }
        router.post("/counties/:county/funding") { request, context in try await compute(request, context) }
    }

    private func show(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        let viewer = try context.requireViewer()
        let chosen = try await services.countyYears.choose(county: county, year: try request.yearQuery())
        var page = FundingPage(county: chosen.county, year: chosen.year, csrf: viewer.session.csrfToken, language: context.language)
        let funding = try await services.planFunding(chosen, rules: .defaults, budget: nil)
        page.show(funding, warnings: [], language: context.language)
        return render(page, request: request, context: context, status: .ok)
    }

    private func compute(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        let viewer = try context.requireViewer()
        let l = context.language
        let upload = try await FundingUpload.read(request, context: context, limit: services.configuration.maxUploadSize)
        let chosen = try await services.countyYears.choose(county: county, year: try upload.year ?? request.yearQuery())
        var page = FundingPage(county: chosen.county, year: chosen.year, csrf: viewer.session.csrfToken, language: l)
        page.budget = upload.budget
        page.typedRules = upload.rules.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
        do {
            let (rules, warnings) = try upload.fundingRules(language: l)
            let funding = try await services.planFunding(chosen, rules: rules, budget: upload.budget)
            if let format = upload.format { return try await download(funding, chosen: chosen, format: format, language: l) }
            page.show(funding, warnings: warnings, language: l)
            return render(page, request: request, context: context, status: .ok)
        } catch let error as DataFileError {
            page.refusal = (l.pick("经费规则未通过检查：", "The funding rules were refused:"), error.errors)
            return render(page, request: request, context: context, status: .unprocessableContent)
        }
    }

    /// The workbook of ``FundingReport`` or the CSV of every school — the files `junheng plan
    /// funding --out funding.xlsx` and `--format csv` write.
    private func download(_ funding: CountyFunding, chosen: UseCases.CountyYear, format: String, language l: Language) async throws -> Response {
        let reporter = FundingReport(language: l)
        let name = "junheng-funding-\(chosen.code)-\(chosen.year).\(format)"
        let title = l.pick("\(chosen.code)\(chosen.year)年度公用经费核定.\(format)", "\(chosen.code) \(chosen.year) school funding.\(format)")
        return try await Download.report(format: format, table: reporter.schools(funding.allocation), summaryName: reporter.summaryName,
                                         ascii: name, name: title, language: l, heavy: services.heavy) { reporter.report(funding) }
    }

    private func render(_ page: FundingPage, request: Request, context: AppRequestContext, status: HTTPResponse.Status) -> Response {
        services.pages.page(page.html, frame: PageFrame(page.heading, context: context, path: request.uri.path), status: status)
    }
}

extension WebServices {
    /// The funding of `chosen`'s stored schools, on the pool for heavy work.
    func planFunding(_ chosen: UseCases.CountyYear, rules: FundingRules, budget: Double?) async throws -> CountyFunding {
        let rows = try await store.schoolYears(county: chosen.code, year: chosen.year)
        let standard = configuration.standard
        return try await heavy.run { PlanFunding(rules: rules, standard: standard).plan(rows, budget: budget) }
    }
}
