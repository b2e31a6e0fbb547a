import Foundation
import Testing

/// `junheng plan funding` on a small county written here (the worked example of
/// ``FundingAllocation``), and its refusals.
@Suite("junheng plan funding, end to end")
struct FundingCommandTests {
    static let header = "year,county_code,school_code,school_name,school_type,locality,students_primary,students_junior,classes_primary,classes_junior,"
        + "teachers_primary,teachers_junior,qualified_primary,qualified_junior,backbone_primary,backbone_junior,pe_art_primary,pe_art_junior,"
        + "teaching_area,sports_area,equipment_value,multimedia_rooms,music_rooms,art_rooms,public_funds,training_funds,boarders,special_pupils,music_room_area,art_room_area"
    static let schools = """
        \(header)
        2026,430102,V,村小,primary,rural,60,,6,,6,,6,,0,,1,,500,800,50000,2,1,1,61000,3100,,,96,90
        2026,430102,J,城关中学,junior,urban,,900,,18,,70,,68,,7,,8,5000,9000,2000000,30,2,2,820000,41000,300,4,100,92
        2026,430102,S,特教学校,special,urban,80,40,10,4,30,10,30,10,3,1,3,1,3000,4000,900000,10,1,1,700000,35000,,,96,90
        2026,430102,N,北山学校,nine_year,urban,300,100,8,3,25,12,24,11,2,1,3,2,3000,6000,800000,10,1,1,270000,13000,,,96,88

        """

    private func files() throws -> (URL, String) {
        let folder = try CommandRunner.temporaryFolder()
        return (folder, try CommandRunner.write(Self.schools, to: "schools.csv", in: folder))
    }

    @Test func fundingInEveryFormat() throws {
        let (folder, schools) = try files()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = try CommandRunner.run(["plan", "funding", schools, "--format", "json", "--budget", "1,000,000"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        #expect(object["region"] as? String == "central_west")
        #expect(object["need"] as? Double == 1_840_800.0)
        #expect(object["protected"] as? Double == 804_000.0)
        #expect(object["shortfall"] as? Double == 840_800)
        let rows = try #require(object["schools"] as? [[String: Any]])
        #expect(rows.map { $0["entitlement"] as? Double } == [60_000, 800_800, 720_000, 260_000])
        #expect(rows.map { $0["at_floor"] as? Bool } == [true, false, false, false])
        // 196,000 left after the protected 804,000, shared by 776,800 + 260,000.
        let share = 196_000.0 / 1_036_800.0
        #expect(abs((rows[1]["allocated"] as? Double ?? 0) - (24_000 + 776_800 * share)) < 1e-6)
        let items = try #require(object["items"] as? [[String: Any]])
        let byKey = Dictionary(uniqueKeysWithValues: items.map { ($0["item"] as! String, $0) })
        #expect(byKey["gov_06_small_school_funding"]?["status"] as? String == "met")
        #expect(byKey["gov_07_special_funding"]?["value"] as? Double == 700_000.0 / 120.0)
        #expect(byKey["gov_07_special_funding"]?["status"] as? String == "not_met")
        #expect(byKey["gov_03_music_art_rooms"]?["status"] as? String == "not_met")    // N's art room is 88 m²
        #expect(byKey["quality_04_training_funds"]?["status"] as? String == "not_met") // N: 13,000 of 270,000

        let csv = try CommandRunner.run(["plan", "funding", schools, "--format", "csv"])
        #expect(csv.status == 0)
        let lines = String(decoding: csv.stdout, as: UTF8.self).split(whereSeparator: \.isNewline)
        #expect(lines.first?.hasPrefix("county_code,school_code,school_name,school_type,locality,pupils,funded_pupils,base") == true)
        #expect(lines.count == 5)
        let east = try CommandRunner.write(#"{"region": "east"}"#, to: "east.json", in: folder)
        let text = try CommandRunner.run(["plan", "funding", schools, "--rules", east])
        #expect(text.status == 0 && String(decoding: text.stdout, as: UTF8.self).contains("650 / 850"))
        let budgets = try CommandRunner.write("year,budget\n2025,100\n2026,\"2,000,000\"\n", to: "budget.csv", in: folder)
        let filed = try CommandRunner.run(["plan", "funding", schools, "--budget", budgets, "--format", "json"])
        let filedObject = try #require(try JSONSerialization.jsonObject(with: filed.stdout) as? [String: Any])
        #expect(filedObject["budget"] as? Double == 2_000_000 && filedObject["shortfall"] as? Double == 0)
        let out = folder.appendingPathComponent("funding.xlsx").path
        #expect(try CommandRunner.run(["plan", "funding", schools, "--out", out]).status == 0)
        #expect(FileManager.default.fileExists(atPath: out))
    }

    @Test func refusals() throws {
        let (folder, schools) = try files()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = try CommandRunner.write(#"{"training_share": 2}"#, to: "rules.json", in: folder)
        let refused = try CommandRunner.run(["plan", "funding", schools, "--rules", rules, "--lang", "en"])
        #expect(refused.status == 65 && refused.stdout.isEmpty)
        #expect(refused.stderr.contains("rules.json") && refused.stderr.contains("training_share must be from 0 to 1"))
        let twoCounties = try CommandRunner.write(Self.schools + "2026,430103,X,外县小学,primary,urban,300,,8,,20,,20,,2,,2,,3000,6000,800000,10,1,1,200000,10000,,,96,90\n",
                                                 to: "two.csv", in: folder)
        let usage = try CommandRunner.run(["plan", "funding", twoCounties, "--budget", "100"])
        #expect(usage.status == 64)
        #expect(try CommandRunner.run(["plan", "funding", twoCounties, "--budget", "100", "--county", "430102"]).status == 0)
        let budgets = try CommandRunner.write("year,budget\n2025,100\n", to: "budget.csv", in: folder)
        let missing = try CommandRunner.run(["plan", "funding", schools, "--budget", budgets, "--lang", "en"])
        #expect(missing.status == 65 && missing.stderr.contains("no budget for 2026"))
    }

    /// `evaluate` computes the four items from the rows (no facts typed for them).
    @Test func evaluateUsesTheComputedItems() throws {
        let (folder, schools) = try files()
        defer { try? FileManager.default.removeItem(at: folder) }
        let facts = try CommandRunner.write("year,county_code,item,value,evidence\n2026,430102,gov_06_small_school_funding,否,typed\n", to: "facts.csv", in: folder)
        let run = try CommandRunner.run(["evaluate", schools, "--facts", facts, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        let county = try #require((object["counties"] as? [[String: Any]])?.first)
        let results = try #require(county["facts"] as? [[String: Any]])
        let small = try #require(results.first { $0["item"] as? String == "gov_06_small_school_funding" })
        #expect(small["source"] as? String == "computed" && small["status"] as? String == "met")
        let special = try #require(results.first { $0["item"] as? String == "gov_07_special_funding" })
        #expect(special["source"] as? String == "computed" && special["status"] as? String == "not_met")
    }
}
