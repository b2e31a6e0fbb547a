import ArgumentParser
import Domain
import Foundation
import Interchange

/// `--lang`: the interface language. Flag → `JUNHENG_LANG` → Chinese.
struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: "Interface language: zh (default) or en. Environment: JUNHENG_LANG.")
    var lang: String?

    func resolved() throws -> Language {
        let text = lang ?? ProcessInfo.processInfo.environment["JUNHENG_LANG"] ?? "zh"
        guard let language = Language(rawValue: text.lowercased().hasPrefix("en") ? "en" : text.lowercased().hasPrefix("zh") ? "zh" : text) else {
            throw ValidationError("--lang must be zh or en, not '\(text)'")
        }
        return language
    }
}

/// Exit statuses of the command-line contract (sysexits).
enum ExitStatus {
    /// Bad data: a refused file (EX_DATAERR).
    static let dataError = ExitCode(65)
    /// Bad usage (EX_USAGE).
    static let usage = ExitCode(64)
    /// An output file that cannot be written (EX_CANTCREAT).
    static let cannotCreate = ExitCode(73)
}

/// Writes `bytes` to `path` (replacing it whole), or stops with a usage error naming it.
func writeFile(_ bytes: [UInt8], to path: String) throws {
    do {
        try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
        printError("\(path): cannot write the file (\(error.localizedDescription))")
        throw ExitStatus.cannotCreate
    }
}

/// Writes to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

/// Writes `text` to standard output in one piece.
func writeOutput(_ text: String) {
    writeOutput(Array(text.utf8))
}

/// Writes `bytes` to standard output, all of them (write(2) may take less than asked).
func writeOutput(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return  // a closed pipe: the reader has gone, there is no one to tell
            }
            offset += written
        }
    }
}

/// Reads a whole file straight into bytes, or stops with a usage error naming it.
func readFile(_ path: String) throws -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    var status = stat()
    guard descriptor >= 0, fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
        if descriptor >= 0 { close(descriptor) }
        return try readUnsizedFile(path)
    }
    defer { close(descriptor) }
    let size = Int(status.st_size)
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
        while count < size {
            let got = read(descriptor, buffer.baseAddress! + count, size - count)
            if got < 0, errno == EINTR { continue }
            if got <= 0 { failed = got < 0; break }
            count += got
        }
    }
    guard !failed else {
        printError("\(path): cannot read the file")
        throw ExitStatus.usage
    }
    return bytes
}

/// Pipes and devices have no size to read up to (`junheng evaluate /dev/stdin`).
private func readUnsizedFile(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
        printError("\(path): cannot read the file")
        throw ExitStatus.usage
    }
    return [UInt8](data)
}
