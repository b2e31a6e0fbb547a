import Domain
import Foundation
import Hummingbird
import Interchange
import Storage
import UseCases
import WebForms

/// The county items (县级指标):
///
/// - `GET /counties/:county/items?year=`: every item with its rule, value, result, evidence
///   and source, to whoever reads the county; the recording form for its planner;
/// - `POST /counties/:county/years/:year/items`: records the typed items (`value-ITEM`,
///   `evidence-ITEM`) by the `facts` file's rules, as an import of the county's facts: each
///   change audited, a locked year refused (409), a refused value re-showing the form (422).
struct ItemsRoutes {
    let services: WebServices

    func add(to router: Router<AppRequestContext>) {
        router.get("/counties/:county/items") { request, context in
            let county = try context.countyParameter()
            try context.require(.readCounty(county))
            return try await page(county: county, year: try request.yearQuery(), context: context,
                                  notice: Self.notice(request.textQuery("saved"), language: context.language))
        }
        router.post("/counties/:county/years/:year/items") { request, context in try await record(request, context) }
    }

    private func record(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        let account = try context.require(.recordFacts(county: county))
        let year = try context.yearParameter()
        _ = try await services.countyYears.choose(county: county, year: year)
        if try await services.store.locks(county: county).contains(where: { $0.year == year }) {
            throw StoreError.locked(county: county, year: year)
        }
        var request = request
        let form = FormFields(urlEncoded: String(buffer: try await request.collectBody(upTo: 1 << 20)))
        var typed: [String: FactsEdit.Typed] = [:]
        for rule in services.configuration.standard.facts {
            typed[rule.key] = FactsEdit.Typed(value: form["value-" + rule.key] ?? "", evidence: form["evidence-" + rule.key] ?? "")
        }
        let l = context.language
        let facts: [CountyFact]
        do {
            facts = try FactsEdit(standard: services.configuration.standard, language: l).apply(typed, county: county, year: year)
        } catch {
            return try await page(county: county, year: year, context: context, typed: typed, errors: error.errors, status: .unprocessableContent)
        }
        let stored = Dictionary(try await services.store.facts(year: year, counties: [county]).map { ($0.item, $0) }) { a, _ in a }
        let changed = facts.filter { stored[$0.item] != $0 }
        if !changed.isEmpty {
            _ = try await ImportData(store: services.store).run(ImportBatch(schools: [], facts: changed, source: l.pick("县级指标表单", "county items form")),
                                                                by: account, at: services.clock(), language: l)
        }
        return .redirect(to: "/counties/\(county)/items?year=\(year)&saved=\(changed.count)", type: .normal)
    }

    private func page(county: String, year: Int?, context: AppRequestContext, notice: String? = nil,
                      typed: [String: FactsEdit.Typed]? = nil, errors: [RowError] = [], status: HTTPResponse.Status = .ok) async throws -> Response {
        let viewer = try context.requireViewer()
        let evaluation = try await services.evaluation.evaluate(county: county, year: year, store: services.store, work: services.heavy)
        let recorded = Dictionary(try await services.store.facts(year: evaluation.year, counties: [county]).map { ($0.item, $0) }) { a, _ in a }
        let form = viewer.account.may(.recordFacts(county: county)) && evaluation.lock == nil
            ? ItemsPage.Form(csrf: viewer.session.csrfToken, typed: typed, errors: errors) : nil
        let page = ItemsPage(evaluation: evaluation, recorded: recorded, standard: services.configuration.standard, form: form, language: context.language)
        let frame = PageFrame(page.heading, context: context, path: "/counties/\(county)/items", notice: notice)
        return services.pages.page(page.html, frame: frame, status: status)
    }

    static func notice(_ saved: String?, language l: Language) -> String? {
        guard let saved, let count = Int(saved), count >= 0 else { return nil }
        return count == 0 ? l.pick("没有修改。", "Nothing changed.") : l.pick("已保存 \(count) 项县级指标", "Saved \(count) county items")
    }
}
