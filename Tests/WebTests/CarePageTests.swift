import Demo
import Domain
import Foundation
import HTTPTypes
import Interchange
import Spreadsheet
import Storage
import Testing
import UseCases
@testable import Web

/// The care pages (关爱帮扶) and their API: every route for every role — names only where the
/// care officer may see them, every unmasked view and export in the trail, masked exports
/// holding no full name, id, phone or address (read back as CSV and as a workbook).
@Suite("Care pages")
struct CarePageTests {
    /// The fixture with the demo register, cohorts and ledger of its counties, and two care
    /// officers of county A: `care` (the county) and `careTeacher` (school A).
    static func fixture() async throws -> (WebFixture, [Child]) {
        let fixture = try await WebFixture()
        let demo = DemoGenerator(seed: 11, counties: 2, year: 2025)
        let data = demo.generate()
        let care = demo.care(of: data, teachers: demo.teachersWithClasses(of: data))
        let admin = try #require(await fixture.store.account(named: "admin"))
        let a = fixture.countyA
        var register = care.children.filter { $0.countyCode == a }
        // One child of the other school with every personal field, to look for in what is shown.
        let index = try #require(register.firstIndex { $0.schoolCode == fixture.otherSchoolA })
        register[index].name = "司马相如"
        register[index].guardianPhone = "13912345678"
        register[index].address = "某某村九组"
        register[index].leftBehind = .bothParentsAway
        _ = try await fixture.store.replaceChildren(county: a, year: 2025, children: register, by: admin, at: fixture.clock.now)
        _ = try await fixture.store.saveDropoutCases(county: a, cases: care.dropouts.filter { $0.countyCode == a }, by: admin, at: fixture.clock.now)
        for (name, school) in [("care", nil), ("careTeacher", fixture.schoolA)] as [(String, String?)] {
            _ = try await fixture.store.createAccount(
                NewAccount(name: name, role: .careOfficer, counties: [a], schoolCode: school,
                           passwordHash: try await fixture.services.passwords.hash("pw-" + name)), at: fixture.clock.now)
        }
        return (fixture, register)
    }

    /// Per role: the status of the county's care pages on county A, and whether names show on
    /// the other school's list (the clerk is school A's: the other school is not theirs).
    static let access: [(role: String, status: HTTPResponse.Status, otherSchool: HTTPResponse.Status, names: Bool)] = [
        ("admin", .ok, .ok, false), ("planner", .ok, .ok, false), ("supervisor", .ok, .ok, false),
        ("supervisorB", .forbidden, .forbidden, false), ("clerk", .forbidden, .forbidden, false),
        ("care", .ok, .ok, true), ("careTeacher", .ok, .ok, false),
    ]

