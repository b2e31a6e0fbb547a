import ArgumentParser
import Web

extension WebConfiguration {
    /// The server's limits from the environment, each optional (the defaults are
    /// ``WebConfiguration``'s):
    ///
    /// | variable | meaning | default |
    /// |---|---|---|
    /// | `JUNHENG_HEADER_TIMEOUT` | seconds to send a request's head | 10 |
    /// | `JUNHENG_BODY_TIMEOUT` | seconds to send a request's body | 60 |
    /// | `JUNHENG_IDLE_TIMEOUT` | seconds a kept-alive connection may wait | 60 |
    /// | `JUNHENG_HEAVY_CONCURRENCY` | CPU-heavy jobs at once | cores − 1 (≥ 1) |
    /// | `JUNHENG_HEAVY_QUEUE` | CPU-heavy jobs waiting before 503 | 4 |
    mutating func readLimits(from environment: [String: String]) throws {
        func seconds(_ key: String, into value: inout Double) throws {
            guard let text = environment[key] else { return }
            guard let number = Double(text), number > 0, number <= 86_400 else {
                throw ValidationError("\(key) must be a number of seconds, more than 0 and at most 86400")
            }
            value = number
        }
        func count(_ key: String, minimum: Int, into value: inout Int) throws {
            guard let text = environment[key] else { return }
            guard let number = Int(text), number >= minimum, number <= 1024 else {
                throw ValidationError("\(key) must be an integer from \(minimum) to 1024")
            }
            value = number
        }
        try seconds("JUNHENG_HEADER_TIMEOUT", into: &headerTimeout)
        try seconds("JUNHENG_BODY_TIMEOUT", into: &bodyTimeout)
        try seconds("JUNHENG_IDLE_TIMEOUT", into: &idleTimeout)
        try count("JUNHENG_HEAVY_CONCURRENCY", minimum: 1, into: &heavyConcurrency)
        try count("JUNHENG_HEAVY_QUEUE", minimum: 0, into: &heavyQueue)
    }
}
