import FuzzSupport

/// The file a reader got from a fuzz input, as the fixture test reads it: the bytes after
/// the mode byte, with an extension that says how to read them (`.csv` or `.xlsx` for the
/// table readers, `.rules.json` or `.standard.json` for FuzzJSON), or the input itself for
/// FuzzCSV and FuzzXLSX, whose whole input is the file.
struct FindingFixture {
    let bytes: [UInt8]
    let suffix: String

    init(target: String, input: [UInt8]) throws(UnknownTarget) {
        switch target {
        case "FuzzCSV", "FuzzXLSX":
            (bytes, suffix) = (input, "")
        case "FuzzJSON":
            (bytes, suffix) = (Array(input.dropFirst()), input.first.map { $0 & 1 == 0 } ?? true ? ".rules.json" : ".standard.json")
        case "FuzzSchools", "FuzzFacts", "FuzzTeachers", "FuzzCosts", "FuzzBudget":
            // An empty input reads as nothing at all: an empty CSV file is the closest file.
            guard !input.isEmpty, let table = input.withUnsafeBufferPointer({ TableInput($0.baseAddress!, $0.count) })
            else { (bytes, suffix) = ([], ".csv"); return }
            (bytes, suffix) = (table.bytes, table.file.hasSuffix(".xlsx") ? ".xlsx" : ".csv")
        default:
            throw UnknownTarget(name: target)
        }
    }

    struct UnknownTarget: Error {
        let name: String
    }
}
