import Hummingbird

/// The pages of planners, supervisors and clerks: the county overview with its lock, the
/// school page with its edit form, and the province ranking — registered together.
struct DashboardRoutes {
    let services: WebServices

    func add(to router: Router<AppRequestContext>) {
        CountyRoutes(services: services).add(to: router)
        SchoolRoutes(services: services).add(to: router)
        ProvinceRoutes(services: services).add(to: router)
    }
}
