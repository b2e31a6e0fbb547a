import Domain
import Foundation

/// How the web application behaves. The command line fills it from flags, then the
/// environment, then these defaults.
public struct WebConfiguration: Sendable {
    /// The evaluation method the pages apply (default 优质均衡 2017).
    public var standard: Standard
    /// bcrypt's cost: 12 in production (~0.3 s a hash, off the event loop); tests use 4.
    public var bcryptCost: UInt8
    /// How long a session lasts without signing in again.
    public var sessionLifetime: TimeInterval
    /// Whether cookies carry `Secure` — set when the server sits behind TLS.
    public var secureCookies: Bool
    /// The largest upload accepted (imports), in bytes.
    public var maxUploadSize: Int
    /// Failed sign-ins allowed per account, and per address, within ``throttleWindow``.
    public var failuresPerAccount: Int, failuresPerAddress: Int
    /// The window of the sign-in throttle.
    public var throttleWindow: TimeInterval
    /// How long a client has to send a request's head (request line and headers), counted
    /// from its first byte — or from the connection's opening, for its first request. A
    /// client that trickles its headers (slow loris) is disconnected then.
    public var headerTimeout: TimeInterval
    /// How long a client has to send a request's whole body once the head has arrived (a
    /// 64 MiB upload at 2 MB/s fits in the default).
    public var bodyTimeout: TimeInterval
    /// How long a kept-alive connection may wait for its next request.
    public var idleTimeout: TimeInterval
    /// CPU-heavy jobs (imports, plans, rotation, ranking, workbooks) that may run at once
    /// (``HeavyWork``); default one fewer than the cores, so a core stays for pages and sign-ins.
    public var heavyConcurrency: Int
    /// CPU-heavy jobs that may wait for a turn; beyond them a request is refused with 503.
    public var heavyQueue: Int
    /// The basemap under the zone maps: a tile address template with `{z}`, `{x}` and `{y}`
    /// (Web Mercator tiles, e.g. 天地图's with the bureau's key, or
    /// `https://tile.openstreetmap.org/{z}/{x}/{y}.png`); `nil` (the default) draws the maps
    /// without one. Only http and https addresses are used; the pages that draw a map allow
    /// images from the template's origin and no other.
    public var mapTiles: String?

    public init(
        standard: Standard, bcryptCost: UInt8 = 12, sessionLifetime: TimeInterval = 8 * 3600,
        secureCookies: Bool = false, maxUploadSize: Int = 64 << 20,
        failuresPerAccount: Int = 5, failuresPerAddress: Int = 20, throttleWindow: TimeInterval = 15 * 60,
        headerTimeout: TimeInterval = 10, bodyTimeout: TimeInterval = 60, idleTimeout: TimeInterval = 60,
        heavyConcurrency: Int = max(1, ProcessInfo.processInfo.activeProcessorCount - 1), heavyQueue: Int = 4,
        mapTiles: String? = nil
    ) {
        self.standard = standard
        self.bcryptCost = bcryptCost
        self.sessionLifetime = sessionLifetime
        self.secureCookies = secureCookies
        self.maxUploadSize = maxUploadSize
        self.failuresPerAccount = failuresPerAccount
        self.failuresPerAddress = failuresPerAddress
        self.throttleWindow = throttleWindow
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
        self.heavyConcurrency = heavyConcurrency
        self.heavyQueue = heavyQueue
        self.mapTiles = mapTiles
    }
}
