import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1 channel with ``ReadTimeouts``: each connection gets a
/// ``ConnectionReadClock`` fed by a handler ahead of the HTTP decoder (bytes) and one after
/// it (request and response parts). Hummingbird's own `idleTimeout` cannot do this: it
/// resets on every decoded part, so it cannot tell a trickled head or body from progress.
struct TimedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value
    let responder: HTTPChannelHandler.Responder
    let timeouts: ReadTimeouts

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        // Called on the channel's event loop, which the clock and its handlers stay on.
        let clock = ConnectionReadClock(timeouts: timeouts, channel: channel, logger: logger)
        do {
            try channel.pipeline.syncOperations.addHandler(ByteArrivalHandler(clock: clock), position: .first)
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        let bound = NIOLoopBound(clock, eventLoop: channel.eventLoop)
        let http1 = HTTP1Channel(
            responder: responder,
            configuration: .init(additionalChannelHandlers: [RequestPhaseHandler(clock: bound.value)])
        )
        return http1.setup(channel: channel, logger: logger)
    }

    func handle(value: Value, logger: Logger) async {
        await HTTP1Channel(responder: responder).handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1 with read deadlines.
    static func http1(timeouts: ReadTimeouts) -> HTTPServerBuilder {
        .init { responder in TimedHTTP1Channel(responder: responder, timeouts: timeouts) }
    }
}
