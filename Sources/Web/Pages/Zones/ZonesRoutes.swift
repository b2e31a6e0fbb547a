import Domain
import Hummingbird
import Interchange
import Storage
import UseCases

/// The county's zones page and its forms:
///
/// - `GET /counties/:county/zones?year=&stage=primary|junior`: the plan of the stored blocks
///   over the year's school rows, for whoever may read the county;
/// - `POST /counties/:county/zones` (multipart: rules typed in `rules` or uploaded as
///   `rules_file`, hidden `year`, `stage`, `csrf`, optional `format=xlsx|csv`): the plan
///   under those rules (not stored), for the same people;
/// - `GET /counties/:county/zones.xlsx|zones.csv?year=&stage=`: the plan as a workbook or
///   as the CSV of every block's school;
/// - `POST /counties/:county/zones/data` (multipart: files `blocks` and optional
///   `distances`, optional `sheet`, hidden `year`, `stage`, `csrf`): replaces the county's
///   zoning data, for whoever may change it (``Storage/Permission/editZoneData(county:)``:
///   its planner, administrators) — authorised before the body is read. The files are read,
///   checked against each other and the county's school rows of the year, all or nothing:
///   a refusal answers 422 with every problem and stores nothing; a store is audited by the
///   store and answers 303 back to the page.
struct ZonesRoutes {
    let services: WebServices

    func add(to router: Router<AppRequestContext>) {
        router.get("/counties/:county/zones") { request, context in try await show(request, context) }
        router.post("/counties/:county/zones") { request, context in try await planWithRules(request, context) }
        router.get("/counties/:county/zones.xlsx") { request, context in try await download(request, context, format: "xlsx") }
        router.get("/counties/:county/zones.csv") { request, context in try await download(request, context, format: "csv") }
        router.post("/counties/:county/zones/data") { request, context in try await store(request, context) }
    }

    private func show(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        let stage = try ZonesQuery.stage(request.textQuery("stage"))
        let chosen = try await services.countyYears.choose(county: county, year: try request.yearQuery())
        let zones = try await PlanZones.plan(chosen, stage: stage, rules: nil, store: services.store, work: services.heavy, language: context.language)
        return try render(makePage(zones, context: context), request: request, context: context, status: .ok,
                          notice: ZonesPage.notice(saved: request.textQuery("saved"), language: context.language))
    }

    private func download(_ request: Request, _ context: AppRequestContext, format: String) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        let l = context.language
        let stage = try ZonesQuery.stage(request.textQuery("stage"))
        let chosen = try await services.countyYears.choose(county: county, year: try request.yearQuery())
        let zones = try await PlanZones.plan(chosen, stage: stage, rules: nil, store: services.store, work: services.heavy, language: l)
        guard let plan = zones.plan else { throw ZonesQuery.noPlan(zones, language: l) }
        return try await ZonesDownload.response(zones, plan: plan, format: format, language: l, heavy: services.heavy)
    }

    private func planWithRules(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        let l = context.language
        let upload = try await ZoneUpload.read(request, context: context, limit: services.configuration.maxUploadSize)
        let chosen = try await services.countyYears.choose(county: county, year: try upload.year ?? request.yearQuery())
        let stage = upload.stage ?? .primary
        do {
            let zones = try await PlanZones.plan(chosen, stage: stage, rules: upload.rules, store: services.store, work: services.heavy, language: l)
            if let format = upload.format {
                guard let plan = zones.plan else { throw ZonesQuery.noPlan(zones, language: l) }
                return try await ZonesDownload.response(zones, plan: plan, format: format, language: l, heavy: services.heavy)
            }
            var page = try makePage(zones, context: context)
            page.typedRules = upload.typedRules
            return render(page, request: request, context: context, status: .ok)
        } catch let error as ZoneFileError {
            let zones = try await PlanZones.plan(chosen, stage: stage, rules: nil, store: services.store, work: services.heavy, language: l)
            var page = try makePage(zones, context: context)
            page.typedRules = upload.typedRules
            page.refusal = (error.message(in: l), error.problems)
            page.showsPlan = false
            return render(page, request: request, context: context, status: .unprocessableContent)
        }
    }

    private func store(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        // Who may not change the county's zoning data is refused before its upload is read.
        let account = try context.require(.editZoneData(county: county))
        let l = context.language
        let upload = try await ZoneUpload.read(request, context: context, limit: services.configuration.maxUploadSize)
        let chosen = try await services.countyYears.choose(county: county, year: try upload.year ?? request.yearQuery())
        let stage = upload.stage ?? .primary
        var refusal: (message: String, problems: [RowError]) = ("", []), status = HTTPResponse.Status.ok
        do {
            let read = try await PlanZones.readZoneData(
                chosen, blocks: try upload.require("blocks", language: l), distances: upload.files["distances"],
                store: services.store, work: services.heavy, language: l)
            let changes = try await services.store.replaceZoneData(
                county: county, blocks: read.blocks, distances: read.distances, by: account, at: services.clock())
            return .redirect(to: ZonesPage.href(county: county, year: chosen.year, stage: stage) + "&saved=\(changes.blocks.count)", type: .normal)
        } catch let error as ZoneFileError {
            refusal = (error.message(in: l), error.problems)
            status = .unprocessableContent
        } catch let error as WebError where error.kind == .badRequest {
            refusal = (error.message ?? ErrorMiddleware.defaultMessage(error.kind, language: l), [])
            status = error.status
        }
        let zones = try await PlanZones.plan(chosen, stage: stage, rules: nil, store: services.store, work: services.heavy, language: l)
        var page = try makePage(zones, context: context)
        page.refusal = refusal
        return render(page, request: request, context: context, status: status)
    }

    private func makePage(_ zones: CountyZones, context: AppRequestContext) throws -> ZonesPage {
        let viewer = try context.requireViewer()
        return ZonesPage(zones: zones, years: zones.chosen.years, tiles: services.configuration.mapTiles, language: context.language,
                         csrf: viewer.session.csrfToken, mayUpload: viewer.account.may(.editZoneData(county: zones.countyCode)))
    }

    private func render(_ page: ZonesPage, request: Request, context: AppRequestContext, status: HTTPResponse.Status,
                        notice: String? = nil) -> Response {
        let frame = PageFrame(page.heading, context: context, path: request.uri.path, notice: notice)
        return services.pages.page(page.html, frame: frame, status: status, imageSources: MapTiles.origin(of: services.configuration.mapTiles))
    }
}

/// The zones routes' query: the stage (`primary`, the default, or `junior`), and the answer
/// when there is no plan to download or show as JSON.
enum ZonesQuery {
    /// The stage named by `text`; primary when `nil`.
    ///
    /// - Throws: ``WebError/badRequest(_:)`` for anything but `primary` and `junior`.
    static func stage(_ text: String?) throws(WebError) -> Stage {
        switch text {
        case nil, "primary"?: .primary
        case "junior"?: .junior
        default: throw .badRequest("stage")
        }
    }

    /// 404 with why there is no plan: no blocks stored, or none with children of the stage.
    static func noPlan(_ zones: CountyZones, language l: Language) -> WebError {
        WebError(.notFound, zones.blockCount == 0
            ? l.pick("本县尚未上传居住片区数据，没有学区划分方案。", "The county has no residential blocks stored: there are no zones.")
            : l.pick("已保存的片区中没有\(zones.stage.chineseName)适龄儿童，没有该学段的方案。", "No stored block has \(zones.stage.englishName) children: there are no zones for the stage."))
    }
}
