import ArgumentParser
import Domain
import Foundation

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
}

/// Writes to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

/// Writes `text` to standard output in one piece.
func writeOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// Reads a whole file, or stops with a usage error naming it.
func readFile(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
        printError("\(path): cannot read the file")
        throw ExitStatus.usage
    }
    return [UInt8](data)
}
