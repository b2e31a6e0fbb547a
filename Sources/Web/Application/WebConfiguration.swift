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

    public init(
        standard: Standard, bcryptCost: UInt8 = 12, sessionLifetime: TimeInterval = 8 * 3600,
        secureCookies: Bool = false, maxUploadSize: Int = 64 << 20,
        failuresPerAccount: Int = 5, failuresPerAddress: Int = 20, throttleWindow: TimeInterval = 15 * 60
    ) {
        self.standard = standard
        self.bcryptCost = bcryptCost
        self.sessionLifetime = sessionLifetime
        self.secureCookies = secureCookies
        self.maxUploadSize = maxUploadSize
        self.failuresPerAccount = failuresPerAccount
        self.failuresPerAddress = failuresPerAddress
        self.throttleWindow = throttleWindow
    }
}
