import Domain
import Hummingbird
import Reports
import UseCases

/// `POST /api/counties/{county}/layout?year=` with the layout page's multipart body (file
/// `sites`, `stage`, `open` or `budget`, optional `sheet`, optional files `enrollment` and `births`
/// (the forecast of the communities' needs), optional `rules` as JSON text or
/// `rules_file`): the county's school layout (布局调整方案) of its stored blocks over the
/// uploaded sites, as `junheng plan layout --format json` writes it (``LayoutPlanDocument``).
/// For whoever may read the county; nothing is stored.
///
/// A refused sites file or rules answer 422 `invalid_data` with every problem in `details`
/// (`FILE:ROW:COLUMN: message`); a target the sites cannot meet 422 with the reason; a body
/// without a sites file, or with neither or both targets, 400 `bad_request`; a county without
/// blocks of the stage 404 `not_found`.
struct LayoutAPI: Sendable {
    let services: WebServices

    /// `?year=`, which the form field `year` overrides.
    static let year = APIParameter(
        query: "year", "The year of the school rows the sites' school codes are checked against (default: the county's latest); the form field `year` wins.",
        rule: APIParameters.years)

    @Sendable func plan(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        let l = context.language
        let upload = try await ZoneUpload.read(request, context: context, limit: services.configuration.maxUploadSize)
        let sites = try upload.require("sites", language: l)
        guard let target = upload.target else {
            throw WebError.badRequest(l.pick("请填写开办布点数 open 或建设预算 budget。", "Send the number of sites `open` or the budget `budget`."))
        }
        let chosen = try await services.countyYears.choose(county: county, year: try upload.year ?? request.yearQuery())
        let stage = upload.stage ?? .primary
        let made: CountyLayout
        do {
            made = try await PlanLayout.plan(chosen, sites: sites, rules: upload.rules, stage: stage, target: target,
                                             enrollment: upload.files["enrollment"], births: upload.files["births"], store: services.store, work: services.heavy, language: l)
        } catch let error as PlanningError {
            throw WebError.invalidData(error.message(in: l), details: [])
        }
        guard let plan = made.plan else {
            throw WebError(.notFound, made.blockCount == 0
                ? l.pick("本县尚未上传居住片区数据，无法规划布局。", "The county has no residential blocks stored: there is no layout to plan.")
                : l.pick("已保存的片区中没有\(stage.chineseName)适龄儿童，没有该学段的方案。", "No stored block has \(stage.englishName) children: there is no layout for the stage."))
        }
        return try APIResponse.document(LayoutPlanDocument(plan))
    }
}
