import Domain
import Foundation
import Hummingbird
import Interchange
import Reports
import Storage
import UseCases

/// The county's care pages (关爱帮扶), for whoever may read the county — names only for the
/// care officer (``Storage/Permission/readChildren(county:school:)``), every unmasked view and
/// export recorded in the trail (``UseCases/CareRegisterAccess``):
///
/// - `GET /counties/:county/care?year=`: the dashboard — counts and rates by school, the items
///   they decide; for who may change the care data, the import and pairing forms;
/// - `POST /counties/:county/care/import`: files `children`, `dropouts`, `cohorts` (the care
///   officer of the county, or an administrator): all checked, nothing written on a problem (422);
/// - `POST /counties/:county/care/pair`: file `teachers` (and care rules): pairs the stored
///   register's children (结对帮扶) and stores the partners;
/// - `GET /counties/:county/care/schools/:school?year=`: the school's list (masked for who
///   may read the school but not see names);
/// - `GET /counties/:county/care/schools/:school/cards?year=`: the school's contact cards (联系卡),
///   printable;
/// - `GET /counties/:county/care/export?format=csv|xlsx&school=&year=`: the register as a file,
///   masked unless the account may see names;
/// - `GET /counties/:county/care/dropouts`: the dropout ledger;
/// - `POST /counties/:county/care/dropouts`: a case opened, followed up or closed.
struct CareRoutes {
    let services: WebServices

    func add(to router: Router<AppRequestContext>) {
        router.get("/counties/:county/care") { request, context in try await dashboard(request, context) }
        router.post("/counties/:county/care/import") { request, context in try await importFiles(request, context) }
        router.post("/counties/:county/care/pair") { request, context in try await pair(request, context) }
        router.get("/counties/:county/care/schools/:school") { request, context in try await school(request, context, cards: false) }
        router.get("/counties/:county/care/schools/:school/cards") { request, context in try await school(request, context, cards: true) }
        router.get("/counties/:county/care/export") { request, context in try await export(request, context) }
        router.get("/counties/:county/care/dropouts") { request, context in try await dropouts(request, context) }
        router.post("/counties/:county/care/dropouts") { request, context in try await followUp(request, context) }
    }

    private var access: CareRegisterAccess { CareRegisterAccess(store: services.store) }

    /// The viewer, when it may see the county's (or the school's) children at all.
    private func reader(_ context: AppRequestContext, county: String, school: String? = nil) throws -> Viewer {
        let viewer = try context.requireViewer()
        guard CareRegisterAccess.mayRead(county: county, school: school, viewer.account) else { throw WebError.forbidden }
        return viewer
    }

    private func names(_ chosen: UseCases.CountyYear) async throws -> [String: String] {
        Dictionary(try await services.store.schoolYears(county: chosen.code, year: chosen.year).map { ($0.schoolCode, $0.schoolName) },
                   uniquingKeysWith: { a, _ in a })
    }

    private func dashboardPage(_ chosen: UseCases.CountyYear, viewer: Viewer, language l: Language) async throws -> CarePage {
        let store = services.store
        let schools = try await store.schoolYears(county: chosen.code, year: chosen.year)
        let rates = CareRates(children: try await store.children(county: chosen.code, year: chosen.year), schools: schools,
                              cohorts: try await store.cohorts(county: chosen.code).filter { $0.year == chosen.year })
        return CarePage(county: chosen.county, year: chosen.year, csrf: viewer.session.csrfToken, language: l, rates: rates,
                        names: Dictionary(schools.map { ($0.schoolCode, $0.schoolName) }, uniquingKeysWith: { a, _ in a }),
                        mayEdit: viewer.account.may(.editCareData(county: chosen.code, school: nil)),
                        maySeeNames: viewer.account.may(.readChildren(county: chosen.code, school: nil)))
    }

    private func dashboard(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        let viewer = try reader(context, county: county)
        let chosen = try await services.countyYears.choose(county: county, year: try request.yearQuery())
        return render(try await dashboardPage(chosen, viewer: viewer, language: context.language), request: request, context: context, status: .ok)
    }

