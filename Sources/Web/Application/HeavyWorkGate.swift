import NIOConcurrencyHelpers

/// The admission and turn-taking of ``HeavyWork``: a counting semaphore with a bounded
/// number of admitted jobs (running plus waiting).
final class HeavyWorkGate: Sendable {
    private struct State {
        /// Jobs admitted and not yet finished: running or waiting.
        var admitted = 0
        /// Jobs holding a slot.
        var running = 0
        /// Jobs waiting for a slot, oldest first.
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let slots: Int, capacity: Int
    private let state = NIOLockedValueBox(State())

    /// - Parameters:
    ///   - slots: jobs that may hold a slot at once.
    ///   - capacity: jobs that may be admitted at once (≥ `slots`).
    init(slots: Int, capacity: Int) {
        self.slots = slots
        self.capacity = max(slots, capacity)
    }

    /// Jobs admitted and not yet finished (running or waiting).
    var admitted: Int { state.withLockedValue { $0.admitted } }

    /// Admits one more job unless the gate is full; an admitted job must ``acquire()`` and
    /// then ``release()``.
    func admit() -> Bool {
        state.withLockedValue { state in
            guard state.admitted < capacity else { return false }
            state.admitted += 1
            return true
        }
    }

    /// Waits for a slot, in order of arrival.
    func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = state.withLockedValue { state -> Bool in
                guard state.running < slots else {
                    state.waiting.append(continuation)
                    return false
                }
                state.running += 1
                return true
            }
            if now { continuation.resume() }
        }
    }

    /// Gives the slot back: to the oldest waiting job, if any.
    func release() {
        let next = state.withLockedValue { state -> CheckedContinuation<Void, Never>? in
            state.admitted -= 1
            guard !state.waiting.isEmpty else {
                state.running -= 1
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.resume()
    }
}
