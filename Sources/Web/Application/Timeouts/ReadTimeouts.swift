import NIOCore

/// The three deadlines a client must meet while the server reads from it (see
/// ``WebConfiguration/headerTimeout``, ``WebConfiguration/bodyTimeout`` and
/// ``WebConfiguration/idleTimeout``). A connection that misses one is closed: without
/// them, 400 connections trickling bytes were held open for 30 s and more.
struct ReadTimeouts: Sendable, Equatable {
    /// From a request's first byte (or the connection's opening) to the end of its head.
    var header: TimeAmount
    /// From the end of the head to the end of the body.
    var body: TimeAmount
    /// From the end of a response to the first byte of the next request.
    var idle: TimeAmount

    init(header: TimeAmount, body: TimeAmount, idle: TimeAmount) {
        self.header = header
        self.body = body
        self.idle = idle
    }

    /// The configured deadlines.
    init(_ configuration: WebConfiguration) {
        self.init(header: Self.amount(configuration.headerTimeout), body: Self.amount(configuration.bodyTimeout),
                  idle: Self.amount(configuration.idleTimeout))
    }

    private static func amount(_ seconds: Double) -> TimeAmount {
        .nanoseconds(Int64((max(0.001, seconds) * 1e9).rounded()))
    }
}
