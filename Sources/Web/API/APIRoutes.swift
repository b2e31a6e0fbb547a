import Hummingbird
import HTTPTypes

/// One route of the JSON API: method, path, declared parameters and handler.
struct APIEndpoint: Sendable {
    /// The HTTP method.
    var method: HTTPRequest.Method
    /// The path in OpenAPI's form (`/api/counties/{county}`), which Hummingbird reads as
    /// captures too — so the documented path and the registered path are the same string.
    var path: String
    /// Every path and query parameter, checked before ``handler`` runs and written into the
    /// OpenAPI document from this same list.
    var parameters: [APIParameter]
    var handler: @Sendable (Request, AppRequestContext) async throws -> Response

    /// - Parameter parameters: the operation's own parameters; `lang` is added to each, since
    ///   every API answer speaks the request's language.
    init(
        _ method: HTTPRequest.Method, _ path: String, _ parameters: [APIParameter],
        _ handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Response
    ) {
        self.method = method
        self.path = path
        self.parameters = parameters + [APIParameters.lang]
        self.handler = handler
    }

    /// An operation without parameters of its own (it still takes `lang`).
    init(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Response) {
        self.init(method, path, [], handler)
    }

    /// The handler behind the parameter check.
    var validatedHandler: @Sendable (Request, AppRequestContext) async throws -> Response {
        let validator = APIParameterValidator(parameters: parameters), handler = handler
        return { request, context in
            try validator.validate(request, context: context)
            return try await handler(request, context)
        }
    }
}

/// The JSON API under `/api` (sign-in and sign-out are ``LoginRoutes``). Every route is in
/// ``endpoints`` — the one list that is registered, whose parameters are validated and
/// written into the served OpenAPI document, and that the OpenAPI test compares with
/// `Resources/openapi.json`.
///
/// Anonymous requests get 401, refused ones 403, parameters that break their declaration
/// 400, failures the stable shape `{"error": {"code", "message", "details"}}`
/// (``ErrorMiddleware``); unsafe methods carry the session's `X-CSRF-Token` (``CSRFMiddleware``).
struct APIRoutes {
    let services: WebServices

    /// Every API route this type registers, but the document's own (see ``add(to:)``).
    var endpoints: [APIEndpoint] {
        let account = AccountAPI()
        let counties = CountiesAPI(services: services)
        let schools = SchoolsAPI(services: services)
        let imports = ImportAPI(services: services)
        let audit = AuditAPI(services: services)
        let province = ProvinceAPI(services: services)
        let (county, year, school, yearQuery) = (APIParameters.county, APIParameters.year, APIParameters.school, APIParameters.yearQuery)
        return [
            APIEndpoint(.get, "/api/me", account.me),
            APIEndpoint(.get, "/api/counties", counties.list),
            APIEndpoint(.get, "/api/counties/{county}/years/{year}/evaluation", [county, year], counties.evaluation),
            APIEndpoint(.get, "/api/counties/{county}/plan", [county, yearQuery] + PlanAPI.parameters, PlanAPI(services: services).plan),
            APIEndpoint(.post, "/api/counties/{county}/rotate", [county, RotateAPI.year], RotateAPI(services: services).plan),
            APIEndpoint(.get, "/api/counties/{county}/zones", [county, yearQuery, ZonesAPI.stage], ZonesAPI(services: services).plan),
            APIEndpoint(.put, "/api/counties/{county}/zone-data", [county, ZonesAPI.year], ZonesAPI(services: services).replace),
            APIEndpoint(.post, "/api/counties/{county}/layout", [county, LayoutAPI.year], LayoutAPI(services: services).plan),
            APIEndpoint(.post, "/api/counties/{county}/quota", [county, QuotaAPI.year], QuotaAPI(services: services).allocate),
            APIEndpoint(.post, "/api/counties/{county}/funding", [county, FundingAPI.year], FundingAPI(services: services).compute),
            APIEndpoint(.get, "/api/counties/{county}/care", [county, yearQuery], CareAPI(services: services).summary),
            APIEndpoint(.post, "/api/counties/{county}/years/{year}/lock", [county, year, CountiesAPI.lockReason], counties.lock),
            APIEndpoint(.delete, "/api/counties/{county}/years/{year}/lock", [county, year], counties.unlock),
            APIEndpoint(.get, "/api/counties/{county}/years/{year}/schools", [county, year], schools.list),
            APIEndpoint(.get, "/api/counties/{county}/schools/{school}/years/{year}", [county, school, year], schools.show),
            APIEndpoint(.patch, "/api/counties/{county}/schools/{school}/years/{year}", [county, school, year], schools.update),
            APIEndpoint(.get, "/api/counties/{county}/schools/{school}/history", [county, school], schools.history),
            APIEndpoint(.post, "/api/import", ImportAPI.parameters, imports.upload),
            APIEndpoint(.get, "/api/audit", AuditAPI.parameters, audit.list),
            APIEndpoint(.get, "/api/province", [ProvinceAPI.year], province.ranking),
        ]
    }

    /// Registers ``endpoints``, each behind its parameter check, and the OpenAPI document
    /// made from them.
    func add(to router: Router<AppRequestContext>) {
        let endpoints = self.endpoints
        for endpoint in endpoints {
            router.on(RouterPath(endpoint.path), method: endpoint.method, use: endpoint.validatedHandler)
        }
        router.get(RouterPath(OpenAPIDocument.path), use: OpenAPIDocument(endpoints: endpoints).serve)
    }
}
