import Foundation
import Testing

/// `junheng plan layout` on a small county written here: three existing schools and two candidates.
@Suite("junheng plan layout, end to end")
struct LayoutCommandTests {
    static let blocks = """
        block_id,block_name,county_code,longitude,latitude,children_primary,children_junior,current_primary,population
        B1,东村,430102,112.90,28.20,120,0,S1,
        B2,西村,430102,112.95,28.21,80,0,S1,
        B3,南村,430102,112.99,28.15,60,0,S2,
        B4,北村,430102,113.02,28.26,150,0,S2,
        B5,新区一,430102,113.08,28.22,210,0,S3,12000
        B6,新区二,430102,113.10,28.25,190,0,S3,4500
        B7,河湾,430102,112.93,28.29,40,0,S1,
        B8,山脚,430102,113.05,28.12,35,0,S2,

        """
    static let sites = """
        site_id,site_name,longitude,latitude,school_code,capacity_primary,capacity_junior,build_cost,expand_cost_per_class,max_classes,keep
        E1,城关小学,112.92,28.21,S1,400,,,,,是
        E2,南岭小学,113.00,28.18,S2,260,,,300000,12,否
        E3,新城小学,113.07,28.23,S3,500,,,,,否
        C1,滨江新址,113.09,28.24,,540,,30000000,,,否
        C2,北岭新址,112.96,28.27,,540,,25000000,,,否

        """

    private func files() throws -> (URL, String, String) {
        let folder = try CommandRunner.temporaryFolder()
        let b = try CommandRunner.write(Self.blocks, to: "blocks.csv", in: folder)
        let s = try CommandRunner.write(Self.sites, to: "sites.csv", in: folder)
        return (folder, b, s)
    }

