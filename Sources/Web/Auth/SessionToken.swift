import Crypto
import Foundation

/// Random tokens for session cookies and CSRF: 32 bytes from the system's CSPRNG, hex
/// encoded (cookie-safe). The store keeps only a session token's SHA-256.
enum SessionToken {
    /// A new random token.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in hex(UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }

    /// The hex SHA-256 of `token`: what the store keys sessions by.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map(hex).joined()
    }

    /// Compares two tokens in time independent of where they differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
}
