#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether another process has an SQLite database in WAL mode open.
///
/// Every connection to a WAL database holds a shared POSIX lock on one byte of its `-shm`
/// file (SQLite's "DMS" byte, offset 128 in the unix VFS) for as long as it is open; asking
/// the kernel whether an exclusive lock on that byte would be granted (F_GETLK, which takes
/// nothing) tells whether anyone else holds it — a running `junheng serve`, or a command.
/// The kernel does not report this process's own locks, so the check sees other processes only.
enum SQLiteOpenCheck {
    static let dmsOffset = 128

    /// The pid of a process holding the database at `path` open, or `nil` when none does.
    /// `-1` when the lock is held but the kernel does not say by whom.
    static func holder(of path: String) -> Int32? {
        let descriptor = open(path + "-shm", O_RDWR)
        guard descriptor >= 0 else { return nil }  // no -shm: no WAL connection has it open
        defer { close(descriptor) }
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = off_t(dmsOffset)
        lock.l_len = 1
        guard fcntl(descriptor, F_GETLK, &lock) == 0 else { return nil }
        return lock.l_type == Int16(F_UNLCK) ? nil : (lock.l_pid > 0 ? lock.l_pid : -1)
    }
}
