import Foundation
import Testing

/// `junheng plan zones`, `junheng forecast` and `junheng evaluate --blocks` on the demo's files.
@Suite("junheng plan zones and forecast, end to end")
struct ZonesCommandTests {
    /// A demo county's files.
    static func demo() throws -> URL {
        let folder = try CommandRunner.temporaryFolder()
        let made = try CommandRunner.run(["demo", "--out", folder.path, "--counties", "1", "--seed", "3"])
        #expect(made.status == 0, "\(made.stderr)")
        return folder
    }

    @Test func zonesInEveryFormat() throws {
        let folder = try Self.demo()
        let schools = folder.appendingPathComponent("schools.csv").path, blocks = folder.appendingPathComponent("blocks.csv").path

        let json = try CommandRunner.run(["plan", "zones", schools, blocks, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        for key in ["objective", "lower_bound", "gap", "optimality", "assignments", "unplaced", "nearest_share"] {
            #expect(object[key] != nil, "\(key)")
        }
        let objective = try #require(object["objective"] as? Double)
        let bound = try #require(object["lower_bound"] as? Double)
        #expect(bound <= objective + 1e-6)
        let assignments = try #require(object["assignments"] as? [[String: Any]])
        let unplaced = try #require(object["unplaced"] as? [[String: Any]])
        // Every block with children once, placed or unplaced; Σ children × distance is the objective.
        let ids = assignments.map { $0["block_id"] as! String } + unplaced.map { $0["block_id"] as! String }
        #expect(Set(ids).count == ids.count)
        let sum = assignments.reduce(0.0) { $0 + Double($1["children"] as! Int) * ($1["distance"] as? Double ?? 0) }
        #expect(abs(sum - objective) <= 1e-6 * objective)

        let table = try CommandRunner.run(["plan", "zones", schools, blocks, "--stage", "junior"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.text.hasPrefix("初中学区划分方案\n"))
        #expect(table.text.contains("城区和镇区就近入学比例（评估第13项）"))

        let csv = try CommandRunner.run(["plan", "zones", schools, blocks, "--format", "csv"])
        #expect(csv.text.split(separator: "\r\n").first == "block_id,block_name,school_code,school_name,children,migrants,distance,nearest_school,nearest_distance,current_school")

        let html = folder.appendingPathComponent("zones.html").path, xlsx = folder.appendingPathComponent("zones.xlsx").path
        let written = try CommandRunner.run(["plan", "zones", schools, blocks, "--html", html, "--out", xlsx, "--lang", "en"])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.text.hasPrefix("Enrollment zones, primary\n"))
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<svg") && page.contains("Zone map"))
        #expect(FileManager.default.fileExists(atPath: xlsx))
    }

    @Test func badBlocksAreRefusedRowByRow() throws {
        let folder = try Self.demo()
        let schools = folder.appendingPathComponent("schools.csv").path
        var lines = try String(contentsOf: folder.appendingPathComponent("blocks.csv"), encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
        lines.append(lines[1])  // the first block again
        var cells = lines[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[9] = "9999999999"  // an unknown current school
        lines[2] = cells.joined(separator: ",")
        let bad = try CommandRunner.write(lines.joined(separator: "\n") + "\n", to: "bad.csv", in: folder)
        let refused = try CommandRunner.run(["plan", "zones", schools, bad])
        #expect(refused.status == 65)
        #expect(refused.stdout.isEmpty)
        #expect(refused.errorLines.contains { $0.hasPrefix("\(bad):\(lines.count):") }, "\(refused.stderr)")
        // The duplicate is found by the reader first; fix it and the unknown school is reported at its cell.
        let second = try CommandRunner.write(lines.dropLast().joined(separator: "\n") + "\n", to: "bad2.csv", in: folder)
        let unknown = try CommandRunner.run(["plan", "zones", schools, second])
        #expect(unknown.status == 65)
        #expect(unknown.errorLines.contains { $0.hasPrefix("\(second):3:") && $0.contains("9999999999") }, "\(unknown.stderr)")
    }

    @Test func forecastAndComputedItems() throws {
        let folder = try Self.demo()
        let path = { folder.appendingPathComponent($0).path }
        let forecast = try CommandRunner.run(["forecast", path("schools.csv"), path("enrollment.csv"), "--births", path("births.csv"), "--format", "json"])
        #expect(forecast.status == 0, "\(forecast.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: forecast.stdout) as? [String: Any])
        #expect((object["years"] as? [Int])?.count == 5)
        let schools = try #require(object["schools"] as? [[String: Any]])
        #expect(!schools.isEmpty)

        let evaluation = try CommandRunner.run(["evaluate", path("schools.csv"), "--facts", path("facts.csv"), "--blocks", path("blocks.csv"), "--format", "json"])
        #expect(evaluation.status == 0 || evaluation.status == 1, "\(evaluation.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: evaluation.stdout) as? [String: Any])
        let facts = try #require(((document["counties"] as? [[String: Any]])?.first?["facts"]) as? [[String: Any]])
        let computed = Set(facts.filter { $0["source"] as? String == "computed" }.compactMap { $0["item"] as? String })
        #expect(computed.isSuperset(of: ["gov_04_school_size", "gov_05_class_size", "gov_13_nearby_primary", "gov_13_nearby_junior", "gov_15_migrant_public_share"]))
    }
}
