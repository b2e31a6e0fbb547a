#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A blocking TCP connection that sends exactly the bytes a test gives it, when it gives
/// them — a slow or idle client such as a browser never is. Run it on a thread of its own:
/// it sleeps and blocks.
final class RawConnection {
    /// What ``wait(upTo:)`` saw.
    enum Event: Equatable {
        case data([UInt8])
        case closed
        case quiet
    }

    private let fd: Int32

    /// Connects to `localhost:port` (IPv4 or IPv6, whichever the server listens on).
    init(port: Int) throws {
        var hints = addrinfo()
        #if os(Linux)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo("localhost", String(port), &hints, &list) == 0, let first = list else { throw RawConnectionError("no address") }
        defer { freeaddrinfo(first) }
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let info = candidate {
            let candidateFD = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if candidateFD >= 0, connect(candidateFD, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 {
                fd = candidateFD
                return
            }
            if candidateFD >= 0 { close(candidateFD) }
            candidate = info.pointee.ai_next
        }
        throw RawConnectionError("cannot connect to localhost:\(port)")
    }

    deinit { close(fd) }

    /// Sends `bytes`; `false` when the server has closed the connection.
    func write(_ bytes: [UInt8]) -> Bool {
        #if os(Linux)
        let flags = Int32(MSG_NOSIGNAL)  // a closed peer is an answer here, not a fatal SIGPIPE
        #else
        let flags: Int32 = 0
        #endif
        return bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, flags) } == bytes.count
    }

    func write(_ text: String) -> Bool { write(Array(text.utf8)) }

    /// Waits up to `seconds` for bytes or the server's close.
    func wait(upTo seconds: Double) -> Event {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, Int32(seconds * 1000)) > 0 else { return .quiet }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        return count > 0 ? .data(Array(buffer[..<count])) : .closed
    }

    /// Reads until the server closes or `seconds` pass; the bytes read and, if it closed,
    /// after how long.
    func readUntilClosed(upTo seconds: Double) -> (bytes: [UInt8], closedAfter: Double?) {
        let start = Date()
        var bytes: [UInt8] = []
        while Date().timeIntervalSince(start) < seconds {
            switch wait(upTo: seconds - Date().timeIntervalSince(start)) {
            case let .data(more): bytes += more
            case .closed: return (bytes, Date().timeIntervalSince(start))
            case .quiet: break
            }
        }
        return (bytes, nil)
    }
}

struct RawConnectionError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
