import Domain
import Foundation
import Hummingbird
import Reports
import Storage
import UseCases
import WebForms

/// The remediation ledger (整改台账):
///
/// - `GET /counties/:county/ledger?year=`: the ledger and the year's gaps (whoever reads the county);
/// - `POST /counties/:county/ledger?year=`: puts the chosen gaps (`gap`, repeated) or a written
///   item (`title`, `school`) in it, with `owner` and `due` (the planner);
/// - `GET /counties/:county/ledger.xlsx?year=`: the ledger as a workbook;
/// - `GET|POST /counties/:county/ledger/:id`: an item, and its update (status, owner, due, note);
/// - `POST /counties/:county/ledger/:id/evidence`: an evidence file (multipart `file`);
/// - `GET /counties/:county/ledger/:id/evidence/:file`: the file, as an attachment;
/// - `GET /ledger/overdue`: the overdue items of every county the viewer reads (the supervisor's board).
///
/// An item of a school is also the school's clerk's to read and report on. Every write is
/// authorised before its body is read and recorded in the audit trail.
struct LedgerRoutes {
    let services: WebServices

    func add(to router: Router<AppRequestContext>) {
        router.get("/counties/:county/ledger") { request, context in try await ledger(request, context) }
        router.post("/counties/:county/ledger") { request, context in try await addItems(request, context) }
        router.get("/counties/:county/ledger.xlsx") { request, context in try await workbook(request, context) }
        router.get("/counties/:county/ledger/:id") { request, context in try await showItem(request, context) }
        router.post("/counties/:county/ledger/:id") { request, context in try await updateItem(request, context) }
        router.post("/counties/:county/ledger/:id/evidence") { request, context in try await upload(request, context) }
        router.get("/counties/:county/ledger/:id/evidence/:file") { _, context in try await download(context) }
        router.get("/ledger/overdue") { _, context in try await overdue(context) }
    }

    private var today: CalendarDate { UnitCostChange.beijingDay(of: services.clock()) }

    /// The latest adopted version of each of the county's plans (by kind and year).
    private func latestPlans(county: String) async throws -> [AdoptedPlan] {
        let plans = try await services.store.adoptedPlans(county: county)
        return Dictionary(grouping: plans) { "\($0.kind.rawValue)|\($0.year)" }.values.compactMap { $0.max { $0.version < $1.version } }
            .sorted { ($0.kind.rawValue, $0.year) < ($1.kind.rawValue, $1.year) }
    }

    /// The table of `items`, with the gaps each of their years' evaluations still finds.
    private func table(_ items: [LedgerItem], language: Language) async throws -> LedgerTable {
        var open: [LedgerTable.CountyYearKey: Set<String>] = [:]
        for key in Set(items.filter { $0.gapKey != nil }.map { LedgerTable.CountyYearKey(county: $0.countyCode, year: $0.year) }) {
            if let evaluation = try? await services.evaluation.evaluate(county: key.county, year: key.year, store: services.store, work: services.heavy) {
                open[key] = evaluation.result.gapKeys
            }
        }
        return LedgerTable(items: items, today: today, openGaps: open, language: language)
    }

    private func ledger(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        let viewer = try context.requireViewer()
        let evaluation = try await services.evaluation.evaluate(county: county, year: try request.yearQuery(), store: services.store, work: services.heavy)
        let items = try await services.store.ledgerItems(counties: [county])
        let page = LedgerPage(evaluation: evaluation, items: items, plans: try await latestPlans(county: county),
                              table: try await table(items, language: context.language),
                              standard: services.configuration.standard,
                              csrf: viewer.account.may(.manageLedger(county: county)) ? viewer.session.csrfToken : nil, language: context.language)
        let notice = request.textQuery("added").flatMap(Int.init).map { context.language.pick("已列入整改台账 \($0) 项。", "\($0) items added to the ledger.") }
            ?? request.textQuery("adopted").flatMap(Int.init).map { context.language.pick("方案已采纳为第 \($0) 版，其各项可列入整改台账。", "The plan is adopted as version \($0); its items may enter the ledger.") }
        return services.pages.page(page.html, frame: PageFrame(page.heading, context: context, path: "/counties/\(county)/ledger", notice: notice))
    }

