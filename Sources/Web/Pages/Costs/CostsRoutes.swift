import Domain
import Foundation
import Hummingbird
import Interchange
import Storage
import UseCases
import WebForms

/// The county's unit-cost page (`GET /counties/:county/costs?year=`), for whoever may read
/// the county, and its form (`POST /counties/:county/costs`: a field per price named as
/// ``CostsPage/fieldName(_:)``, a field per item's purchase unit and yearly capacity, hidden
/// `year` and `csrf`), for whoever may set the county's prices (its planner, administrators).
///
/// A save replaces the county's own prices, purchase units and yearly capacities with the
/// form's (a blank field removes one) and records each change in the audit trail, then shows the page again (303) with how many
/// changed. A refused value re-shows the form as typed with every problem (422) and saves
/// nothing.
///
/// `POST /counties/:county/costs/import` (multipart: file `costs`, optional `sheet`, hidden
/// `year` and `csrf`), for the same people, makes a costs file's rows (``UnitCostsReader``,
/// the file of `junheng plan invest --costs`) the county's prices, purchase units and yearly
/// capacities — all of them: a setting the file leaves blank is cleared, as the command line
/// would not use it — audited alike; a refused
/// file answers 422 with every problem, a form without a file 400.
struct CostsRoutes {
    let services: WebServices

    func add(to router: Router<AppRequestContext>) {
        router.get("/counties/:county/costs") { request, context in try await show(request, context) }
        router.post("/counties/:county/costs") { request, context in try await save(request, context) }
        router.post("/counties/:county/costs/import") { request, context in try await importFile(request, context) }
    }

    private func importFile(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        let account = try context.require(.setUnitCosts(county: county))
        let l = context.language
        let upload = try await UploadForm.read(request, context: context, limit: services.configuration.maxUploadSize)
        var year: Int?
        if let text = upload.form.text("year")?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let number = Int(text), (1949...2200).contains(number) else { throw WebError.badRequest("year") }
            year = number
        }
        guard let file = upload.file("costs") else {
            return try await page(county: county, year: year, context: context,
                                  fileRefusal: (l.pick("请选择单位成本文件。", "Choose a costs file."), []), status: .badRequest)
        }
        let own: CountyUnitCosts
        do {
            own = try await services.heavy.run {
                try UnitCostsReader(language: l).countyCosts(file.bytes, file: file.name, sheet: file.sheet).content
            }
        } catch let error as DataFileError {
            let message = l.pick("单位成本文件有 \(error.errors.count) 处问题，未导入任何单价：", "The costs file has \(error.errors.count) problem(s); no price was imported:")
            return try await page(county: county, year: year, context: context, fileRefusal: (message, error.errors),
                                  status: .unprocessableContent)
        }
        let chosen = try await services.countyYears.choose(county: county, year: year)
        let changes = try await services.store.replaceUnitCosts(county: county, with: own, by: account, at: services.clock())
        return .redirect(to: "/counties/\(county)/costs?year=\(chosen.year)&saved=\(changes.count)", type: .normal)
    }

    private func show(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        return try await page(county: county, year: try request.yearQuery(), context: context,
                              notice: CostsPage.notice(saved: request.textQuery("saved"), language: context.language))
    }

    private func save(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        let account = try context.require(.setUnitCosts(county: county))
        var request = request
        let form = FormFields(urlEncoded: String(buffer: try await request.collectBody(upTo: 1 << 20)))
        var typed: [UnitCostPrice.Key: String] = [:], typedSettings: [PurchaseSetting.Key: String] = [:]
        for (name, value) in form.all {
            if let key = CostsPage.key(ofField: name) { typed[key] = value }
            if let key = CostsPage.settingKey(ofField: name) { typedSettings[key] = value }
        }
        var year: Int?
        if let text = form["year"], !text.isEmpty {
            guard let number = Int(text), (1949...2200).contains(number) else { throw WebError.badRequest("year") }
            year = number
        }
        let input: UnitCostInput
        do {
            input = try UnitCostInput.parse(typed, settings: typedSettings)
        } catch {
            return try await page(county: county, year: year, context: context, typed: (typed, typedSettings), refusal: error,
                                  status: .unprocessableContent)
        }
        // The county must exist (have data): prices of a county nobody plans are a typo.
        let chosen = try await services.countyYears.choose(county: county, year: year)
        let changes = try await services.store.replaceUnitCosts(county: county, with: input.own, by: account, at: services.clock())
        return .redirect(to: "/counties/\(county)/costs?year=\(chosen.year)&saved=\(changes.count)", type: .normal)
    }

    /// The page of `county` reached from `year` (the latest when `nil`), with the form as
    /// typed and its problems after a refused save.
    private func page(county: String, year: Int?, context: AppRequestContext, notice: String? = nil,
                      typed: (prices: [UnitCostPrice.Key: String], settings: [PurchaseSetting.Key: String])? = nil,
                      refusal: UnitCostInput.Refusal? = nil,
                      fileRefusal: (message: String, problems: [RowError])? = nil,
                      status: HTTPResponse.Status = .ok) async throws -> Response {
        let viewer = try context.requireViewer()
        let chosen = try await services.countyYears.choose(county: county, year: year)
        let own = try await services.store.countyUnitCosts(county: county)
        let edit = viewer.account.may(.setUnitCosts(county: county))
            ? CostsPage.Edit(csrf: viewer.session.csrfToken, typed: typed?.prices, typedSettings: typed?.settings ?? [:],
                             problems: refusal?.problems ?? [], settingProblems: refusal?.settingProblems ?? [], fileRefusal: fileRefusal) : nil
        let page = CostsPage(county: chosen.county, year: chosen.year, prices: own.prices, settings: own.settings, edit: edit,
                             language: context.language)
        let frame = PageFrame(page.heading, context: context, path: "/counties/\(county)/costs", notice: notice)
        return services.pages.page(page.html, frame: frame, status: status)
    }
}
