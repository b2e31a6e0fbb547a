import Hummingbird
import Logging

/// Builds the web application over a store. The command line runs it; tests drive it in
/// process through HummingbirdTesting. Connections are held to the configured read
/// deadlines (``WebConfiguration/headerTimeout``, ``WebConfiguration/bodyTimeout``,
/// ``WebConfiguration/idleTimeout``).
///
/// ```swift
/// let services = try WebServices(store: store, configuration: WebConfiguration(standard: .quality2017))
/// let app = buildApplication(services: services, host: "127.0.0.1", port: 8080)
/// try await app.runService()
/// ```
public func buildApplication(services: WebServices, host: String = "127.0.0.1", port: Int = 8080, logger: Logger? = nil)
    -> some ApplicationProtocol
{
    Application(
        router: buildRouter(services: services),
        server: .http1(timeouts: ReadTimeouts(services.configuration)),
        configuration: .init(address: .hostname(host, port: port), serverName: "Junheng"),
        logger: logger ?? Logger(label: "junheng.web")
    )
}

/// Every route, behind the middleware chain: language → session → errors → upload limit → CSRF.
public func buildRouter(services: WebServices) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.get("/health") { _, _ in Response(status: .ok, headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(string: "ok"))) }
    router.addMiddleware {
        LanguageMiddleware(secureCookies: services.configuration.secureCookies)
        SessionMiddleware(services: services)
        // Inside the session, so that an error page still shows who is signed in.
        ErrorMiddleware(services: services)
        // Before the CSRF check, which may read a form body.
        UploadLimitMiddleware(limit: services.configuration.maxUploadSize)
        CSRFMiddleware()
    }
    // Sign-in; the county overview, school and province pages; import, audit and the JSON
    // API; the plans.
    LoginRoutes(services: services).add(to: router)
    CountyRoutes(services: services).add(to: router)
    SchoolRoutes(services: services).add(to: router)
    ReviewRoutes(services: services).add(to: router)
    ItemsRoutes(services: services).add(to: router)
    LedgerRoutes(services: services).add(to: router)
    AccountsRoutes(services: services).add(to: router)
    ClustersRoutes(services: services).add(to: router)
    ProvinceRoutes(services: services).add(to: router)
    ImportRoutes(services: services).add(to: router)
    AuditRoutes(services: services).add(to: router)
    APIRoutes(services: services).add(to: router)
    PlanRoutes(services: services).add(to: router)
    RotateRoutes(services: services).add(to: router)
    CostsRoutes(services: services).add(to: router)
    ZonesRoutes(services: services).add(to: router)
    ForecastRoutes(services: services).add(to: router)
    LayoutPlanRoutes(services: services).add(to: router)
    QuotaRoutes(services: services).add(to: router)
    CareRoutes(services: services).add(to: router)
    PublicationRoutes(services: services).add(to: router)
    PasswordRoutes(services: services).add(to: router)
    FundingRoutes(services: services).add(to: router)
    return router
}
