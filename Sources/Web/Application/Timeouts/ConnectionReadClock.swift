import Logging
import NIOCore

/// One connection's read deadline: which phase the connection is in — waiting for a head,
/// reading a body, answering, idle between requests — and the timer of that phase. Fed by
/// ``ByteArrivalHandler`` (raw bytes, ahead of the HTTP decoder) and ``RequestPhaseHandler``
/// (decoded request and response parts). Lives on the channel's event loop only.
final class ConnectionReadClock {
    enum Phase: Equatable {
        /// Waiting for the end of a request head; the header deadline runs.
        case readingHead
        /// The head has arrived; the body deadline runs until the request's end.
        case readingBody
        /// The whole request has arrived and the server is answering: the client owes nothing.
        case answering
        /// Between requests on a kept-alive connection; the idle deadline runs.
        case idle
    }

    private(set) var phase: Phase = .readingHead
    private let timeouts: ReadTimeouts
    private let channel: any Channel
    private let logger: Logger
    private var timer: Scheduled<Void>?

    init(timeouts: ReadTimeouts, channel: any Channel, logger: Logger) {
        self.timeouts = timeouts
        self.channel = channel
        self.logger = logger
    }

    /// The connection is open: its first request's head must arrive within the header timeout.
    func opened() {
        enter(.readingHead)
    }

    /// Bytes arrived: they start the next request's head when the connection was idle.
    func bytesArrived() {
        if phase == .idle { enter(.readingHead) }
    }

    /// A request head was decoded.
    func headReceived() {
        enter(.readingBody)
    }

    /// The request's end was decoded: the client has sent everything.
    func requestEnded() {
        if phase == .readingBody { enter(.answering) }
    }

    /// A response's end was written. Unless the request's body is still owed (an upload
    /// refused before it was read), the connection now waits for the next request.
    func responseEnded() {
        if phase != .readingBody { enter(.idle) }
    }

    /// The connection closed: nothing more to time.
    func closed() {
        timer?.cancel()
        timer = nil
    }

    private func enter(_ next: Phase) {
        phase = next
        timer?.cancel()
        let limit: TimeAmount? = switch next {
        case .readingHead: timeouts.header
        case .readingBody: timeouts.body
        case .idle: timeouts.idle
        case .answering: nil
        }
        guard let limit else {
            timer = nil
            return
        }
        let channel = self.channel, logger = self.logger
        timer = channel.eventLoop.scheduleTask(in: limit) {
            logger.debug("closing a connection that missed its read deadline", metadata: ["phase": "\(next)"])
            channel.close(promise: nil)
        }
    }
}
