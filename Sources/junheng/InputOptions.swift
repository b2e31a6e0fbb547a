import ArgumentParser
import Domain
import Interchange
import UseCases

/// The schools file a command reads: `FILE` and `--sheet`.
struct SchoolsFileOption: ParsableArguments {
    @Argument(help: "The schools file: CSV (UTF-8 or GB18030) or XLSX; Chinese or English headers.")
    var file: String

    @Option(help: "The worksheet to read when the schools file is a workbook (default: the first).")
    var sheet: String?

    /// Every row of the file, or every problem printed and status 65.
    func rows(language l: Language) throws -> [SchoolYear] {
        try readSchools(file, sheet: sheet, language: l)
    }
}

/// The one county and year a plan is made for: the schools file, `--county` and `--year`
/// (``CountyYearChoice``).
struct CountyYearOption: ParsableArguments {
    @OptionGroup var schools: SchoolsFileOption

    @Option(help: "The county (6-digit code); needed when the file holds several.")
    var county: String?

    @Option(help: "The school year; needed when the file holds several.")
    var year: Int?

    /// The rows of the chosen county and year (none when the file has none). Stops with
    /// status 65 and every problem of a refused file, or with a usage error (64) listing the
    /// counties and years to choose from when the filters leave several, or none of a file
    /// that has rows.
    func rows(language l: Language) throws -> [SchoolYear] {
        try rowsAndFile(language: l).chosen
    }

    /// The chosen county-year's rows, and every row of the file (what other files that may
    /// cover the whole province are checked against).
    func rowsAndFile(language l: Language) throws -> (chosen: [SchoolYear], file: [SchoolYear]) {
        let rows = try schools.rows(language: l)
        do {
            return (try CountyYearChoice.rows(rows, county: county, year: year), rows)
        } catch {
            printError(error.message(in: l) + (error.needsNarrowing ? l.pick("（用 --county 和 --year）", " with --county and --year") : ""))
            throw ExitStatus.usage
        }
    }
}

/// `--standard`: a built-in standard or a province's standard file.
struct StandardOption: ParsableArguments {
    @Option(help: "quality-2017 (default), basic-2012, or the path of a province's standard file.")
    var standard = "quality-2017"

    /// The standard, or its file's exact problem printed and status 65.
    func load() throws -> Standard {
        do {
            return try StandardSource.load(standard)
        } catch let error as StandardError {
            printError(error.description)
            throw ExitStatus.dataError
        }
    }
}

/// The county facts file a command reads: `--facts` and `--facts-sheet`.
struct FactsFileOption: ParsableArguments {
    @Option(help: "County facts file, CSV or XLSX (year, county_code, item, value, evidence).")
    var facts: String?

    @Option(help: "The worksheet to read when the facts file is a workbook (default: the first).")
    var factsSheet: String?

    /// The facts checked against `standard` (loaded only when there is a facts file); `nil`
    /// without one. Stops with status 65 and every problem of a refused file.
    func read(standard: @autoclosure () throws -> Standard, language l: Language) throws -> [CountyFact]? {
        guard let path = facts else { return nil }
        let reader = FactsReader(standard: try standard(), language: l)
        return try readDataFile(path, \.warnings) { try reader.read($0, file: path, sheet: factsSheet) }.facts
    }
}

/// Reads and validates a schools file, or prints every problem and stops with status 65.
func readSchools(_ path: String, sheet: String?, language l: Language) throws -> [SchoolYear] {
    try readDataFile(path, \.warnings) { try SchoolsReader(language: l).read($0, file: path, sheet: sheet) }.schools
}

/// The file at `path` read by `read` (a reader of Interchange): its warnings printed, or every
/// problem printed and status 65.
func readDataFile<File>(_ path: String, _ warnings: KeyPath<File, [String]>, _ read: ([UInt8]) throws -> File) throws -> File {
    let bytes = try readFile(path)
    return try refusingProblems {
        let file = try read(bytes)
        file[keyPath: warnings].forEach { printError($0) }
        return file
    }
}

/// `body`'s result; or, when it refuses data (``DataFileError``), every problem printed and
/// status 65 — for readers and for the checks across files alike.
func refusingProblems<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as DataFileError {
        error.errors.forEach { printError($0.description) }
        throw ExitStatus.dataError
    }
}
