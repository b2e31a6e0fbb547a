import Domain
import Hummingbird
import NIOCore
import Storage

/// The request context of every route: who is signed in (set by ``SessionMiddleware``), in
/// which language the answer is wanted (``LanguageMiddleware``), and the client's address
/// for the sign-in throttle.
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in account and its session; `nil` when anonymous.
    var viewer: Viewer?
    /// The interface language: Chinese unless asked otherwise.
    var language: Language = .chinese
    /// The request's query items other than `lang`, kept so the language switch stays on the same view.
    var queryWithoutLanguage: String = ""
    /// The peer's address, when the transport knows it.
    public let remoteAddress: SocketAddress?
    /// Uploads (imports) may be large.
    public var maxUploadSize: Int { 64 << 20 }

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The address text used by the throttle.
    var clientAddress: String {
        remoteAddress?.ipAddress ?? "unknown"
    }

    /// The signed-in viewer, or ``WebError/unauthenticated``.
    func requireViewer() throws(WebError) -> Viewer {
        guard let viewer else { throw .unauthenticated }
        return viewer
    }

    /// The signed-in account if it may do `permission`; ``WebError/unauthenticated`` or
    /// ``WebError/forbidden`` otherwise.
    @discardableResult
    func require(_ permission: Permission) throws(WebError) -> Account {
        let viewer = try requireViewer()
        guard viewer.account.may(permission) else { throw .forbidden }
        return viewer.account
    }
}

/// A signed-in account with the session it came with.
struct Viewer: Sendable {
    var account: Account
    var session: SessionRecord
}