    private func addItems(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        let account = try context.require(.manageLedger(county: county))
        let l = context.language
        let evaluation = try await services.evaluation.evaluate(county: county, year: try request.yearQuery(), store: services.store, work: services.heavy)
        var request = request
        let form = FormFields(urlEncoded: String(buffer: try await request.collectBody(upTo: 1 << 20)))
        guard let due = form["due"].flatMap(CalendarDate.init(text:)) else {
            throw WebError.invalidData(l.pick("请填写完成时限（如 2026-06-30）。", "Give the due date (e.g. 2026-06-30)."), details: [])
        }
        let owner = form["owner"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        var new: [NewLedgerItem] = []
        let chosen = Set(form.values("gap"))
        let chosenPlanItems = Set(form.values("plan_item"))
        if !chosenPlanItems.isEmpty {
            let names = Dictionary(evaluation.schools.map { ($0.schoolCode, $0.schoolName) }) { a, _ in a }
            let tracked = Set(try await services.store.ledgerItems(counties: [county]).compactMap(\.gapKey))
            for plan in try await latestPlans(county: county) {
                for item in plan.items where chosenPlanItems.contains(plan.ledgerKey(of: item)) && !tracked.contains(plan.ledgerKey(of: item)) {
                    let itemOwner = owner.isEmpty ? item.schoolCode.flatMap { names[$0] } ?? "" : owner
                    guard !itemOwner.isEmpty else {
                        throw WebError.invalidData(l.pick("县级事项须填写责任单位/责任人。", "A county-wide item needs an owner."), details: [])
                    }
                    new.append(NewLedgerItem(countyCode: county, year: plan.year, gapKey: plan.ledgerKey(of: item), schoolCode: item.schoolCode,
                                             title: String(item.text.prefix(LedgerRules.titleCharacters)), owner: itemOwner, due: due))
                }
            }
        } else if !chosen.isEmpty {
            let names = Dictionary(evaluation.schools.map { ($0.schoolCode, $0.schoolName) }) { a, _ in a }
            let tracked = Set(try await services.store.ledgerItems(counties: [county]).filter { $0.year == evaluation.year }.compactMap(\.gapKey))
            for gap in evaluation.result.gaps where chosen.contains(gap.key) && !tracked.contains(gap.key) {
                let gapOwner = owner.isEmpty ? gap.schoolCode.flatMap { names[$0] } ?? "" : owner
                guard !gapOwner.isEmpty else {
                    throw WebError.invalidData(l.pick("县级问题须填写责任单位/责任人。", "A county-wide gap needs an owner."), details: [])
                }
                new.append(NewLedgerItem(countyCode: county, year: evaluation.year, gapKey: gap.key, schoolCode: gap.schoolCode,
                                         title: String(gap.text(in: l, standard: services.configuration.standard).prefix(LedgerRules.titleCharacters)),
                                         owner: gapOwner, due: due))
            }
        } else if let title = form["title"], !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            let school = form.trimmed("school")
            if let school, !evaluation.schools.contains(where: { $0.schoolCode == school }) {
                throw WebError.invalidData(l.pick("本县没有学校 \(school)。", "The county has no school \(school)."), details: [])
            }
            new.append(NewLedgerItem(countyCode: county, year: evaluation.year, schoolCode: school, title: title, owner: owner, due: due))
        } else {
            throw WebError.invalidData(l.pick("请选择问题或填写整改事项。", "Choose gaps or write an item."), details: [])
        }
        for item in new {
            do {
                _ = try await services.store.addLedgerItem(item, by: account, at: services.clock())
            } catch let error as StoreError where error.isInvalid {
                throw WebError.invalidData(l.pick("整改事项有误：\(error.description)", "The item is refused: \(error.description)"), details: [])
            }
        }
        return .redirect(to: "/counties/\(county)/ledger?year=\(evaluation.year)&added=\(new.count)", type: .normal)
    }

    /// The item of the path, once the viewer may read it: whoever reads the county, or the
    /// clerk of its school.
    private func readableItem(_ context: AppRequestContext) async throws -> (LedgerItem, Viewer) {
        let county = try context.countyParameter()
        let viewer = try context.requireViewer()
        guard let id = Int64(try context.textParameter("id")) else { throw WebError.notFound }
        let item = try await services.store.ledgerItem(id: id)
        let account = viewer.account
        let mayRead = account.may(.readCounty(county))
            || item.flatMap { $0.schoolCode }.map { account.may(.reportLedger(county: county, school: $0)) } ?? false
        guard mayRead else { throw WebError.forbidden }
        guard let item, item.countyCode == county else { throw WebError.notFound }
        return (item, viewer)
    }

    private func showItem(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (item, viewer) = try await readableItem(context)
        let page = LedgerItemPage(item: item, table: try await table([item], language: context.language), viewer: viewer, language: context.language)
        let notice: String? = switch request.textQuery("done") {
        case "saved": context.language.pick("已保存。", "Saved.")
        case "uploaded": context.language.pick("佐证材料已上传。", "Evidence uploaded.")
        default: nil
        }
        return services.pages.page(page.html, frame: PageFrame(page.heading, context: context, path: "/counties/\(item.countyCode)/ledger/\(item.id)", notice: notice))
    }

