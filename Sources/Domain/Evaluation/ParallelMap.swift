import Dispatch
import Foundation

/// Maps independent work items on every core, keeping the results in input order, so the
/// output is the same as a sequential map's.
public enum ParallelMap {
    /// `(0..<count).map(transform)`, computed in chunks on all active processors.
    public static func map<T: Sendable>(count: Int, _ transform: (Int) -> T) -> [T] {
        let workers = ProcessInfo.processInfo.activeProcessorCount
        guard workers > 1, count > 64 else { return (0..<count).map(transform) }
        let chunks = min(count, workers * 8)
        let slots = Slots<T>(count: count)
        withoutActuallyEscaping(transform) { transform in
            let work = UncheckedSendable(transform)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let range = (count * chunk / chunks)..<(count * (chunk + 1) / chunks)
                for i in range { slots.set(i, work.value(i)) }
            }
        }
        return slots.values()
    }

    /// Result slots written by disjoint index ranges from several threads.
    private final class Slots<T>: @unchecked Sendable {
        private let buffer: UnsafeMutableBufferPointer<T?>

        init(count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: nil)
        }

        deinit {
            buffer.deinitialize()
            buffer.deallocate()
        }

        /// Each index is written by exactly one chunk, so no two threads touch one slot.
        func set(_ index: Int, _ value: T) { buffer[index] = value }

        func values() -> [T] { buffer.map { $0! } }
    }

    /// A closure used only inside `concurrentPerform`, which returns before the caller does.
    private struct UncheckedSendable<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
