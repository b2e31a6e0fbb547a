import Domain
import Hummingbird
import NIOCore
import Storage
import UseCases
import WebForms

/// The county overview (`GET /counties/:county`) and the year's lock
/// (`POST /counties/:county/years/:year/lock`, `…/unlock`), each authorised before any data
/// is read.
struct CountyRoutes {
    let services: WebServices

    func add(to router: Router<AppRequestContext>) {
        router.get("/counties/:county") { request, context in try await overview(request, context) }
        router.post("/counties/:county/years/:year/lock") { request, context in try await lock(request, context) }
        router.post("/counties/:county/years/:year/unlock") { _, context in try await unlock(context) }
    }

    /// `?year=&sort=&order=&page=&filter=failing&stage=&done=locked|unlocked`
    ///
    /// The body is kept per county revision (``CountyPageBody``); the lock panel, the notice
    /// and the layout — the viewer's part — are made for each request.
    private func overview(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        let viewer = try context.requireViewer()
        let year = try request.yearQuery()
        let l = context.language
        // The query is checked (a malformed one is refused) before anything is looked up.
        let key = CountyPageBody.Key(
            county: county, year: year, query: try CountySchoolQuery(request: request, year: year ?? 0), language: l
        )
        // The revision before the data (see RevisionCache): one primary-key read per request.
        let revision = try await services.store.dataRevision(county: county)
        let body: CountyPageBody
        do {
            body = try await services.countyPages.value(for: key, revision: revision) { [services] in
                try await Self.makeBody(key, services: services)
            }
        } catch let error as CountyYearChoiceError where error.isNoSuchCounty && year == nil && viewer.account.counties.contains(county)
                    && viewer.account.may(.importInto(county: county)) {
            // The viewer's own county without data yet: what to do first, instead of a bare 404
            // (an administrator asking for any code still gets the 404).
            let page = CountyFirstSteps(county: county, language: l)
            return services.pages.page(page.html, frame: PageFrame(page.heading, context: context, path: request.uri.path))
        }
        let unreviewed = try await services.store.submissions(county: county, year: body.year).count
        let lock = CountyLockPanel(county: county, year: body.year, lock: body.lock, unreviewed: unreviewed, viewer: viewer, language: l)
        let frame = PageFrame(body.heading, context: context, path: request.uri.path,
                              notice: CountyPage.notice(request.textQuery("done"), year: body.year, language: l))
        let published = try await services.store.publishedReports(counties: [county]).first { $0.year == body.year }
        let publication = CountyPublishPanel(county: county, year: body.year, published: published, viewer: viewer, language: l)
        let parts = [body.summary, ByteBuffer(string: lock.html + publication.html), body.details]
        return services.pages.page(parts: parts, frame: frame)
    }

    /// Loads and evaluates the county in the key's year and, for the trend, in every other
    /// year it has, and renders the overview's body.
    private static func makeBody(_ key: CountyPageBody.Key, services: WebServices) async throws -> CountyPageBody {
        let evaluation = try await services.evaluation.evaluate(county: key.county, year: key.year, store: services.store, work: services.heavy)
        var query = key.query
        query.year = evaluation.year
        var history: [CountyEvaluation] = []
        if evaluation.years.count > 1 {
            for year in evaluation.years {
                history.append(year == evaluation.year ? evaluation : try await services.evaluation.evaluate(county: key.county, year: year, store: services.store, work: services.heavy))
            }
        }
        let page = CountyPage(evaluation: evaluation, history: history, query: query,
                              standard: services.configuration.standard, language: key.language)
        return CountyPageBody(page, evaluation: evaluation)
    }

    /// Locks the year once the form confirms it (`confirm=yes`), with the form's `reason` —
    /// required while schools' rows are under review.
    private func lock(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        let account = try context.require(.lockYear(county: county))
        let year = try context.yearParameter()
        // A lock only makes sense on a year the county has data for.
        _ = try await services.countyYears.choose(county: county, year: year)
        var request = request
        let form = FormFields(urlEncoded: String(buffer: try await request.collectBody(upTo: 64 << 10)))
        let l = context.language
        guard form["confirm"] == "yes" else {
            throw WebError.invalidData(l.pick("请勾选确认后再锁定。", "Tick the confirmation to lock the year."), details: [])
        }
        _ = try await services.store.lockYear(county: county, year: year, reason: form["reason"], by: account, at: services.clock())
        return .redirect(to: "/counties/\(county)?year=\(year)&done=locked", type: .normal)
    }

    private func unlock(_ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        let account = try context.require(.unlockYear)
        let year = try context.yearParameter()
        _ = try await services.countyYears.choose(county: county, year: year)
        try await services.store.unlockYear(county: county, year: year, by: account, at: services.clock())
        return .redirect(to: "/counties/\(county)?year=\(year)&done=unlocked", type: .normal)
    }
}