    private func updateItem(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (item, viewer) = try await readableItem(context)
        let account = viewer.account, l = context.language
        guard LedgerItemPage.mayReport(account, item: item) else { throw WebError.forbidden }
        var request = request
        let form = FormFields(urlEncoded: String(buffer: try await request.collectBody(upTo: 64 << 10)))
        var update = LedgerUpdate(note: form["note"])
        if let text = form["status"], !text.isEmpty {
            guard let status = LedgerItem.Status(text: text) else { throw WebError.badRequest(l.pick("未知状态：\(text)", "Unknown status: \(text)")) }
            guard status == item.status || LedgerItemPage.statuses(for: account, item: item).contains(status) else { throw WebError.forbidden }
            update.status = status
        }
        if account.may(.manageLedger(county: item.countyCode)) {
            update.owner = form["owner"]
            if let due = form["due"], !due.isEmpty {
                guard let date = CalendarDate(text: due) else { throw WebError.invalidData(l.pick("完成时限有误：\(due)", "Not a date: \(due)"), details: []) }
                update.due = date
            }
        }
        do {
            _ = try await services.store.updateLedgerItem(id: item.id, update, by: account, at: services.clock())
        } catch let error as StoreError where error.isInvalid {
            throw WebError.conflict(l.pick("未保存：\(Self.reason(error, language: l))", "Not saved: \(error.description)"))
        }
        return .redirect(to: "/counties/\(item.countyCode)/ledger/\(item.id)?done=saved", type: .normal)
    }

    /// Why the ledger refused a change, in Chinese for the common cases.
    static func reason(_ error: StoreError, language l: Language) -> String {
        let text = error.description
        if text.contains("needs an evidence file") { return l.pick("完成整改须先上传佐证材料。", text) }
        if text.contains("only a completed item") { return l.pick("只有已完成的事项才能核验。", text) }
        if text.contains("verified and closed") { return l.pick("事项已核验销号，不能再修改。", text) }
        if text.contains("nothing to change") { return l.pick("没有修改。", text) }
        if text.contains("an evidence file is") { return l.pick("佐证材料须为 PDF、PNG、JPEG、DOCX 或 XLSX 文件，扩展名与内容一致。", text) }
        if text.contains("bytes") { return l.pick("佐证材料须在 5 MB 以内。", text) }
        return text
    }

    private func upload(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (item, viewer) = try await readableItem(context)
        guard LedgerItemPage.mayReport(viewer.account, item: item) else { throw WebError.forbidden }
        let l = context.language
        let form = try await UploadForm.read(request, context: context, limit: EvidenceKind.maximumBytes + (64 << 10))
        guard let file = form.file("file") else { throw WebError.invalidData(l.pick("请选择要上传的文件。", "Choose a file to upload."), details: []) }
        do {
            _ = try await services.store.attachEvidence(itemID: item.id, fileName: file.name, bytes: file.bytes, by: viewer.account, at: services.clock())
        } catch let error as StoreError where error.isInvalid {
            throw WebError.invalidData(l.pick("未上传：\(Self.reason(error, language: l))", "Not uploaded: \(error.description)"), details: [])
        }
        return .redirect(to: "/counties/\(item.countyCode)/ledger/\(item.id)?done=uploaded", type: .normal)
    }

    private func download(_ context: AppRequestContext) async throws -> Response {
        let (item, _) = try await readableItem(context)
        guard let id = Int64(try context.textParameter("file")), let (file, bytes) = try await services.store.evidence(id: id), file.itemID == item.id else {
            throw WebError.notFound
        }
        var response = Download.response(bytes, contentType: file.kind.contentType,
                                          disposition: Download.disposition(ascii: "evidence-\(file.id).\(file.kind.rawValue)", name: file.fileName))
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.contentSecurityPolicy] = "default-src 'none'; sandbox"
        return response
    }

    private func workbook(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        let l = context.language
        let year = try request.yearQuery()
        let items = try await services.store.ledgerItems(counties: [county])
        let table = try await table(items, language: l).table(name: l.pick("整改台账", "Remediation ledger"), linked: false)
        let name = l.pick("\(county)整改台账", "\(county) remediation ledger") + (year.map { "-\($0)" } ?? "") + ".xlsx"
        let bytes = try await services.heavy.run {
            try XLSXRenderer(language: l, summaryName: nil).workbook(Report(title: name, sections: [ReportSection(id: "ledger", nil, [.table(table)])]))
        }
        return Download.response(bytes, contentType: Download.xlsx, disposition: Download.disposition(ascii: "junheng-ledger-\(county).xlsx", name: name))
    }

    /// The overdue items of every county the viewer reads.
    private func overdue(_ context: AppRequestContext) async throws -> Response {
        let viewer = try context.requireViewer()
        let l = context.language
        let account = viewer.account
        let counties: [String]? = account.role == .admin ? nil : account.counties.filter { account.may(.readCounty($0)) }
        if counties?.isEmpty == true { throw WebError.forbidden }
        let items = try await services.store.ledgerItems(counties: counties).filter { $0.isOverdue(on: today) }
        var page = PageContent()
        let heading = l.pick("逾期整改事项", "Overdue remediation items")
        page.heading(heading)
        page.paragraph(l.pick("截至 \(today.text)，\(Set(items.map(\.countyCode)).count) 个县区共 \(items.count) 项整改事项逾期未完成。",
                              "As of \(today.text), \(items.count) items in \(Set(items.map(\.countyCode)).count) counties are overdue."), id: "overdue-summary")
        if !items.isEmpty {
            page.append(HTMLRenderer(language: l) { SiteAddress.of($0) }.table(try await table(items, language: l).table(name: heading, linked: true)))
        }
        return services.pages.page(page.text, frame: PageFrame(heading, context: context, path: "/ledger/overdue"))
    }
}
