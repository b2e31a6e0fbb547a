import Foundation
import Storage
import StorageSQL
import Testing

/// `junheng children …`, `junheng import --children` and `junheng evaluate --children --cohorts`
/// on a small county written here: a primary school, a junior school, six children.
@Suite("junheng children, end to end")
struct CareCommandTests {
    static let header = "year,county_code,school_code,school_name,school_type,locality,ownership,students_primary,students_junior,classes_primary,classes_junior,"
        + "teachers_primary,teachers_junior,qualified_primary,qualified_junior,backbone_primary,backbone_junior,pe_art_primary,pe_art_junior,"
        + "teaching_area,sports_area,equipment_value,multimedia_rooms,graduates"
    static let schools = """
        \(header)
        2026,430102,P1,城关小学,primary,rural,public,600,,12,,40,,38,,4,,5,,4000,8000,1500000,20,
        2026,430102,J1,城关中学,junior,urban,private,,450,,9,,40,,38,,4,,5,3000,6000,1000000,15,150

        """
    static let children = """
        county_code,year,child_id,name,gender,birth_date,school_code,grade,class,left_behind,migrant,disability,placement,guardian,guardian_phone,address,partner
        430102,2026,C1,张小明,男,2016-05-01,P1,4,4-1,双亲外出,,,,张爷爷,13800000001,一村,
        430102,2026,C2,李小红,女,2016-07-01,P1,4,4-1,单亲外出,,,,李奶奶,13800000002,二村,T2
        430102,2026,C3,王小刚,男,2012-03-01,J1,8,8-1,2,是,,,,,三村,
        430102,2026,C4,赵小丽,女,2014-01-01,P1,6,6-1,,是,听力,随班就读,,,,
        430102,2026,C5,钱小强,男,2013-01-01,,,,,,智力,送教上门,,,,
        430102,2026,C6,孙小梅,女,2012-01-01,,,,,是,肢体,未入学,,,,

        """
    static let teachers = """
        teacher_id,school_code,stage,subject,gender,birth_year,qualification,title,backbone,years_at_school,rural_service_years,principal,head_of_class
        T1,P1,primary,语文,female,1985,bachelor,intermediate,none,5,5,no,4-1
        T2,P1,primary,数学,male,1980,bachelor,intermediate,none,8,8,no,
        T3,J1,junior,语文,female,1990,bachelor,junior,none,3,0,no,8-1

        """
    static let cohorts = """
        county_code,school_code,year,grade7_entrants,graduates,transfers_in,transfers_out,deaths
        430102,J1,2026,155,,2,3,1

        """

    private func files() throws -> (URL, [String: String]) {
        let folder = try CommandRunner.temporaryFolder()
        var paths: [String: String] = [:]
        for (name, text) in [("schools", Self.schools), ("children", Self.children), ("teachers", Self.teachers), ("cohorts", Self.cohorts)] {
            paths[name] = try CommandRunner.write(text, to: "\(name).csv", in: folder)
        }
        return (folder, paths)
    }

