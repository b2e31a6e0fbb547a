import Domain
import Foundation
import Hummingbird
import NIOCore
import Reports
import Storage
import UseCases

/// Publishing a county-year's evaluation report (评估报告公开发布, 003: 定期发布评估报告):
///
/// - `POST /counties/:county/years/:year/publish`: the county's planner (or an administrator)
///   takes a snapshot of the year's printable evaluation report — what `junheng report --out
///   report.html` writes: schools and figures, no personal data — and publishes it (again);
/// - `POST /counties/:county/years/:year/unpublish`: withdraws it;
/// - `GET /published/:county/:year`: the snapshot, to anyone, without signing in;
/// - `GET /published`: the list of published reports, to anyone.
///
/// The public pages are read from the store as they were published: an anonymous request costs
/// one read, never an evaluation.
struct PublicationRoutes {
    let services: WebServices

    func add(to router: Router<AppRequestContext>) {
        router.post("/counties/:county/years/:year/publish") { _, context in try await publish(context) }
        router.post("/counties/:county/years/:year/unpublish") { _, context in try await unpublish(context) }
        router.get("/published/:county/:year") { _, context in try await document(context) }
        router.get("/published") { request, context in try await index(request, context) }
    }

    private func publish(_ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        let account = try context.require(.publishReport(county: county))
        let year = try context.yearParameter()
        let evaluation = try await services.evaluation.evaluate(county: county, year: year, store: services.store, work: services.heavy)
        let l = context.language
        let name = evaluation.countyName ?? county
        let title = l.pick("\(name) \(year)年度县域义务教育均衡发展督导评估报告", "\(name) \(year): county compulsory-education balance evaluation report")
        let standard = services.configuration.standard
        let document = try await services.heavy.run {
            EvaluationReport(standard: standard, language: l).printableDocument([evaluation.result], schools: evaluation.schools, title: title)
        }
        let report = PublishedReport(countyCode: county, year: year, title: title, publishedAt: services.clock(), accountName: account.name)
        try await services.store.publish(report, document: document, by: account)
        return .redirect(to: "/counties/\(county)?year=\(year)&done=published", type: .normal)
    }

    private func unpublish(_ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        let account = try context.require(.publishReport(county: county))
        let year = try context.yearParameter()
        guard try await services.store.unpublish(county: county, year: year, by: account, at: services.clock()) else { throw WebError.notFound }
        return .redirect(to: "/counties/\(county)?year=\(year)&done=unpublished", type: .normal)
    }

    private func document(_ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        let year = try context.yearParameter()
        guard let document = try await services.store.publishedDocument(county: county, year: year) else { throw WebError.notFound }
        return Response(status: .ok, headers: Self.headers, body: .init(byteBuffer: ByteBuffer(string: document)))
    }

    private func index(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let l = context.language
        let reports = try await services.store.publishedReports(counties: nil)
        var page = PageContent()
        page.heading(Self.indexTitle(in: l))
        if reports.isEmpty {
            page.paragraph(l.pick("尚未发布评估报告。", "No report has been published yet."), class: "muted")
        } else {
            page.section("published") { section in
                for report in reports { section.link("\(report.title)（\(FigureText.time(report.publishedAt))）", to: report.path) }
            }
        }
        let html = "<!DOCTYPE html>\n<html lang=\"\(l == .chinese ? "zh-CN" : "en")\"><head><meta charset=\"utf-8\"><title>\(PageContent.escape(Self.indexTitle(in: l)))</title></head><body>\n"
            + page.text + "</body></html>\n"
        return Response(status: .ok, headers: Self.headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func indexTitle(in l: Language) -> String { l.pick("已发布的督导评估报告", "Published evaluation reports") }

    /// A public page: no script, no form, its own styles and images only; not framed.
    static let headers: HTTPFields = [
        .contentType: "text/html; charset=utf-8",
        .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
        .xContentTypeOptions: "nosniff",
        .cacheControl: "public, max-age=60",
    ]
}

/// Whether the county's year is published, with the buttons the viewer may press.
struct CountyPublishPanel {
    let html: String

    init(county: String, year: Int, published: PublishedReport?, viewer: Viewer, language l: Language) {
        let path = "/counties/\(county)/years/\(year)"
        var page = PageContent()
        page.section("publication") { section in
            if let published {
                section.paragraph(l.pick("\(year) 年度评估报告已发布（\(published.accountName)，\(FigureText.time(published.publishedAt))），公开地址：",
                                         "\(year)'s evaluation report is published (by \(published.accountName), \(FigureText.time(published.publishedAt))) at: "))
                section.link(published.path, to: published.path)
            } else {
                section.paragraph(l.pick("\(year) 年度评估报告尚未发布。", "\(year)'s evaluation report is not published."))
            }
            guard viewer.account.may(.publishReport(county: county)) else { return }
            section.form(action: path + "/publish", stacked: false, csrf: viewer.session.csrfToken) {
                $0.buttons([(published == nil ? l.pick("发布评估报告（公开，无需登录）", "Publish the report (public, no sign-in)")
                                              : l.pick("按当前数据重新发布", "Publish again with today's data"), nil, nil)])
            }
            if published != nil {
                section.form(action: path + "/unpublish", stacked: false, csrf: viewer.session.csrfToken) {
                    $0.buttons([(l.pick("撤回发布", "Withdraw"), nil, nil)])
                }
            }
        }
        html = page.text
    }
}
