import Foundation
import Synchronization

/// One queue of writers per SQLite file in this process, shared by every store open on it.
///
/// SQLite lets one writer in at a time and makes the others poll (every second, in this
/// build) until a timeout; two stores of one process on one file (two servers in a test, a
/// command beside a server in one program) would poll each other and one of them could
/// starve while the other's queue keeps the lock. Queueing here makes them take turns; the
/// busy timeout is left for writers in other processes.
enum SQLiteWriteTurns {
    /// A turn to write.
    struct Turn: Sendable {}

    private static let queues = Mutex<[String: Lender<Turn>]>([:])

    /// The queue of the file at `path` (which exists: it is open).
    static func queue(path: String) -> Lender<Turn> {
        let key = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        return queues.withLock { queues in
            if let queue = queues[key] { return queue }
            let queue = Lender([Turn()])
            queues[key] = queue
            return queue
        }
    }
}
