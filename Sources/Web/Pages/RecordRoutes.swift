import Hummingbird

/// The import page, the audit page and the JSON API, registered together by one line of
/// ``buildRouter(services:)``.
struct RecordRoutes {
    let services: WebServices

    func add(to router: Router<AppRequestContext>) {
        ImportRoutes(services: services).add(to: router)
        AuditRoutes(services: services).add(to: router)
        APIRoutes(services: services).add(to: router)
    }
}
