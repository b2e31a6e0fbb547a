/// Lends a fixed set of items — connections, or a turn to write — one task at a time; a task
/// that finds none free waits for the next one returned, first come first served.
actor Lender<Item: Sendable> {
    private var idle: [Item]
    private var waiting: [CheckedContinuation<Item, Never>] = []
    private let all: [Item]

    init(_ items: [Item]) {
        precondition(!items.isEmpty, "nothing to lend")
        idle = items
        all = items
    }

    /// Lends an item to `body` and takes it back when `body` returns or throws.
    nonisolated func with<R: Sendable>(_ body: (Item) async throws -> R) async throws -> R {
        let item = await acquire()
        do {
            let result = try await body(item)
            await release(item)
            return result
        } catch {
            await release(item)
            throw error
        }
    }

    /// Every item, free or lent (connections to close at shutdown).
    nonisolated var items: [Item] { all }

    private func acquire() async -> Item {
        if let item = idle.popLast() { return item }
        return await withCheckedContinuation { waiting.append($0) }
    }

    private func release(_ item: Item) {
        if waiting.isEmpty {
            idle.append(item)
        } else {
            waiting.removeFirst().resume(returning: item)
        }
    }
}
