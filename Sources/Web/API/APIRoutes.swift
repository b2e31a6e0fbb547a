import Hummingbird
import HTTPTypes

/// One route of the JSON API: method, path and handler.
struct APIEndpoint: Sendable {
    /// The HTTP method.
    var method: HTTPRequest.Method
    /// The path in OpenAPI's form (`/api/counties/{county}`), which Hummingbird reads as
    /// captures too — so the documented path and the registered path are the same string.
    var path: String
    var handler: @Sendable (Request, AppRequestContext) async throws -> Response

    init(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Response) {
        self.method = method
        self.path = path
        self.handler = handler
    }
}

/// The JSON API under `/api` (sign-in and sign-out are ``LoginRoutes``). Every route is in
/// ``endpoints`` — the one list that is registered and that the OpenAPI test compares with
/// `Resources/openapi.json`.
///
/// Anonymous requests get 401, refused ones 403, failures the stable shape
/// `{"error": {"code", "message", "details"}}` (``ErrorMiddleware``); unsafe methods carry
/// the session's `X-CSRF-Token` (``CSRFMiddleware``).
struct APIRoutes {
    let services: WebServices

    /// Every API route this type registers.
    var endpoints: [APIEndpoint] {
        let account = AccountAPI()
        let counties = CountiesAPI(services: services)
        let schools = SchoolsAPI(services: services)
        let imports = ImportAPI(services: services)
        let audit = AuditAPI(services: services)
        let province = ProvinceAPI(services: services)
        let document = OpenAPIDocument()
        return [
            APIEndpoint(.get, "/api/me", account.me),
            APIEndpoint(.get, "/api/counties", counties.list),
            APIEndpoint(.get, "/api/counties/{county}/years/{year}/evaluation", counties.evaluation),
            APIEndpoint(.get, "/api/counties/{county}/plan", PlanAPI(services: services).plan),
            APIEndpoint(.post, "/api/counties/{county}/rotate", RotateAPI(services: services).plan),
            APIEndpoint(.post, "/api/counties/{county}/years/{year}/lock", counties.lock),
            APIEndpoint(.delete, "/api/counties/{county}/years/{year}/lock", counties.unlock),
            APIEndpoint(.get, "/api/counties/{county}/years/{year}/schools", schools.list),
            APIEndpoint(.get, "/api/counties/{county}/schools/{school}/years/{year}", schools.show),
            APIEndpoint(.patch, "/api/counties/{county}/schools/{school}/years/{year}", schools.update),
            APIEndpoint(.get, "/api/counties/{county}/schools/{school}/history", schools.history),
            APIEndpoint(.post, "/api/import", imports.upload),
            APIEndpoint(.get, "/api/audit", audit.list),
            APIEndpoint(.get, "/api/province", province.ranking),
            APIEndpoint(.get, "/api/openapi.json", document.serve),
        ]
    }

    func add(to router: Router<AppRequestContext>) {
        for endpoint in endpoints {
            router.on(RouterPath(endpoint.path), method: endpoint.method, use: endpoint.handler)
        }
    }
}
