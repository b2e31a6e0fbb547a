import Domain
import Foundation
import FuzzSupport
@testable import Interchange
@testable import Spreadsheet
import Planning
import Reports
import Demo

/// Writes the seed corpus of every target: `FuzzSeeds REPOSITORY OUTPUT` fills
/// `OUTPUT/<target>/` from the repository's fixtures and from files the project's own
/// writers produce (a demo county cut to a few rows, the schools template), each table as
/// CSV, as a workbook and as workbook parts (see ``TableInput``). The same build gives the
/// same seeds.
///
/// `FuzzSeeds fixture TARGET INPUT FOLDER` turns a finding into the file its reader got
/// (see ``FindingFixture``), for `Tests/InterchangeTests/Fixtures/fuzz/TARGET/`.
///
/// It is linked like the targets, in the same build, so libFuzzer supplies `main`: the work
/// is done in `LLVMFuzzerInitialize`, which libFuzzer calls first, and the process exits
/// there, never fuzzing.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutableRawPointer) -> CInt {
    do {
        try FuzzSeeds.main()
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("FuzzSeeds: \(error)\n".utf8))
        exit(1)
    }
}

/// Never called: `initialize` exits first. libFuzzer's `main` needs it to link.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    0
}

enum FuzzSeeds {
    static func main() throws {
        let arguments = CommandLine.arguments
        if arguments.count == 5, arguments[1] == "fixture" {
            let input = try [UInt8](Data(contentsOf: URL(fileURLWithPath: arguments[3])))
            let fixture = try FindingFixture(target: arguments[2], input: input)
            let name = URL(fileURLWithPath: arguments[3]).lastPathComponent + fixture.suffix
            let file = URL(fileURLWithPath: arguments[4]).appendingPathComponent(name)
            try Data(fixture.bytes).write(to: file)
            print(file.path)
            return
        }
        guard arguments.count == 3 else {
            FileHandle.standardError.write(Data("usage: FuzzSeeds REPOSITORY OUTPUT | FuzzSeeds fixture TARGET INPUT FOLDER\n".utf8))
            exit(2)
        }
        let repository = URL(fileURLWithPath: arguments[1]), output = URL(fileURLWithPath: arguments[2])
        var corpus = SeedCorpus(folder: output)
        let standard = try Standard.builtIn("quality-2017")

        // The fixtures the tests read.
        let fixtures = repository.appendingPathComponent("Tests/InterchangeTests/Fixtures")
        for name in ["schools-bom.csv", "schools-en.csv", "schools-zh-gb18030.csv", "xlsx/libreoffice.csv"] {
            let csv = try [UInt8](Data(contentsOf: fixtures.appendingPathComponent(name)))
            corpus.add(csv, to: "FuzzCSV", as: name)
            corpus.addTable(csv: csv, to: "FuzzSchools", as: name)
        }
        for name in ["xlsx/libreoffice.xlsx", "xlsx/openpyxl.xlsx"] {
            let workbook = try [UInt8](Data(contentsOf: fixtures.appendingPathComponent(name)))
            corpus.add(workbook, to: "FuzzXLSX", as: name)
            corpus.addTable(workbook: workbook, to: "FuzzSchools", as: name)
        }
        let template = try SchoolsTemplate(standard: standard).workbook()
        corpus.add(template, to: "FuzzXLSX", as: "template-schools.xlsx")
        corpus.addTable(workbook: template, to: "FuzzSchools", as: "template-schools.xlsx")

        // A demo county cut to a few rows, written by the project's writers in each header
        // style and encoding.
        let demo = DemoGenerator(seed: 7, counties: 1, standard: standard)
        let data = demo.generate()
        let schools = Array(data.schools.prefix(4)), facts = Array(data.facts.prefix(6))
        let teachers = Array(demo.teachers(of: data).prefix(6))
        for headers in [HeaderStyle.chinese, .english] {
            for encoding in [TextEncoding.utf8, .gb18030] {
                let name = "demo-\(headers)-\(encoding.rawValue)"
                corpus.addTable(csv: try SchoolsWriter(headers: headers, encoding: encoding).write(schools), to: "FuzzSchools", as: name)
                corpus.addTable(csv: try FactsWriter(headers: headers, encoding: encoding).write(facts), to: "FuzzFacts", as: name)
                corpus.addTable(csv: try TeachersWriter(headers: headers, encoding: encoding).write(teachers), to: "FuzzTeachers", as: name)
            }
        }
        // The zone, layout, quota and care files of the demo county, cut short; the reader in bits 3–7 (FuzzZones).
        let zones = demo.zones(of: data)
        let care = demo.care(of: data, teachers: demo.teachersWithClasses(of: data))
        let sites = data.schools.prefix(4).enumerated().map { k, school in
            LayoutSite(id: "E\(k)", name: school.schoolName, location: school.coordinate, schoolCode: school.schoolCode,
                       capacity: [.primary: 900], expandCostPerClass: 300_000, maxClasses: 30, keep: k == 0)
        } + [LayoutSite(id: "C1", name: "新址", location: Coordinate(longitude: 112.9, latitude: 28.2), capacity: [.primary: 1_350], buildCost: 30_000_000)]
        let blocks = Array(zones.blocks.prefix(5))
        let distances = blocks.map { TravelDistance(from: $0.id, to: "C1", measure: .kilometres(2.5)) }
        for headers in [HeaderStyle.chinese, .english] {
            let name = "demo-\(headers)"
            corpus.addTable(csv: try BlocksWriter(headers: headers).write(blocks), to: "FuzzZones", as: "blocks-\(name)", reader: 0)
            corpus.addTable(csv: try DistancesWriter(headers: headers).write(distances), to: "FuzzZones", as: "distances-\(name)", reader: 1)
            corpus.addTable(csv: try EnrollmentWriter(headers: headers).write(Array(zones.enrollment.prefix(8))), to: "FuzzZones", as: "enrollment-\(name)", reader: 2)
            corpus.addTable(csv: try BirthsWriter(headers: headers).write(Array(zones.births.prefix(6))), to: "FuzzZones", as: "births-\(name)", reader: 3)
            corpus.addTable(csv: try SitesWriter(headers: headers).write(sites), to: "FuzzZones", as: "sites-\(name)", reader: 4)
            corpus.addTable(csv: try QuotaWriter(headers: headers).write(demo.quotas(of: data)), to: "FuzzZones", as: "quota-\(name)", reader: 5)
            corpus.addTable(csv: try ChildrenWriter(headers: headers).write(Array(care.children.prefix(6))), to: "FuzzZones", as: "children-\(name)", reader: 6)
            corpus.addTable(csv: try DropoutsWriter(headers: headers).write(Array(care.dropouts.prefix(2))), to: "FuzzZones", as: "dropouts-\(name)", reader: 7)
            corpus.addTable(csv: try CohortsWriter(headers: headers).write(Array(care.cohorts.prefix(4))), to: "FuzzZones", as: "cohorts-\(name)", reader: 8)
        }
        corpus.addTable(csv: Array(costs.utf8), to: "FuzzCosts", as: "costs-en")
        corpus.addTable(csv: Array(costsChinese.utf8), to: "FuzzCosts", as: "costs-zh")
        corpus.addTable(csv: Array(budget.utf8), to: "FuzzBudget", as: "budget-en")
        corpus.addTable(csv: Array(budgetChinese.utf8), to: "FuzzBudget", as: "budget-zh")

        // Forms as browsers post them: URL-encoded (first byte 0) and multipart with its
        // Content-Type line (first byte 1).
        corpus.add([0] + Array("csrf=abc123&name=%E7%8E%8B%E8%80%81%E5%B8%88&password=p%40ss+word&next=%2Fcounties%2F320281".utf8), to: "FuzzForms", as: "login")
        corpus.add([0] + Array("csrf=t&teaching_area=5300.5&school_name=%E4%B8%80%E5%B0%8F&boarding=true&&=x&a=b=c".utf8), to: "FuzzForms", as: "edit")
        let multipart = "multipart/form-data; boundary=----JunhengBoundary7MA4YWxk\n"
            + "------JunhengBoundary7MA4YWxk\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc123\r\n"
            + "------JunhengBoundary7MA4YWxk\r\nContent-Disposition: form-data; name=\"schools\"; filename=\"学校.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\nyear,county_code,school_code\r\n2025,110101,S1\r\n\r\n"
            + "------JunhengBoundary7MA4YWxk\r\nContent-Disposition: form-data; name=\"sheet\"\r\n\r\n\r\n"
            + "------JunhengBoundary7MA4YWxk--\r\n"
        corpus.add([1] + Array(multipart.utf8), to: "FuzzForms", as: "import")

        // JSON: the rules' defaults and the built-in standards (FuzzJSON's first byte).
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        corpus.add([0] + [UInt8](try encoder.encode(RotationRules.defaults)), to: "FuzzJSON", as: "rules-defaults")
        corpus.add([2] + [UInt8](try encoder.encode(LayoutRules.defaults)), to: "FuzzJSON", as: "layout-rules-defaults")
        corpus.add([2] + Array(#"{"merger_junior_below": 500, "community_rules": [{"stage": "junior", "population_from": 8000, "per_population": 15000, "classes_min": 12}]}"#.utf8), to: "FuzzJSON", as: "layout-rules-partial")
        corpus.add([4] + [UInt8](try encoder.encode(FundingRules.defaults)), to: "FuzzJSON", as: "funding-rules-defaults")
        corpus.add([4] + Array(#"{"region": "east", "base_rates": {"east": {"primary": 700, "junior": 900}}, "rural_uplift_share": 0.1}"#.utf8), to: "FuzzJSON", as: "funding-rules-partial")
        corpus.add([0] + Array(#"{"minYearsAtSchool": 6, "retirementAge": {"male": 60, "female": 55}, "note": "x"}"#.utf8), to: "FuzzJSON", as: "rules-partial")
        for key in Standard.builtInKeys {
            let url = repository.appendingPathComponent("Sources/Domain/Resources/Standards/\(key).json")
            corpus.add([1] + [UInt8](try Data(contentsOf: url)), to: "FuzzJSON", as: "standard-\(key)")
        }
        // The first sheet of every table workbook also seeds the raw workbook target.
        for (name, workbook) in corpus.workbooks { corpus.add(workbook, to: "FuzzXLSX", as: name) }
        print("seeds: " + corpus.counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    }

    static let costs = """
        item,unit,unit_cost,locality
        teaching_area,m2,4000,
        sports_area,M²,250,rural
        backbone_teachers,person-year,120000.5,
        equipment_value,yuan,1,urban
        books,册,0,

        """
    static let costsChinese = """
        项目,单位,单价,城乡类型
        教学及辅助用房面积,平方米,4000,
        体育运动场馆面积,㎡,250,乡村
        县级以上骨干教师,人年,120000,
        网络多媒体教室,间,60000,镇区

        """
    static let budget = "year,budget\r\n2026,1000000\r\n2027,2500000.5\r\n"
    static let budgetChinese = "年度,预算\n2026,1000000\n2027,\"2,500,000\"\n"
}

/// The seed files being written, by target.
struct SeedCorpus {
    let folder: URL
    private(set) var counts: [String: Int] = [:]
    /// The workbooks written for table targets, to seed the raw workbook target too.
    private(set) var workbooks: [(String, [UInt8])] = []

    init(folder: URL) {
        self.folder = folder
    }

    /// Writes `bytes` as the seed `name` of `target`.
    mutating func add(_ bytes: [UInt8], to target: String, as name: String) {
        let directory = folder.appendingPathComponent(target)
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent(name.replacingOccurrences(of: "/", with: "-"))
        try? Data(bytes).write(to: file)
        counts[target, default: 0] += 1
    }

    /// A table as CSV, and as the workbook and workbook parts with the same cells.
    /// The CSV seeds the CSV target too. `reader` goes into bits 3–5 of the first byte, for
    /// targets that read several kinds of table.
    mutating func addTable(csv: [UInt8], to target: String, as name: String, reader: UInt8 = 0) {
        add([reader << 3] + csv, to: target, as: "\(name).csv")
        add(csv, to: "FuzzCSV", as: "\(target)-\(name).csv")
        // GB18030 cells are decoded first, as the readers do, since a workbook is Unicode.
        guard let text = try? TextDecoding.utf8(from: csv, file: name), let workbook = Self.workbook(csv: text) else { return }
        addTable(workbook: workbook, to: target, as: "\(name).xlsx", reader: reader)
        workbooks.append(("\(target)-\(name).xlsx", workbook))
    }

    /// A workbook, as it is and as its parts.
    mutating func addTable(workbook: [UInt8], to target: String, as name: String, reader: UInt8 = 0) {
        add([1 | reader << 3] + workbook, to: target, as: name)
        guard var package = try? XLSXPackage(bytes: workbook, file: name, limits: .standard) else { return }
        let parts = WorkbookParts.paths.map { path in (try? package.part(path)) ?? [] }
        add([2 | reader << 3] + WorkbookParts(Array(parts.joined(separator: [0]))).input, to: target, as: "\(name).parts")
    }

    /// The workbook the project's writer makes of the CSV `text`: numbers as numbers,
    /// everything else as text.
    static func workbook(csv text: [UInt8]) -> [UInt8]? {
        var content = XLSXSheetContent(name: "Sheet1")
        text.withUnsafeBufferPointer { buffer in
            var parser = CSVParser(UnsafeBufferPointer(rebasing: buffer[(buffer.starts(with: TextDecoding.byteOrderMark) ? 3 : 0)...]))
            var cells: [CSVCell] = []
            while (try? parser.next(&cells)) == true {
                content.rows.append(cells.map { cell in
                    let string = cell.string
                    if string.isEmpty { return XLSXOutputCell(.empty) }
                    return XLSXOutputCell(Double(string).map(XLSXOutputValue.number) ?? .text(string))
                })
                cells = []
            }
        }
        var writer = XLSXWriter()
        writer.add(content)
        return try? writer.bytes()
    }
}
