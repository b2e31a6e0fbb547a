import Domain
import Hummingbird
import Reports
import Storage
import UseCases

/// The province page (`GET /province?year=&sort=&order=`): administrators see every county,
/// supervisors the counties they are assigned.
struct ProvinceRoutes {
    let services: WebServices

    func add(to router: Router<AppRequestContext>) {
        router.get("/province") { request, context in try await show(request, context) }
    }

    private func show(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let account = try context.require(.readProvince)
        let asked = try request.yearQuery()
        let order = try PageListing.order(request.textQuery("order")) ?? .ascending
        let sort = request.textQuery("sort").flatMap { EvaluationReport.rankingSortable.contains($0) ? $0 : nil } ?? "rank"
        let view = try await services.province.rank(year: asked, for: account)
        let page = ProvincePage(rows: view.rows, year: view.year, years: view.years, sort: sort, order: order,
                                standard: services.configuration.standard, language: context.language)
        // The published reports of the counties the viewer ranks, linked at their public addresses.
        let counties = Set(view.rows.map(\.countyCode))
        let published = try await services.store.publishedReports(counties: nil).filter { counties.contains($0.countyCode) }
        var links = PageContent()
        links.section("published") { section in
            section.subheading(PublicationRoutes.indexTitle(in: context.language))
            if published.isEmpty { section.paragraph(context.language.pick("尚无已发布的报告。", "None yet."), class: "muted") }
            for report in published { section.link(report.title, to: report.path) }
        }
        links.section("remediation") { section in
            section.link(context.language.pick("逾期整改事项（各县区整改台账）", "Overdue remediation items (every county's ledger)"), to: "/ledger/overdue")
        }
        return services.pages.page(page.html + links.text, frame: PageFrame(page.heading, context: context, path: request.uri.path))
    }
}
