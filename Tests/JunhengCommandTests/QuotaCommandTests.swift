import Foundation
import Testing

/// `junheng plan quota` and `junheng evaluate --quota` on a small county written here: four
/// junior schools (one rural, one primary school that takes no part) and two high schools.
@Suite("junheng plan quota, end to end")
struct QuotaCommandTests {
    static let header = "year,county_code,school_code,school_name,school_type,locality,students_primary,students_junior,classes_primary,classes_junior,"
        + "teachers_primary,teachers_junior,qualified_primary,qualified_junior,backbone_primary,backbone_junior,pe_art_primary,pe_art_junior,"
        + "teaching_area,sports_area,equipment_value,multimedia_rooms,graduates,eligible"
    static let schools = """
        \(header)
        2026,430102,J1,城关中学,junior,urban,,900,,18,,70,,68,,7,,8,5000,9000,2000000,30,300,280
        2026,430102,J2,城东中学,junior,urban,,600,,12,,50,,48,,5,,6,4000,8000,1500000,20,200,
        2026,430102,J3,南岭中学,junior,rural,,300,,6,,25,,24,,2,,3,2000,5000,600000,8,100,100
        2026,430102,N1,北山学校,nine_year,town,400,150,10,3,25,12,24,11,2,1,3,2,3000,6000,800000,10,50,45
        2026,430102,P1,城关小学,primary,urban,900,,20,,50,,48,,5,,6,,4000,8000,1500000,20,,

        """
    static let quota = """
        县区代码,高中学校,年度,招生计划数,分配比例,每校最少名额,农村学校倾斜系数
        430102,一中,2026,400,60%,,0.2
        430102,二中,2026,200,0.5,5,

        """

    private func files(quota: String = Self.quota) throws -> (URL, String, String) {
        let folder = try CommandRunner.temporaryFolder()
        return (folder, try CommandRunner.write(Self.schools, to: "schools.csv", in: folder), try CommandRunner.write(quota, to: "quota.csv", in: folder))
    }

    @Test func quotaInEveryFormat() throws {
        let (folder, schools, quota) = try files()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = try CommandRunner.run(["plan", "quota", schools, quota, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        #expect(object["method"] as? String == "largest_remainder")
        #expect(object["total_places"] as? Int == 600 && object["allocated_places"] as? Int == 340)
        #expect(object["rural_tilt_holds"] as? Bool == true)
        let allocations = try #require(object["allocations"] as? [[String: Any]])
        let plans = try #require(allocations.first?["plans"] as? [[String: Any]])
        #expect(plans.map { $0["allocated"] as? Int } == [240, 100])
        // 一中: weights 280, 200, 120 (rural × 1.2), 45 → 240 × w / 645.
        let first = try #require(plans[0]["lines"] as? [[String: Any]])
        #expect(first.map { $0["school_code"] as? String } == ["J1", "J2", "J3", "N1"])
        #expect(first.map { $0["places"] as? Int } == [104, 74, 45, 17])
        #expect(first.reduce(0) { $0 + ($1["places"] as! Int) } == 240)
        // 二中: 5 each first, then the rest by 280 / 200 / 100 / 45.
        let second = try #require(plans[1]["lines"] as? [[String: Any]])
        #expect(second.allSatisfy { ($0["places"] as! Int) >= 5 } && second.reduce(0) { $0 + ($1["places"] as! Int) } == 100)

        let csv = try CommandRunner.run(["plan", "quota", schools, quota, "--format", "csv", "--method", "dhondt"])
        #expect(csv.status == 0)
        let lines = String(decoding: csv.stdout, as: UTF8.self).split(whereSeparator: \.isNewline)
        #expect(lines.first == "high_school,year,county_code,school_code,school_name,rural,graduates,eligible,weight,quota,places,group")
        #expect(lines.count == 9)
        let table = try CommandRunner.run(["plan", "quota", schools, quota])
        let text = String(decoding: table.stdout, as: UTF8.self)
        #expect(table.status == 0 && text.contains("分配比例（%，评估第14项 ≥ 50）：56.7") && text.contains("向农村初中倾斜：是"))
        let out = folder.appendingPathComponent("quota.xlsx").path, html = folder.appendingPathComponent("quota.html").path
        #expect(try CommandRunner.run(["plan", "quota", schools, quota, "--out", out, "--html", html]).status == 0)
        #expect(FileManager.default.fileExists(atPath: out))
        // The table a bureau publishes: every junior school's places, one printable page.
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("优质高中招生名额分配到校方案") && page.contains("南岭中学") && !page.contains("<script"))
    }

    @Test func aQuotaThatCannotBeSharedIsRefusedAtItsRow() throws {
        let (folder, schools, quota) = try files(quota: """
            county_code,high_school,year,total_places,allocated_share,min_per_school
            430102,一中,2026,400,60,,
            430102,二中,2026,100,0.5,20
            430109,三中,2026,100,0.5,

            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let refused = try CommandRunner.run(["plan", "quota", schools, quota, "--lang", "en"])
        #expect(refused.status == 65 && refused.stdout.isEmpty)
        #expect(refused.stderr.contains("quota.csv:2:allocated_share: allocated_share '60' must be a fraction"))
        let fixed = quota.replacingOccurrences(of: "quota.csv", with: "quota2.csv")
        try String(decoding: try Data(contentsOf: URL(fileURLWithPath: quota)), as: UTF8.self).replacingOccurrences(of: ",60,", with: ",0.6,")
            .write(toFile: fixed, atomically: true, encoding: .utf8)
        let across = try CommandRunner.run(["plan", "quota", schools, fixed, "--lang", "en"])
        #expect(across.status == 65)
        #expect(across.stderr.contains("quota2.csv:3:min_per_school: the minimum for each of 4 schools adds up to more than the 50 places allocated"))
        #expect(across.stderr.contains("quota2.csv:4:year: county 430109 has no school with a junior stage in 2026"))
    }

    /// `evaluate --quota` computes item 14 (56.7 %, tilted) in place of a typed 40.
    @Test func evaluateUsesTheComputedItem() throws {
        let (folder, schools, quota) = try files()
        defer { try? FileManager.default.removeItem(at: folder) }
        let facts = try CommandRunner.write("year,county_code,item,value,evidence\n2026,430102,gov_14_quota_allocation,40,typed\n", to: "facts.csv", in: folder)
        func item14(_ extra: [String]) throws -> [String: Any] {
            let run = try CommandRunner.run(["evaluate", schools, "--facts", facts, "--format", "json"] + extra)
            #expect(run.status == 0, "\(run.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
            let county = try #require((object["counties"] as? [[String: Any]])?.first)
            return try #require((county["facts"] as? [[String: Any]])?.first { $0["item"] as? String == "gov_14_quota_allocation" })
        }
        let typed = try item14([])
        #expect(typed["source"] as? String == "recorded" && typed["status"] as? String == "not_met")
        let computed = try item14(["--quota", quota])
        #expect(computed["source"] as? String == "computed" && computed["status"] as? String == "met")
        #expect(abs((computed["value"] as? Double ?? 0) - 340.0 / 600.0 * 100) < 1e-9)
    }
}