    /// Disabled: C4 (随班就读), C5 (送教上门) enrolled, C6 not: 2 ÷ 3. Migrant: C3 at a private
    /// school, C4 at a public one, C6 out of school: 1 ÷ 3. Retention: (150 − 2 + 3) ÷ (155 − 1).
    @Test func ratesAndEvaluateUseTheRegister() throws {
        let (folder, f) = try files()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = try CommandRunner.run(["children", "rates", f["schools"]!, f["children"]!, "--cohorts", f["cohorts"]!, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        #expect(object["disabled_enrollment"] as? Double == 2.0 / 3 * 100)
        #expect(object["migrant_public_share"] as? Double == 1.0 / 3 * 100)
        #expect(object["retention"] as? Double == 151.0 / 154 * 100)
        #expect(!String(decoding: json.stdout, as: UTF8.self).contains("张小明"))
        let table = try CommandRunner.run(["children", "rates", f["schools"]!, f["children"]!])
        #expect(table.status == 0 && !String(decoding: table.stdout, as: UTF8.self).contains("张小明"))

        let evaluated = try CommandRunner.run(["evaluate", f["schools"]!, "--children", f["children"]!, "--cohorts", f["cohorts"]!, "--format", "json"])
        #expect(evaluated.status == 0, "\(evaluated.stderr)")
        let text = String(decoding: evaluated.stdout, as: UTF8.self)
        let document = try #require(try JSONSerialization.jsonObject(with: evaluated.stdout) as? [String: Any])
        let county = try #require((document["counties"] as? [[String: Any]])?.first)
        let facts = try #require(county["facts"] as? [[String: Any]])
        func fact(_ key: String) -> [String: Any]? { facts.first { $0["item"] as? String == key } }
        #expect(fact("quality_02_disabled_enrollment")?["value"] as? Double == 2.0 / 3 * 100)
        #expect(fact("quality_02_disabled_enrollment")?["source"] as? String == "computed")
        #expect(fact("quality_01_retention")?["value"] as? Double == 151.0 / 154 * 100)
        #expect(fact("gov_15_migrant_public_share")?["status"] as? String == "not_met")
        // C2 has T2, C1 and C3 none: not every left-behind child is paired.
        #expect(fact("gov_15_left_behind_care")?["value"] as? Bool == false)
        #expect(!text.contains("张小明"))
    }

    @Test func pairingWritesPartnersAndCards() throws {
        let (folder, f) = try files()
        defer { try? FileManager.default.removeItem(at: folder) }
        let register = folder.appendingPathComponent("paired.csv").path, cards = folder.appendingPathComponent("cards.html").path
        let json = try CommandRunner.run(["children", "pair", f["schools"]!, f["children"]!, f["teachers"]!, "--register", register, "--cards", cards,
                                          "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        // C1 and C2 of class 4-1 (head teacher T1), C3 of 8-1 (T3): all with their head teacher;
        // C2's partner so far (T2) gives way to the head teacher: 1 + 1 + 1.
        #expect(object["needing"] as? Int == 3 && object["paired"] as? Int == 3 && object["with_head_teacher"] as? Int == 3)
        #expect(object["cost"] as? Int == 3)
        let pairs = try #require(object["pairs"] as? [[String: Any]])
        #expect(pairs.map { $0["teacher_id"] as? String } == ["T1", "T1", "T3"])
        #expect(try String(contentsOfFile: register, encoding: .utf8).contains("C1,张小明"))
        let html = try String(contentsOfFile: cards, encoding: .utf8)
        #expect(html.contains("张小明") && html.contains("13800000001") && html.contains("联系卡"))
        // With one child per teacher, the school of two left-behind children and one head teacher pairs both.
        let rules = try CommandRunner.write(#"{"pair_limit": 1}"#, to: "rules.json", in: folder)
        let one = try CommandRunner.run(["children", "pair", f["schools"]!, f["children"]!, f["teachers"]!, "--rules", rules, "--format", "json"])
        let limited = try #require(try JSONSerialization.jsonObject(with: one.stdout) as? [String: Any])
        #expect(limited["paired"] as? Int == 3 && limited["cost"] as? Int == 4)
    }

    /// The ledger is checked against the register alone when no schools file is given, and
    /// against both when one is.
    @Test func theLedgerIsCheckedAgainstWhatIsGiven() throws {
        let (folder, f) = try files()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = try CommandRunner.write("""
            county_code,child_id,school_code,status,opened,closed,reason,visit_date,visitor,outcome
            430102,C3,J1,劝返中,2026-09-10,,厌学,2026-09-20,王老师,家长同意督促返校

            """, to: "dropouts.csv", in: folder)
        let alone = try CommandRunner.run(["children", "dropouts", ledger, "--children", f["children"]!])
        #expect(alone.status == 0, "\(alone.stderr)")
        #expect(String(decoding: alone.stdout, as: UTF8.self).contains("家长同意督促返校"))
        let both = try CommandRunner.run(["children", "dropouts", ledger, "--children", f["children"]!, "--schools", f["schools"]!])
        #expect(both.status == 0, "\(both.stderr)")
        let stranger = try CommandRunner.write("""
            county_code,child_id,school_code,status,opened
            430102,X9,J9,辍学,2026-09-10

            """, to: "stranger.csv", in: folder)
        let refused = try CommandRunner.run(["children", "dropouts", stranger, "--children", f["children"]!, "--schools", f["schools"]!, "--lang", "en"])
        #expect(refused.status == 65 && refused.stderr.contains("stranger.csv:2:child_id:") && refused.stderr.contains("stranger.csv:2:school_code:"))
    }

    @Test func aBadRegisterIsRefusedAtItsCells() throws {
        let (folder, f) = try files()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = try CommandRunner.write("""
            county_code,year,child_id,name,birth_date,school_code,disability
            430102,2026,C1,甲,2013-02-29,P1,
            430102,2026,C2,乙,2012-01-01,P9,盲
            430102,2026,C1,丙,2012-01-01,P1,

            """, to: "bad.csv", in: folder)
        let answer = try CommandRunner.run(["children", "rates", f["schools"]!, bad, "--lang", "en"])
        #expect(answer.status == 65)
        #expect(answer.stderr.contains("bad.csv:2:birth_date:") && answer.stderr.contains("bad.csv:3:disability:")
                && answer.stderr.contains("bad.csv:4:child_id: duplicate child_id"))
        let unknown = try CommandRunner.write("""
            county_code,year,child_id,name,birth_date,school_code
            430102,2026,C2,乙,2012-01-01,P9

            """, to: "unknown.csv", in: folder)
        let refused = try CommandRunner.run(["children", "rates", f["schools"]!, unknown, "--lang", "en"])
        #expect(refused.status == 65 && refused.stderr.contains("unknown.csv:2:school_code: school_code P9 is not a school of county 430102 in 2026"))
    }

    /// Imported into a database, the register is listed masked for the system user and a
    /// planner, unmasked for the care officer — and that read (an export) is in the trail.
    @Test func theStoredRegisterIsShownByRole() async throws {
        let (folder, f) = try files()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("db.sqlite").path
        #expect(try CommandRunner.run(["import", f["schools"]!, "--database", database]).status == 0)
        let imported = try CommandRunner.run(["import", "--children", f["children"]!, "--cohorts", f["cohorts"]!, "--database", database])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(String(decoding: imported.stdout, as: UTF8.self).contains("儿童登记 6 人"))
        for (name, role) in [("care", "care_officer"), ("planner", "planner")] {
            let added = try CommandRunner.run(["user", "add", name, "--role", role, "--county", "430102", "--cost", "4", "--database", database],
                                              stdin: "password-\(name)\n")
            #expect(added.status == 0, "\(added.stderr)")
        }
        // A planner may not import a register.
        let refused = try CommandRunner.run(["import", "--children", f["children"]!, "--user", "planner", "--database", database])
        #expect(refused.status == 64)
        for user in [nil, "planner"] as [String?] {
            let list = try CommandRunner.run(["children", "list", "--county", "430102", "--year", "2026", "--database", database] + (user.map { ["--user", $0] } ?? []))
            let text = String(decoding: list.stdout, as: UTF8.self)
            #expect(list.status == 0 && !text.contains("张小明") && text.contains("张**") && !text.contains("13800000001"))
        }
        let export = folder.appendingPathComponent("export.csv").path
        let list = try CommandRunner.run(["children", "list", "--county", "430102", "--year", "2026", "--user", "care", "--export", export, "--database", database])
        #expect(list.status == 0 && String(decoding: list.stdout, as: UTF8.self).contains("张小明"))
        #expect(try String(contentsOfFile: export, encoding: .utf8).contains("13800000001"))
        let store = try await SQLStore.open(try DatabaseLocation(database))
        let reads = try await store.auditTrail(AuditQuery(counties: ["430102"])).entries.filter { $0.action == .personalRead }
        try await store.shutdown()
        #expect(reads.count == 1)
        #expect(reads.first?.accountName == "care" && reads.first?.field == "export export.csv" && reads.first?.newValue == "C1,C2,C3,C4,C5,C6")
    }
}
