import Domain
import Foundation
import Storage
import UseCases

/// What every route needs, made once when the application is built and shared (all
/// `Sendable`): the store, the configuration, the page renderer, the password hasher, the
/// sign-in throttle, the pool for CPU-heavy work and the clock (injected so tests control time).
public struct WebServices: Sendable {
    public let store: any Store
    public let configuration: WebConfiguration
    let pages: PageRenderer
    let passwords: PasswordHasher
    /// What an unknown account's password is checked against (see ``PasswordHasher/makeDecoy()``).
    let decoyHash: String
    let throttle: LoginThrottle
    /// The bounded pool for CPU-heavy request work, apart from password hashing.
    let heavy: HeavyWork
    let clock: @Sendable () -> Date
    /// The county overviews' bodies, kept until their county's data revision moves. 64 of
    /// some 130 kB each (a few counties × years × languages × table views) bound it to ~9 MB.
    let countyPages = RevisionCache<CountyPageBody.Key, CountyPageBody>(capacity: 64)

    /// - Parameters:
    ///   - store: the data, which also keeps the failed sign-ins the throttle counts (shared
    ///     with every server on the same database).
    ///   - clock: the time now; the system clock by default.
    public init(
        store: any Store & SignInFailureStore, configuration: WebConfiguration,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        self.store = store
        self.configuration = configuration
        self.pages = PageRenderer()
        self.passwords = PasswordHasher(cost: configuration.bcryptCost)
        self.decoyHash = passwords.makeDecoy()
        self.throttle = LoginThrottle(
            store: store, perAccount: configuration.failuresPerAccount, perAddress: configuration.failuresPerAddress,
            window: configuration.throttleWindow
        )
        self.heavy = HeavyWork(concurrency: configuration.heavyConcurrency, queue: configuration.heavyQueue)
        self.clock = clock
    }

    /// The evaluator of the configured standard.
    var evaluator: Evaluator { Evaluator(standard: configuration.standard) }

    /// Chooses and loads county-years from the store.
    var countyYears: LoadCountyYear { LoadCountyYear(store: store) }

    /// Evaluates with the configured standard.
    var evaluation: EvaluateCounties { EvaluateCounties(standard: configuration.standard) }

    /// Ranks the counties a viewer may read; a province's evaluations run on the heavy pool.
    var province: RankProvince { RankProvince(standard: configuration.standard, store: store, work: heavy) }

    /// Authorises and writes imports.
    var importing: ImportData { ImportData(store: store) }

    /// Reads import files with the configured standard (a facts file's items), on the heavy pool.
    var importFiles: ImportFiles { ImportFiles(standard: configuration.standard, work: heavy) }

    /// Plans investment with the configured standard, at each county's own unit costs over
    /// the defaults (``PlanInvestment/plan(_:budgets:store:work:)`` reads them).
    var investment: PlanInvestment { PlanInvestment(standard: configuration.standard, costs: .defaults) }
}
