import HummingbirdBcrypt
import NIOPosix

/// bcrypt, run on NIO's thread pool: a hash at cost 12 takes about 0.3 s, which must not
/// stall the event loop that serves every other request.
public struct PasswordHasher: Sendable {
    let cost: UInt8

    /// A hasher at `cost` (12 in production; tests use 4).
    public init(cost: UInt8) {
        self.cost = cost
    }

    /// A hash of a random password, to compare against when an account does not exist, so
    /// that an unknown name takes as long to refuse as a wrong password (no account
    /// enumeration by timing). Made once, when the server starts.
    func makeDecoy() -> String {
        Bcrypt.hash(SessionToken.make(), cost: cost)
    }

    /// The bcrypt hash of `password`, computed off the event loop.
    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

}
