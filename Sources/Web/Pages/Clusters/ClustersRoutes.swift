import Domain
import Foundation
import Hummingbird
import Storage
import UseCases
import WebForms

/// The school clusters (学区/教育集团/教育联盟):
///
/// - `GET /counties/:county/clusters?year=&km=&per=`: the clusters' CVs and the pairing proposal;
/// - `POST /counties/:county/clusters`: defines or replaces a cluster (`id`, `name`, `kind`,
///   `core`, `members`) — the planner's;
/// - `POST /counties/:county/clusters/:id/delete`: removes one;
/// - `POST /counties/:county/clusters/shared?year=`: records a teacher shared within a cluster
///   that year (集团内互派: `teacher_id`, `cluster`, `home`, `host`), counted by the rotation quotas;
/// - `POST /counties/:county/clusters/shared/:teacher/delete?year=`: removes the record.
///
/// A cluster is checked against the county's schools of the year shown and its other clusters
/// (``Domain/SchoolCluster/problem(of:among:schools:language:)``); every write is audited.
struct ClustersRoutes {
    let services: WebServices

    func add(to router: Router<AppRequestContext>) {
        router.get("/counties/:county/clusters") { request, context in try await show(request, context) }
        router.post("/counties/:county/clusters") { request, context in try await define(request, context) }
        router.post("/counties/:county/clusters/:id/delete") { request, context in try await remove(request, context) }
        router.post("/counties/:county/clusters/shared") { request, context in try await share(request, context) }
        router.post("/counties/:county/clusters/shared/:teacher/delete") { request, context in try await unshare(request, context) }
    }

    /// Records a teacher shared within a cluster this year (`teacher_id`, `cluster`, `home`, `host`).
    private func share(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        let account = try context.require(.manageClusters(county: county))
        let l = context.language
        let choice = try await services.countyYears.choose(county: county, year: try request.yearQuery())
        var request = request
        let form = FormFields(urlEncoded: String(buffer: try await request.collectBody(upTo: 64 << 10)))
        let trimmed = { (name: String) in form.trimmed(name) ?? "" }
        let record = SharedTeacher(countyCode: county, year: choice.year, teacherID: trimmed("teacher_id"), clusterID: trimmed("cluster"),
                                   homeSchool: trimmed("home"), hostSchool: trimmed("host"))
        if let problem = record.problem(among: try await services.store.clusters(county: county), language: l) {
            throw WebError.invalidData(problem, details: [])
        }
        try await services.store.saveSharedTeacher(record, by: account, at: services.clock())
        return .redirect(to: "/counties/\(county)/clusters?year=\(choice.year)&done=saved", type: .normal)
    }

    private func unshare(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        let account = try context.require(.manageClusters(county: county))
        let choice = try await services.countyYears.choose(county: county, year: try request.yearQuery())
        guard try await services.store.deleteSharedTeacher(county: county, year: choice.year, teacher: try context.textParameter("teacher"),
                                                           by: account, at: services.clock()) else { throw WebError.notFound }
        return .redirect(to: "/counties/\(county)/clusters?year=\(choice.year)&done=removed", type: .normal)
    }

    private func show(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        let viewer = try context.requireViewer()
        let km = request.textQuery("km").flatMap(Double.init).map { min(200, max(1, $0)) } ?? CountyClusters.defaultKilometres
        let per = request.textQuery("per").flatMap(Int.init).map { min(10, max(1, $0)) } ?? CountyClusters.defaultPerStrong
        let data = try await CountyClusters.load(county: county, year: try request.yearQuery(), store: services.store,
                                                 standard: services.configuration.standard, work: services.heavy, maxKilometres: km, perStrong: per)
        let page = ClustersPage(data: data, standard: services.configuration.standard,
                                csrf: viewer.account.may(.manageClusters(county: county)) ? viewer.session.csrfToken : nil, language: context.language)
        let notice: String? = switch request.textQuery("done") {
        case "saved": context.language.pick("已保存。", "Saved.")
        case "removed": context.language.pick("已删除。", "Removed.")
        default: nil
        }
        return services.pages.page(page.html, frame: PageFrame(page.heading, context: context, path: "/counties/\(county)/clusters", notice: notice))
    }

    private func define(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        let account = try context.require(.manageClusters(county: county))
        let l = context.language
        let choice = try await services.countyYears.choose(county: county, year: try request.yearQuery())
        var request = request
        let form = FormFields(urlEncoded: String(buffer: try await request.collectBody(upTo: 64 << 10)))
        guard let kind = form["kind"].flatMap(SchoolCluster.Kind.init(rawValue:)) else {
            throw WebError.invalidData(l.pick("请选择类型。", "Choose a kind."), details: [])
        }
        let members = form.codes("members")
        let core = form.trimmed("core")
        let cluster = SchoolCluster(countyCode: county, id: (form["id"] ?? "").trimmingCharacters(in: .whitespaces),
                                    name: (form["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines), kind: kind, coreSchool: core,
                                    members: core.map { core in members.contains(core) ? members : [core] + members } ?? members)
        let schools = Set(try await services.store.schoolYears(county: county, year: choice.year).map(\.schoolCode))
        let others = try await services.store.clusters(county: county)
        if let problem = SchoolCluster.problem(of: cluster, among: others, schools: schools, language: l) {
            throw WebError.invalidData(problem, details: [])
        }
        try await services.store.saveCluster(cluster, by: account, at: services.clock())
        return .redirect(to: "/counties/\(county)/clusters?year=\(choice.year)&done=saved", type: .normal)
    }

    private func remove(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        let account = try context.require(.manageClusters(county: county))
        let id = try context.textParameter("id")
        guard try await services.store.deleteCluster(county: county, id: id, by: account, at: services.clock()) else { throw WebError.notFound }
        let year = try request.yearQuery().map { "year=\($0)&" } ?? ""
        return .redirect(to: "/counties/\(county)/clusters?\(year)done=removed", type: .normal)
    }
}
