/// Runs heavy work on the calling task: the command has nothing else to serve meanwhile.
public struct InlineWork: WorkRunner {
    /// The runner.
    public init() {}

    /// Runs `body` at once.
    public func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try body()
    }
}