    private func importFiles(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.editCareData(county: county, school: nil))
        let viewer = try context.requireViewer()
        let l = context.language
        let upload = try await CareUpload.read(request, context: context, limit: services.configuration.maxUploadSize)
        let chosen = try await services.countyYears.choose(county: county, year: try upload.year ?? request.yearQuery())
        var page = try await dashboardPage(chosen, viewer: viewer, language: l)
        do {
            let files = try await services.heavy.run { try CareFiles.read(upload, language: l) }
            guard !files.counties.isEmpty else { throw WebError.badRequest(l.pick("请选择要导入的文件。", "Choose a file to import.")) }
            if let other = files.counties.first(where: { $0 != county }) {
                throw WebError.badRequest(l.pick("文件含县区\(other)的行；本页只导入县区\(county)的数据。", "The files hold rows of county \(other); this page imports county \(county)'s only."))
            }
            let receipt = try await ImportCareData(store: services.store).run(files, by: viewer.account, at: services.clock(), language: l)
            page = try await dashboardPage(chosen, viewer: viewer, language: l)
            page.notice = l.pick("已导入：儿童登记\(receipt.children)人（新增\(receipt.added)，修改\(receipt.changed)，移除\(receipt.removed)）；控辍保学个案\(receipt.cases)件；巩固率\(receipt.cohorts)校。",
                                 "Imported: \(receipt.children) children (\(receipt.added) added, \(receipt.changed) changed, \(receipt.removed) removed); \(receipt.cases) dropout cases; cohorts of \(receipt.cohorts) schools.")
            return render(page, request: request, context: context, status: .ok)
        } catch let error as DataFileError {
            page.refusal = (l.pick("文件未通过检查，未导入任何数据：", "The files were refused; nothing was imported:"), error.errors)
        } catch let error as ImportFileError {
            page.refusal = (l.pick("文件未通过检查，未导入任何数据：", "The files were refused; nothing was imported:"), error.problems)
        } catch let error as WebError where error.kind == .badRequest {
            page.refusal = (error.message ?? ErrorMiddleware.defaultMessage(error.kind, language: l), [])
            return render(page, request: request, context: context, status: .badRequest)
        }
        return render(page, request: request, context: context, status: .unprocessableContent)
    }

    private func pair(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.editCareData(county: county, school: nil))
        let viewer = try context.requireViewer()
        let l = context.language
        let upload = try await CareUpload.read(request, context: context, limit: services.configuration.maxUploadSize)
        let chosen = try await services.countyYears.choose(county: county, year: try upload.year ?? request.yearQuery())
        var page = try await dashboardPage(chosen, viewer: viewer, language: l)
        do {
            guard let file = upload.files["teachers"] else { throw WebError.badRequest(l.pick("请选择教师信息文件（teachers）。", "Choose a teachers file.")) }
            var rules = CareRules.defaults
            if let typed = upload.rules {
                switch CareRules.input.read(typed, language: l) {
                case let .success((read, warnings)): rules = read; page.warnings = warnings
                case let .failure(error): throw DataFileError(errors: error.problems)
                }
            }
            let year = chosen.year
            let teachers = try await services.heavy.run {
                try TeachersReader(referenceYear: year, language: l).read(file.bytes, file: file.name, sheet: file.sheet).teachers
            }
            let register = try await services.store.children(county: county, year: year)
            let outcome = RegisterPairing(rules: rules).pair(register, teachers: teachers)
            _ = try await services.store.replaceChildren(county: county, year: year, children: outcome.children, by: viewer.account, at: services.clock())
            let needing = Set(outcome.needing)
            let view = try await access.shown(outcome.children.filter { needing.contains($0.id) }, county: county, year: year, school: nil,
                                              by: viewer.account, purpose: request.uri.path, at: services.clock())
            var shown = outcome
            shown.children = view.children
            if !view.unmasked {
                shown.unpaired = shown.unpaired.map(Child.maskedID)
                shown.needing = shown.needing.map(Child.maskedID)
            }
            page = try await dashboardPage(chosen, viewer: viewer, language: l)
            page.pairing = CareReport(language: l).pairing(shown, limit: rules.pairLimit, title: l.pick("结对帮扶名单", "Care pairing"), schoolNames: page.names)
            return render(page, request: request, context: context, status: .ok)
        } catch let error as DataFileError {
            page.refusal = (l.pick("文件未通过检查，未作结对：", "The file was refused; nothing was paired:"), error.errors)
        } catch let error as WebError where error.kind == .badRequest {
            page.refusal = (error.message ?? ErrorMiddleware.defaultMessage(error.kind, language: l), [])
            return render(page, request: request, context: context, status: .badRequest)
        }
        return render(page, request: request, context: context, status: .unprocessableContent)
    }

    private func school(_ request: Request, _ context: AppRequestContext, cards: Bool) async throws -> Response {
        let county = try context.countyParameter(), code = try context.textParameter("school")
        let viewer = try reader(context, county: county, school: code)
        let l = context.language
        let chosen = try await services.countyYears.choose(county: county, year: try request.yearQuery())
        let names = try await names(chosen)
        guard names[code] != nil else { throw WebError.notFound }
        let view = try await access.children(county: county, year: chosen.year, school: code, by: viewer.account, purpose: request.uri.path, at: services.clock())
        let builder = CareReport(language: l)
        if cards {
            let rules = CareRules.defaults
            let report = builder.contactCards(view.children.filter(rules.needsPartner), title: l.pick("\(names[code]!) 联系卡", "\(names[code]!): contact cards"),
                                              unmasked: view.unmasked, schoolNames: names)
            let document = PrintableHTMLRenderer(language: l).document([report], title: report.title, subtitle: nil)
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(string: document)))
        }
        let page = CareSchoolPage(county: chosen.county, year: chosen.year, school: code, name: names[code]!, language: l,
                                  report: builder.register(view.children, title: l.pick("\(names[code]!) 关爱帮扶对象", "\(names[code]!): children who need care"),
                                                           unmasked: view.unmasked, schoolNames: names))
        var response = render(page, request: request, context: context, status: .ok)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    private func export(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        let school = request.textQuery("school")
        let viewer = try reader(context, county: county, school: school)
        let l = context.language
        let format = request.textQuery("format") ?? "xlsx"
        guard ["xlsx", "csv"].contains(format) else { throw WebError.badRequest("format") }
        let chosen = try await services.countyYears.choose(county: county, year: try request.yearQuery())
        let names = try await names(chosen)
        let file = "junheng-children-\(county)-\(chosen.year)\(school.map { "-" + $0 } ?? "").\(format)"
        let view = try await access.children(county: county, year: chosen.year, school: school, by: viewer.account, purpose: "export \(file)", at: services.clock())
        let builder = CareReport(language: l)
        let table = builder.registerTable(view.children, unmasked: view.unmasked, schoolNames: names)
        let title = l.pick("儿童登记 \(county) \(chosen.year)", "Children register \(county) \(chosen.year)")
        var response = try await Download.report(format: format, table: table, summaryName: builder.summaryName, ascii: file, name: file,
                                                 language: l, heavy: services.heavy) { [children = view.children, unmasked = view.unmasked] in
            builder.register(children, title: title, unmasked: unmasked, schoolNames: names)
        }
        response.headers[.cacheControl] = "no-store"
        return response
    }

    private func ledgerPage(_ chosen: UseCases.CountyYear, viewer: Viewer, path: String, language l: Language) async throws -> DropoutPage {
        let school = viewer.account.role == .careOfficer ? viewer.account.schoolCode : nil
        let (cases, unmasked) = try await access.dropoutCases(county: chosen.code, school: school, by: viewer.account, purpose: path, at: services.clock())
        let report = CareReport(language: l).dropouts(cases, title: l.pick("控辍保学台账", "Dropout ledger"), schoolNames: try await names(chosen))
        return DropoutPage(county: chosen.county, year: chosen.year, csrf: viewer.session.csrfToken, language: l, report: report,
                           mayFollowUp: unmasked && viewer.account.may(.editCareData(county: chosen.code, school: school)))
    }

    private func dropouts(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        let viewer = try reader(context, county: county)
        let chosen = try await services.countyYears.choose(county: county, year: try request.yearQuery())
        var response = render(try await ledgerPage(chosen, viewer: viewer, path: request.uri.path, language: context.language), request: request,
                              context: context, status: .ok)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// A case opened (no stored case of the child from that date), followed up (a visit added),
    /// or its status changed and closed.
    private func followUp(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        let viewer = try context.requireViewer()
        // Who may follow up no case of the county is refused before the form is read; the
        // case's own school is checked once the case is known.
        guard viewer.account.may(.editCareData(county: county, school: viewer.account.schoolCode)) else { throw WebError.forbidden }
        let l = context.language
        let upload = try await CareUpload.read(request, context: context, limit: 1 << 20)
        let chosen = try await services.countyYears.choose(county: county, year: try upload.year ?? request.yearQuery())
        guard let child = upload.fields["child_id"], let opened = try upload.date("opened", language: l) else {
            throw WebError.badRequest(l.pick("请填写学籍号和发现日期。", "Give the child id and the date the case was opened."))
        }
        let stored = try await services.store.dropoutCases(county: county).first { $0.childID == child && $0.opened == opened }
        let register = try await services.store.children(county: county, year: chosen.year).first { $0.id == child }
        let school = stored?.schoolCode ?? register?.schoolCode
        try context.require(.editCareData(county: county, school: school))
        guard stored != nil || register != nil else {
            throw WebError.badRequest(l.pick("儿童登记中没有学籍号\(child)。", "The register has no child \(child)."))
        }
        var c = stored ?? DropoutCase(childID: child, countyCode: county, schoolCode: school, status: .suspected, opened: opened)
        if let text = upload.fields["status"] {
            guard let status = DropoutStatus(rawValue: text) ?? DropoutStatus.allCases.first(where: { $0.chineseName == text }) else {
                throw WebError.badRequest("status")
            }
            c.status = status
        }
        if let reason = upload.fields["reason"] { c.reason = reason }
        c.closed = c.status.isClosed ? try upload.date("closed", language: l) ?? upload.date("visit_date", language: l) ?? UnitCostChange.beijingDay(of: services.clock()) : nil
        if let date = try upload.date("visit_date", language: l) {
            guard let visitor = upload.fields["visitor"], let outcome = upload.fields["outcome"] else {
                throw WebError.badRequest(l.pick("走访记录须同时填写走访人和走访结果。", "A visit needs the visitor and the outcome."))
            }
            c.visits.append(FollowUp(date: date, visitor: visitor, outcome: outcome))
        }
        do {
            _ = try await services.store.saveDropoutCases(county: county, cases: [c], by: viewer.account, at: services.clock())
        } catch let error as StoreError where error.isInvalid {
            throw WebError.badRequest(l.pick("个案日期不一致（结案日期或走访日期早于发现日期）。", "The case's dates do not fit (closed or visited before it was opened)."))
        }
        return Response(status: .seeOther, headers: [.location: "/counties/\(county)/care/dropouts?year=\(chosen.year)"])
    }

    private func render(_ page: some CarePageRendering, request: Request, context: AppRequestContext, status: HTTPResponse.Status) -> Response {
        services.pages.page(page.html, frame: PageFrame(page.heading, context: context, path: request.uri.path), status: status)
    }
}

/// A care page: its heading and body.
protocol CarePageRendering {
    var heading: String { get }
    var html: String { get }
}

/// The import's files read into the use case's input.
enum CareFiles {
    static func read(_ upload: CareUpload, language l: Language) throws -> ImportCareData.Files {
        var errors: [RowError] = []
        func read<F>(_ name: String, _ body: (UploadedFile) throws(DataFileError) -> F) -> F? {
            guard let file = upload.files[name] else { return nil }
            do { return try body(file) } catch { errors += error.errors; return nil }
        }
        let files = ImportCareData.Files(
            children: read("children") { f throws(DataFileError) in try ChildrenReader(language: l).read(f.bytes, file: f.name, sheet: f.sheet) },
            dropouts: read("dropouts") { f throws(DataFileError) in try DropoutsReader(language: l).read(f.bytes, file: f.name, sheet: f.sheet) },
            cohorts: read("cohorts") { f throws(DataFileError) in try CohortsReader(language: l).read(f.bytes, file: f.name, sheet: f.sheet) })
        if !errors.isEmpty { throw DataFileError(errors: errors) }
        return files
    }
}
