import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file-system steps that make a copy durable and its replacement atomic.
enum FileDurability {
    /// Flushes the file at `path` (or a folder) to the disk.
    static func sync(_ path: String) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// Moves `source` onto `target` in one step (rename(2): readers see the old file or the
    /// new one, never a mix), then makes the rename durable by syncing the folder.
    static func replace(_ target: String, with source: String) throws(MaintenanceError) {
        sync(source)
        guard rename(source, target) == 0 else {
            throw MaintenanceError(kind: .cannotWrite(target, String(cString: strerror(errno))))
        }
        sync((target as NSString).deletingLastPathComponent.isEmpty ? "." : (target as NSString).deletingLastPathComponent)
    }

    /// A path for a partial copy beside `target` (same folder, so the final rename is atomic),
    /// hidden and named so a person who finds one left by a crash knows what it is.
    static func stagingPath(beside target: String) -> String {
        let url = URL(fileURLWithPath: target)
        return url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).partial-\(UUID().uuidString.prefix(8))").path
    }

    /// Makes `target` anew in one step: `make` writes and checks a database at a staging path
    /// beside it (``stagingPath(beside:)``), which then replaces `target`; if anything fails,
    /// the staged files go and `target` is untouched. Returns what `make` returns.
    static func replace<T>(_ target: String, withStaged make: (String) async throws -> T) async throws -> T {
        let staging = stagingPath(beside: target)
        do {
            let result = try await make(staging)
            try replace(target, with: staging)
            return result
        } catch {
            removeDatabase(staging)
            throw error
        }
    }

    /// The canonical form of `path` (symlinks resolved), for comparing two paths.
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Removes `path` and its SQLite side files, ignoring those that do not exist.
    static func removeDatabase(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
