import Hummingbird
import Storage

/// `GET /audit?county=&school=&year=&page=`: the audit trail, 50 entries a page, newest
/// first, for planners (their county), supervisors (their counties) and administrators
/// (all); clerks are refused. The trail is read-only: no route changes it.
struct AuditRoutes {
    let services: WebServices

    func add(to router: Router<AppRequestContext>) {
        router.get("/audit") { request, context in try await show(request, context) }
    }

    private func show(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = request.textQuery("county")
        let scope = try AuditScope.counties(for: context, county: county)
        let filter = AuditTrailPage.Filter(
            county: county, school: request.textQuery("school"), year: try request.yearQuery(),
            page: max(1, try request.intQuery("page", default: 1, max: 1_000_000))
        )
        let account = try context.requireViewer().account
        let entries = try await services.store.auditTrail(AuditQuery(
            counties: scope, schoolCode: filter.school, year: filter.year,
            limit: AuditTrailPage.pageSize, offset: (filter.page - 1) * AuditTrailPage.pageSize
        )).masked(for: account)
        // The county filter offers the counties the viewer may read the trail of.
        let counties = try await services.store.counties().filter { account.may(.readAudit(county: $0.code)) }
        let page = AuditTrailPage(entries: entries, filter: filter, counties: counties,
                                  standard: services.configuration.standard, language: context.language)
        return services.pages.page(page.html, frame: PageFrame(page.heading, context: context, path: "/audit"))
    }
}
