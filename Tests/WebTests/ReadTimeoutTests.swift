import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Web

/// Issue 13: a client that trickles its headers or its body, or keeps a connection idle,
/// is disconnected after the configured deadline. Real sockets against a server on a free
/// port; the blocking socket work runs on a thread of its own.
@Suite("Read timeouts")
struct ReadTimeoutTests {
    /// Runs `client` (blocking) against a live server with `configure`d deadlines.
    static func live<T: Sendable>(
        _ configure: (inout WebConfiguration) -> Void, client: @escaping @Sendable (Int) throws -> T
    ) async throws -> T {
        let fixture = try await WebFixture(configure: configure)
        let app = buildApplication(services: fixture.services, host: "localhost", port: 0)
        return try await app.test(.live) { testClient in
            let port = try #require(testClient.port)
            return try await Self.onOwnThread { try client(port) }
        }
    }

    /// Runs blocking `work` on a new thread — neither on Swift's cooperative threads nor on
    /// NIO's shared pool, where it would hold up the server's password hashing.
    static func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    /// Sends `bytes` one at a time every `interval` seconds, stopping when the server closes;
    /// then waits up to `grace` seconds. When it closed (seconds from the first byte), and
    /// whether anything was answered.
    static func trickle(_ connection: RawConnection, _ bytes: [UInt8], every interval: Double, grace: Double) -> (closedAfter: Double?, answered: Bool) {
        let start = Date()
        var answered = false
        for byte in bytes {
            guard connection.write([byte]) else { return (Date().timeIntervalSince(start), answered) }
            switch connection.wait(upTo: interval) {
            case .closed: return (Date().timeIntervalSince(start), answered)
            case .data: answered = true
            case .quiet: break
            }
        }
        let sent = Date().timeIntervalSince(start)
        let rest = connection.readUntilClosed(upTo: grace)
        return (rest.closedAfter.map { sent + $0 }, answered || !rest.bytes.isEmpty)
    }

    @Test func aSlowLorisIsDisconnectedAfterTheHeaderTimeout() async throws {
        let (closedAfter, answered) = try await Self.live({ $0.headerTimeout = 1; $0.bodyTimeout = 30; $0.idleTimeout = 30 }) { port in
            let connection = try RawConnection(port: port)
            let head = "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + String(repeating: "a", count: 40) + "\r\n"
            return Self.trickle(connection, Array(head.utf8), every: 0.25, grace: 3)
        }
        let seconds = try #require(closedAfter, "the connection was still open after the whole head had trickled in")
        #expect((0.8...2.5).contains(seconds), "closed after \(seconds) s")
        #expect(!answered)
    }

    @Test func aSlowBodyIsDisconnectedAfterTheBodyTimeout() async throws {
        let closedAfter = try await Self.live({ $0.headerTimeout = 30; $0.bodyTimeout = 1; $0.idleTimeout = 30 }) { port in
            let connection = try RawConnection(port: port)
            _ = connection.write("POST /api/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n")
            return Self.trickle(connection, Array(repeating: UInt8(ascii: " "), count: 40), every: 0.25, grace: 3).closedAfter
        }
        let seconds = try #require(closedAfter, "the connection was still open after the body had trickled for 10 s")
        #expect((0.8...2.5).contains(seconds), "closed after \(seconds) s")
    }

    @Test func anIdleKeptAliveConnectionIsClosedAfterTheIdleTimeout() async throws {
        let (answers, closedAfter) = try await Self.live({ $0.headerTimeout = 30; $0.bodyTimeout = 30; $0.idleTimeout = 1 }) { port in
            let connection = try RawConnection(port: port)
            var answers = 0
            // Two requests on one connection: kept alive between them (0.3 s < 1 s).
            for pause in [0.0, 0.3] {
                Thread.sleep(forTimeInterval: pause)
                guard connection.write("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n"),
                      case let .data(bytes) = connection.wait(upTo: 5),
                      String(decoding: bytes, as: UTF8.self).hasPrefix("HTTP/1.1 200") else { break }
                answers += 1
            }
            return (answers, connection.readUntilClosed(upTo: 4).closedAfter)
        }
        #expect(answers == 2)
        let seconds = try #require(closedAfter, "an idle connection was still open after 4 s")
        #expect((0.8...2.5).contains(seconds), "closed after \(seconds) s")
    }

    @Test func aSlowButTimelyClientIsServed() async throws {
        let answer = try await Self.live({ $0.headerTimeout = 2; $0.bodyTimeout = 2; $0.idleTimeout = 2 }) { port in
            let connection = try RawConnection(port: port)
            let body = #"{"name":"admin","password":"pw-admin"}"#
            let request = "POST /api/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body
            // In pieces, 0.3 s apart: slower than a browser, well within each deadline.
            let bytes = Array(request.utf8), pieces = stride(from: 0, to: bytes.count, by: 40).map { Array(bytes[$0..<min($0 + 40, bytes.count)]) }
            for piece in pieces {
                _ = connection.write(piece)
                Thread.sleep(forTimeInterval: 0.3)
            }
            guard case let .data(answer) = connection.wait(upTo: 5) else { return "" }
            return String(decoding: answer, as: UTF8.self)
        }
        #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer.prefix(200))")
    }

    @Test func theDefaultsAreTenSixtyAndSixtySeconds() {
        let configuration = WebConfiguration(standard: WebFixture.standard)
        #expect(ReadTimeouts(configuration) == ReadTimeouts(header: .seconds(10), body: .seconds(60), idle: .seconds(60)))
    }
}