    @Test func everyRoleOnEveryReadingRoute() async throws {
        let (fixture, register) = try await Self.fixture()
        let a = fixture.countyA, other = fixture.otherSchoolA
        let secret = register.first { $0.name == "司马相如" }!
        try await fixture.test { client in
            for (role, status, otherStatus, names) in Self.access {
                var browser = try await Browser.signedIn(client, as: role)
                let dashboard = try await browser.send("/counties/\(a)/care?year=2025")
                #expect(dashboard.status == status, "\(role) reads the dashboard")
                if status == .ok {
                    #expect(!dashboard.text.contains("司马相如") && !dashboard.text.contains(secret.id), "\(role): the dashboard names nobody")
                }
                let list = try await browser.send("/counties/\(a)/care/schools/\(other)?year=2025")
                #expect(list.status == otherStatus, "\(role) reads the other school's list")
                let cards = try await browser.send("/counties/\(a)/care/schools/\(other)/cards?year=2025")
                #expect(cards.status == otherStatus, "\(role) prints the other school's cards")
                let ledger = try await browser.send("/counties/\(a)/care/dropouts?year=2025")
                #expect(ledger.status == status, "\(role) reads the ledger")
                for format in ["csv", "xlsx"] {
                    let export = try await browser.send("/counties/\(a)/care/export?format=\(format)&school=\(other)&year=2025")
                    #expect(export.status == otherStatus, "\(role) exports the list as \(format)")
                    guard export.status == .ok else { continue }
                    let text = format == "csv" ? export.text : try Self.workbookText(export.bytes)
                    #expect(text.contains("司马相如") == names, "\(role): names in the \(format) export")
                    #expect(text.contains(secret.id) == names && text.contains("13912345678") == names && text.contains("某某村九组") == names,
                            "\(role): id, phone and address in the \(format) export")
                    if !names { #expect(text.contains("司***") && text.contains(Child.maskedID(secret.id))) }
                }
                if otherStatus == .ok {
                    #expect(list.text.contains("司马相如") == names && list.text.contains("13912345678") == names, "\(role): names on the list")
                    #expect(cards.text.contains("13912345678") == names, "\(role): phones on the cards")
                }
                let api = try await browser.api("/api/counties/\(a)/care?year=2025")
                #expect(api.status == status, "\(role) reads the API")
                if api.status == .ok { #expect(!api.text.contains("司马相如") && (api.json["totals"] as? [String: Any])?["children"] as? Int == register.count) }
            }
            // The school's care teacher sees their own school's names, not the other's.
            var teacher = try await Browser.signedIn(client, as: "careTeacher")
            let own = register.first { $0.schoolCode == fixture.schoolA }!
            #expect(try await teacher.send("/counties/\(a)/care/schools/\(fixture.schoolA)?year=2025").text.contains(own.name))
            // The school's clerk sees their own school's list, masked.
            var clerk = try await Browser.signedIn(client, as: "clerk")
            let clerkList = try await clerk.send("/counties/\(a)/care/schools/\(fixture.schoolA)?year=2025")
            #expect(clerkList.status == .ok && !clerkList.text.contains(own.name) && clerkList.text.contains(Child.maskedName(own.name)))
            var anonymous = Browser(client)
            for path in ["/counties/\(a)/care", "/counties/\(a)/care/schools/\(other)", "/counties/\(a)/care/schools/\(other)/cards",
                         "/counties/\(a)/care/export?format=csv", "/counties/\(a)/care/dropouts"] {
                let answer = try await anonymous.send(path)
                #expect(answer.status == .found && !answer.text.contains("司马相如"), "anonymous \(path)")
            }
            #expect(try await anonymous.api("/api/counties/\(a)/care").status == .unauthorized)
        }
    }

    /// Each look at names is in the trail: who, which children, which page or export; nobody
    /// else's look is (they saw no names); a supervisor reading the trail sees the ids masked.
    @Test func everyPersonalReadIsInTheTrail() async throws {
        let (fixture, register) = try await Self.fixture()
        let a = fixture.countyA, other = fixture.otherSchoolA
        let ids = register.filter { $0.schoolCode == other }.map(\.id).sorted()
        let trail = try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            _ = try await planner.send("/counties/\(a)/care/schools/\(other)?year=2025")
            var care = try await Browser.signedIn(client, as: "care")
            // The care officer's navigation leads to the care pages, not to imports or the trail they may not use.
            let dashboard = try await care.send("/counties/\(a)/care?year=2025")
            #expect(dashboard.text.contains("href=\"/counties/\(a)/care\"") && !dashboard.text.contains("href=\"/import\"")
                    && !dashboard.text.contains("href=\"/audit\""))
            _ = try await care.send("/counties/\(a)/care/schools/\(other)?year=2025")
            _ = try await care.send("/counties/\(a)/care/export?format=csv&school=\(other)&year=2025")
            var supervisor = try await Browser.signedIn(client, as: "supervisor")
            let page = try await supervisor.send("/audit?county=\(a)")
            #expect(page.status == .ok && !page.text.contains(ids[0]) && page.text.contains("查阅儿童个人信息"))
            return await fixture.store.auditTrail(AuditQuery(counties: [a])).entries.filter { $0.action == .personalRead }
        }
        #expect(trail.count == 2)
        #expect(trail.allSatisfy { $0.accountName == "care" && $0.schoolCode == other && $0.newValue == ids.joined(separator: ",") })
        #expect(Set(trail.map(\.field)) == ["/counties/\(a)/care/schools/\(other)", "export junheng-children-\(a)-2025-\(other).csv"])
    }

    @Test func onlyTheCareOfficerChangesCareData() async throws {
        let (fixture, register) = try await Self.fixture()
        let a = fixture.countyA
        let csv = try ChildrenWriter().write(register)
        let c = register.first { $0.schoolCode != nil && ($0.grade ?? 0) >= 7 }!
        let teachers = try TeachersWriter().write(DemoGenerator(seed: 11, counties: 2, year: 2025).teachersWithClasses(
            of: DemoGenerator(seed: 11, counties: 2, year: 2025).generate()).filter { t in register.contains { $0.schoolCode == t.schoolCode } })
        try await fixture.test { client in
            for (role, allowed) in [("admin", true), ("planner", false), ("supervisor", false), ("clerk", false), ("careTeacher", false), ("care", true)] {
                var browser = try await Browser.signedIn(client, as: role)
                let imported = try await browser.postForm("/counties/\(a)/care/import", files: [("children", "children.csv", csv)], fields: [("year", "2025")])
                #expect(imported.status == (allowed ? .ok : .forbidden), "\(role) imports the register")
                let paired = try await browser.postForm("/counties/\(a)/care/pair", files: [("teachers", "teachers.csv", teachers)], fields: [("year", "2025")])
                #expect(paired.status == (allowed ? .ok : .forbidden), "\(role) pairs")
                let left = register.first { $0.leftBehind.isLeftBehind && $0.schoolCode != nil }!
                if allowed { #expect(paired.text.contains("结对帮扶名单") && paired.text.contains(left.name) == (role == "care"), "\(role) sees the pairs") }
            }
            for (role, allowed) in [("admin", false), ("planner", false), ("supervisor", false), ("care", true)] {
                var browser = try await Browser.signedIn(client, as: role)
                let visit = try await browser.postForm("/counties/\(a)/care/dropouts", files: [], fields: [
                    ("year", "2025"), ("child_id", c.id), ("opened", "2025-09-10"), ("status", "persuading"),
                    ("visit_date", "2025-09-20"), ("visitor", "王老师"), ("outcome", "家长同意"),
                ])
                #expect(visit.status == (allowed ? .seeOther : .forbidden), "\(role) follows a case up")
            }
            var anonymous = Browser(client)
            #expect(try await anonymous.postForm("/counties/\(a)/care/import", files: [("children", "c.csv", csv)]).status != .ok)
        }
        let cases = await fixture.store.dropoutCases(county: a)
        #expect(cases.contains { $0.childID == c.id && $0.visits.map(\.visitor) == ["王老师"] && $0.status == .persuading })
        let stored = await fixture.store.children(county: a, year: 2025)
        #expect(stored.filter { $0.leftBehind.isLeftBehind && $0.schoolCode != nil }.allSatisfy { $0.partner != nil })
    }

    /// The county's evaluation (page and API) computes quality item 2 and item 15 from the stored
    /// register, as `junheng evaluate --children` does.
    @Test func theEvaluationUsesTheStoredRegister() async throws {
        let (fixture, register) = try await Self.fixture()
        let a = fixture.countyA
        let schools = await fixture.store.schoolYears(county: a, year: 2025)
        let rates = CareRates(children: register, schools: schools)
        let facts = try await fixture.test { client in
            var supervisor = try await Browser.signedIn(client, as: "supervisor")
            let answer = try await supervisor.api("/api/counties/\(a)/years/2025/evaluation")
            #expect(answer.status == .ok)
            let county = try #require((answer.json["counties"] as? [[String: Any]])?.first)
            return try #require(county["facts"] as? [[String: Any]]).map { "\($0["item"] ?? "") \($0["source"] ?? "") \($0["value"] ?? "")" }
        }
        #expect(facts.contains("quality_02_disabled_enrollment computed \(rates.disabledEnrollment.percent!)"))
        #expect(facts.contains("gov_15_left_behind_care computed \(rates.county.needPartner == rates.county.paired ? 1 : 0)"))
    }

    /// A register with a bad row is refused at its cell and nothing is written.
    @Test func aBadRegisterIsRefusedWhole() async throws {
        let (fixture, register) = try await Self.fixture()
        let a = fixture.countyA
        var bad = register
        bad[1].schoolCode = "NOSUCH"
        bad.append(register[0])
        let before = await fixture.store.children(county: a, year: 2025)
        let file = try ChildrenWriter().write(bad)
        let text = try await fixture.test { client in
            var care = try await Browser.signedIn(client, as: "care")
            let answer = try await care.postForm("/counties/\(a)/care/import", files: [("children", "children.csv", file)],
                                                 fields: [("year", "2025")])
            #expect(answer.status == .unprocessableContent)
            return answer.text
        }
        #expect(text.contains("学籍号重复") && text.contains("children.csv"))
        #expect(await fixture.store.children(county: a, year: 2025) == before)
    }

    static func workbookText(_ bytes: [UInt8]) throws -> String {
        let book = try XLSXWorkbook(bytes: bytes, file: "export.xlsx")
        var text = ""
        for name in book.sheetNames {
            for row in try book.sheet(named: name).rows {
                for cell in row.cells {
                    if case let .text(t) = cell.value { text += t + "\n" }
                    if case let .number(n) = cell.value { text += n + "\n" }
                }
            }
        }
        return text
    }
}
