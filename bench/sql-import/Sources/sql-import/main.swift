// Times SQLStore imports of a demo schools file:
//
//   sql-import SCHOOLS.csv [DATABASE]
//   sql-import demo SCHOOLS.csv COUNTIES     # writes the demo file first
//
// DATABASE is a location as `junheng` reads it (default: a new SQLite file in a temporary
// folder). A PostgreSQL database should be empty: the driver imports into it as it finds it.
// Prints, each timed on its own: reading the file; importing every row into the empty
// database; importing the same file again (every row compared, none written); importing
// it again with one field changed in every row; reading the year back; importing a county
// of 300 schools into a second, empty SQLite database, and again unchanged.
import Domain
import Foundation
import Demo
import Interchange
import Storage
import StorageSQL

func seconds(_ start: ContinuousClock.Instant) -> String {
    let d = ContinuousClock.now - start
    let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    return String(format: "%.3f s", s)
}

func temporarySQLite() throws -> (DatabaseLocation, URL) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("junheng-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return (.sqlite(path: folder.appendingPathComponent("bench.sqlite").path), folder)
}

let arguments = CommandLine.arguments.dropFirst()
// `sql-import demo FILE COUNTIES` writes what `junheng demo --counties COUNTIES` writes as
// schools.csv (seed 1, 2025), so the script needs no release build of the command.
if arguments.first == "demo", arguments.count == 3, let counties = Int(arguments.last!) {
    let schools = DemoGenerator(seed: 1, counties: counties, year: 2025).generate().schools
    let file = URL(fileURLWithPath: arguments.dropFirst().first!)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(SchoolsWriter().write(schools)).write(to: file)
    exit(0)
}
guard let file = arguments.first else {
    FileHandle.standardError.write(Data("usage: sql-import SCHOOLS.csv [DATABASE] | sql-import demo FILE COUNTIES\n".utf8))
    exit(2)
}

var start = ContinuousClock.now
let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
let schools = try SchoolsReader().read(bytes, file: file).schools
print("read \(schools.count) rows of \(Set(schools.map(\.countyCode)).count) counties: \(seconds(start))")

var folders: [URL] = []
let location: DatabaseLocation
if let given = arguments.dropFirst().first {
    location = try DatabaseLocation(given)
} else {
    let (temporary, folder) = try temporarySQLite()
    location = temporary
    folders.append(folder)
}
print("database: \(location)")

let store = try await SQLStore.open(location)
let admin = try await store.createAccount(
    NewAccount(name: "bench-\(UUID().uuidString.prefix(8))", role: .admin, passwordHash: "x"), at: .now)

start = .now
var receipt = try await store.importData(ImportBatch(schools: schools, source: "schools.csv"), by: admin, at: .now)
print("import into empty database (\(receipt.added) added): \(seconds(start))")

start = .now
receipt = try await store.importData(ImportBatch(schools: schools, source: "schools.csv"), by: admin, at: .now)
print("re-import, nothing changed (\(receipt.unchanged) unchanged): \(seconds(start))")

let changed = schools.map { row in
    var row = row
    row.facilities.books = (row.facilities.books ?? 0) + 1
    return row
}
start = .now
receipt = try await store.importData(ImportBatch(schools: changed, source: "schools2.csv"), by: admin, at: .now)
print("re-import, one field changed per row (\(receipt.changed) changed): \(seconds(start))")

start = .now
let year = try await store.schoolYears(year: schools[0].year, counties: nil)
print("read the year back (\(year.count) rows): \(seconds(start))")
try await store.shutdown()

// A county of 300 schools (the demo's counties are smaller: its first 300 rows, given one
// county code), into a new SQLite database.
let county = schools.prefix(300).map { row in
    var row = row
    row.countyCode = schools[0].countyCode
    row.countyName = schools[0].countyName
    return row
}
let (small, folder) = try temporarySQLite()
folders.append(folder)
let smallStore = try await SQLStore.open(small)
let clerk = try await smallStore.createAccount(NewAccount(name: "bench", role: .admin, passwordHash: "x"), at: .now)
start = .now
receipt = try await smallStore.importData(ImportBatch(schools: county, source: "county.csv"), by: clerk, at: .now)
print("import a 300-school county into empty SQLite (\(receipt.added) added): \(seconds(start))")
start = .now
receipt = try await smallStore.importData(ImportBatch(schools: county, source: "county.csv"), by: clerk, at: .now)
print("re-import that county, nothing changed: \(seconds(start))")
try await smallStore.shutdown()
for folder in folders { try? FileManager.default.removeItem(at: folder) }
