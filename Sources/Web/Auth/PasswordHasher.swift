import HummingbirdBcrypt
import NIOPosix

/// bcrypt, run on NIO's thread pool: a hash at cost 12 takes about 0.3 s, which must not
/// stall the event loop that serves every other request.
struct PasswordHasher: Sendable {
    let cost: UInt8
    /// A hash to compare against when the account does not exist, so that an unknown name
    /// takes as long to refuse as a wrong password (no account enumeration by timing).
    let decoy: String

    init(cost: UInt8) {
        self.cost = cost
        decoy = Bcrypt.hash(SessionToken.make(), cost: cost)
    }

    func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

}
