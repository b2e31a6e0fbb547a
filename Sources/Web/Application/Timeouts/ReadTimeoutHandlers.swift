import NIOCore
import NIOHTTPTypes

/// Sits first in a connection's pipeline and tells the ``ConnectionReadClock`` that bytes
/// arrived — the only way to see a request begin before its head is complete.
final class ByteArrivalHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    private let clock: ConnectionReadClock

    init(clock: ConnectionReadClock) {
        self.clock = clock
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { clock.opened() }
    }

    func channelActive(context: ChannelHandlerContext) {
        clock.opened()
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        clock.closed()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        clock.closed()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        clock.bytesArrived()
        context.fireChannelRead(data)
    }
}

/// Sits after the HTTP decoder and tells the ``ConnectionReadClock`` where each request and
/// response is: head decoded, request ended, response ended.
final class RequestPhaseHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart
    private let clock: ConnectionReadClock

    init(clock: ConnectionReadClock) {
        self.clock = clock
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: clock.headReceived()
        case .body: break
        case .end: clock.requestEnded()
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { clock.responseEnded() }
        context.write(data, promise: promise)
    }
}