    @Test func layoutInEveryFormat() throws {
        let (folder, blocks, sites) = try files()
        let json = try CommandRunner.run(["plan", "layout", blocks, sites, "--open", "3", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        let objective = try #require(object["objective"] as? Double)
        let bound = try #require(object["lower_bound"] as? Double)
        #expect(bound <= objective + 1e-6)
        #expect(object["optimality"] as? String == "optimal")
        #expect(object["gap"] as? Double == 0)
        let open = try #require(object["open_sites"] as? [String])
        #expect(open.count == 3 && open.contains("E1"))
        let assignments = try #require(object["assignments"] as? [[String: Any]])
        #expect(assignments.count == 8)
        #expect(Set(assignments.map { $0["block_id"] as! String }).count == 8)
        let sum = assignments.reduce(0.0) { $0 + Double($1["children"] as! Int) * ($1["distance"] as! Double) }
        #expect(abs(sum - objective) <= 1e-9 * objective)
        #expect(assignments.allSatisfy { open.contains($0["site_id"] as! String) })
        let classes = try #require(object["sites"] as? [[String: Any]])
        #expect(classes.first { $0["site_id"] as? String == "E1" }?["status"] as? String == "permanent")
        #expect((object["years"] as? [[String: Any]])?.count == 2)
        // 新区一 (12,000 residents) needs one primary of 18–24 classes; 新区二 (4,500) one of 6–12.
        let requirements = try #require(object["requirements"] as? [[String: Any]])
        #expect(requirements.map { $0["block_id"] as? String } == ["B5", "B6"])
        #expect(requirements.map { $0["classes_min"] as? Int } == [18, 6])
        #expect(requirements.allSatisfy { $0["schools_required"] as? Int == 1 })
        let transitional = classes.filter { $0["status"] as? String == "transitional" }.map { $0["site_id"] as! String }
        let candidates = try #require(object["merger_candidates"] as? [[String: Any]])
        #expect(candidates.map { $0["site_id"] as! String } == transitional)

        let budget = try CommandRunner.run(["plan", "layout", blocks, sites, "--budget", "30000000", "--format", "json"])
        #expect(budget.status == 0, "\(budget.stderr)")
        let planned = try #require(try JSONSerialization.jsonObject(with: budget.stdout) as? [String: Any])
        #expect((planned["build_cost"] as? Double ?? .infinity) <= 30_000_000)
        #expect(Set(planned["open_sites"] as! [String]).isSuperset(of: ["E1", "E2", "E3"]))

        // Priced: at 1,000 yuan per child-km neither candidate (25–30 million yuan) saves enough to be built.
        let rules = try CommandRunner.write(#"{"price_per_child_km": 1000}"#, to: "price.json", in: folder)
        let priced = try CommandRunner.run(["plan", "layout", blocks, sites, "--budget", "30000000", "--rules", rules, "--format", "json"])
        #expect(priced.status == 0, "\(priced.stderr)")
        let weighed = try #require(try JSONSerialization.jsonObject(with: priced.stdout) as? [String: Any])
        #expect(weighed["price_per_child_km"] as? Double == 1_000)
        #expect(weighed["build_cost"] as? Double == 0)
        #expect(weighed["weighted_objective"] as? Double == weighed["objective"] as? Double)
        #expect(planned["weighted_objective"] as? Double == planned["objective"] as? Double)

        let table = try CommandRunner.run(["plan", "layout", blocks, sites, "--open", "3"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.text.hasPrefix("小学布局调整方案\n"))
        #expect(table.text.contains("永久性保留"))

        let csv = try CommandRunner.run(["plan", "layout", blocks, sites, "--open", "3", "--format", "csv"])
        #expect(csv.text.split(separator: "\r\n").first == "block_id,block_name,site_id,site_name,children,distance,today_site,today_distance")

        let xlsx = folder.appendingPathComponent("layout.xlsx").path
        let english = try CommandRunner.run(["plan", "layout", blocks, sites, "--open", "4", "--out", xlsx, "--lang", "en"])
        #expect(english.status == 0, "\(english.stderr)")
        #expect(english.text.hasPrefix("School layout, primary\n"))
        #expect(FileManager.default.fileExists(atPath: xlsx))
    }

    /// The demo county's primary schools as sites (places unlimited), a community rule from 1,000
    /// residents, and the demo's enrollment and births: every covered community has its need in
    /// each of the five forecast years.
    @Test func communityNeedsInTheForecastYears() throws {
        let folder = try ZonesCommandTests.demo()
        let path = { folder.appendingPathComponent($0).path }
        let schools = try String(contentsOfFile: path("schools.csv"), encoding: .utf8)
        var sites = "site_id,site_name,longitude,latitude,school_code,capacity_primary,keep\n"
        for line in schools.split(whereSeparator: \.isNewline).dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cells.count > 11, !cells[10].isEmpty, cells[5].contains("小学") || cells[5].contains("一贯") else { continue }
            sites += "E\(cells[3]),\(cells[4]),\(cells[10]),\(cells[11]),\(cells[3]),,否\n"
        }
        let sitesFile = try CommandRunner.write(sites, to: "sites.csv", in: folder)
        let rules = try CommandRunner.write(
            #"{"community_rules": [{"stage": "primary", "population_from": 1000, "classes_min": 6, "classes_max": 12}]}"#, to: "rules.json", in: folder)
        let made = try CommandRunner.run(["plan", "layout", path("blocks.csv"), sitesFile, "--schools", path("schools.csv"),
                                          "--enrollment", path("enrollment.csv"), "--births", path("births.csv"),
                                          "--budget", "0", "--rules", rules, "--format", "json"])
        #expect(made.status == 0, "\(made.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: made.stdout) as? [String: Any])
        let requirements = try #require(object["requirements"] as? [[String: Any]])
        #expect(!requirements.isEmpty)
        for r in requirements {
            let forecast = try #require(r["forecast"] as? [[String: Any]])
            #expect(forecast.count == 5)
            // Short of what the plan gives the community (sites unlimited: nothing; no site in it: every class).
            let planned = (r["planned"] as? [String: Any])?["classes"] as? Int
            for need in forecast {
                let classes = try #require(need["classes_needed"] as? Int)
                #expect(need["classes_short"] as? Int == planned.map { max(0, classes - $0) } ?? 0)
            }
        }
        let table = try CommandRunner.run(["plan", "layout", path("blocks.csv"), sitesFile, "--schools", path("schools.csv"),
                                           "--enrollment", path("enrollment.csv"), "--budget", "0", "--rules", rules])
        #expect(table.text.contains("预测适龄儿童"))
        // The forecast needs the schools file.
        let refused = try CommandRunner.run(["plan", "layout", path("blocks.csv"), sitesFile, "--enrollment", path("enrollment.csv"), "--budget", "0"])
        #expect(refused.status == 64)
    }

    /// 城关小学 holds 90 places and may add classes of 45 at 1,000,000 yuan each; 河西小学, 2 km
    /// off, has room. 130 children live at 城关: one class more keeps them all there.
    @Test func addedClassesArePaidFromTheBudgetAndWeighedAtThePrice() throws {
        let folder = try CommandRunner.temporaryFolder()
        let blocks = try CommandRunner.write("""
            block_id,block_name,county_code,longitude,latitude,children_primary
            B1,东街,430102,112.90,28.20,50
            B2,西街,430102,112.90,28.20,40
            B3,南街,430102,112.90,28.20,40

            """, to: "blocks.csv", in: folder)
        let sites = try CommandRunner.write("""
            site_id,site_name,longitude,latitude,school_code,capacity_primary,expand_cost_per_class,max_classes,keep
            A,城关小学,112.90,28.20,S1,90,"1,000,000",4,是
            B,河西小学,112.92,28.20,S2,200,,,是

            """, to: "sites.csv", in: folder)
        func plan(_ extra: [String]) throws -> [String: Any] {
            let run = try CommandRunner.run(["plan", "layout", blocks, sites, "--format", "json"] + extra)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stderr.isEmpty, "\(run.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        }
        func grown(_ object: [String: Any]) -> Int? {
            (object["sites"] as? [[String: Any]])?.first { $0["site_id"] as? String == "A" }?["classes_added"] as? Int
        }
        // The budget pays for the class, or it does not and 40 children ride to 河西.
        let paid = try plan(["--budget", "1000000"])
        #expect(grown(paid) == 1 && paid["expansion_cost"] as? Double == 1_000_000 && paid["objective"] as? Double == 0)
        let short = try plan(["--budget", "999999"])
        #expect(grown(short) == 0 && short["expansion_cost"] as? Double == 0)
        #expect((short["objective"] as? Double ?? 0) > 0 && short["optimality"] as? String == "optimal")
        // At 1,000 yuan per child-km a class weighs 1,000 child-km, more than the ride; at 100,000, 10.
        for (price, grows) in [(1_000, false), (100_000, true)] {
            let rules = try CommandRunner.write(#"{"price_per_child_km": \#(price)}"#, to: "price\(price).json", in: folder)
            let weighed = try plan(["--open", "2", "--rules", rules])
            #expect(grown(weighed) == (grows ? 1 : 0), "price \(price)")
            let objective = try #require(weighed["objective"] as? Double), weighted = try #require(weighed["weighted_objective"] as? Double)
            let expansion = try #require(weighed["expansion_cost"] as? Double)
            #expect(abs(weighted - objective - expansion / Double(price)) <= 1e-9 * max(1, weighted), "price \(price)")
        }
        // Without a budget or a price the class costs the plan nothing: all stay at 城关, its cost reported.
        let free = try plan(["--open", "2"])
        #expect(grown(free) == 1 && free["expansion_cost"] as? Double == 1_000_000 && free["objective"] as? Double == 0)
        let table = try CommandRunner.run(["plan", "layout", blocks, sites, "--budget", "1000000"])
        #expect(table.text.contains("建设预算（新建与扩班）"))
    }

    @Test func badFilesAreRefusedAtTheirCells() throws {
        let (folder, blocks, sites) = try files()
        // A site with a bad capacity and a duplicate id.
        var lines = Self.sites.split(separator: "\n").map(String.init)
        lines[2] = lines[2].replacingOccurrences(of: ",260,", with: ",many,")
        lines.append(lines[1])
        let badSites = try CommandRunner.write(lines.joined(separator: "\n") + "\n", to: "bad_sites.csv", in: folder)
        let refused = try CommandRunner.run(["plan", "layout", blocks, badSites, "--open", "3"])
        #expect(refused.status == 65)
        #expect(refused.stdout.isEmpty)
        #expect(refused.errorLines.contains { $0.hasPrefix("\(badSites):3:") }, "\(refused.stderr)")
        #expect(refused.errorLines.contains { $0.hasPrefix("\(badSites):\(lines.count):") }, "\(refused.stderr)")

        // A distance to no site; a block whose current school no site names.
        let distances = try CommandRunner.write("from,to,distance\nB1,E1,1.5\nB2,ZZ,2\n", to: "distances.csv", in: folder)
        let unknown = try CommandRunner.run(["plan", "layout", blocks, sites, "--distances", distances, "--open", "3"])
        #expect(unknown.status == 65)
        #expect(unknown.errorLines.contains { $0.hasPrefix("\(distances):3:") && $0.contains("ZZ") }, "\(unknown.stderr)")
        let strayBlocks = try CommandRunner.write(Self.blocks.replacingOccurrences(of: "150,0,S2", with: "150,0,S9"), to: "stray.csv", in: folder)
        let stray = try CommandRunner.run(["plan", "layout", strayBlocks, sites, "--open", "3"])
        #expect(stray.status == 65)
        #expect(stray.errorLines.contains { $0.hasPrefix("\(strayBlocks):5:") && $0.contains("S9") }, "\(stray.stderr)")

        // Rules out of range, at their key.
        let rules = try CommandRunner.write("{\"merger_junior_below\": -5}", to: "rules.json", in: folder)
        let badRules = try CommandRunner.run(["plan", "layout", blocks, sites, "--open", "3", "--rules", rules])
        #expect(badRules.status == 65)
        #expect(badRules.errorLines.contains { $0.hasPrefix(rules) }, "\(badRules.stderr)")

        // A target that cannot be met; both targets or none.
        let tooMany = try CommandRunner.run(["plan", "layout", blocks, sites, "--open", "9"])
        #expect(tooMany.status == 65)
        #expect(tooMany.stderr.contains("开办 9 处布点不可行"))
        let neither = try CommandRunner.run(["plan", "layout", blocks, sites])
        #expect(neither.status == 64)
    }
}
