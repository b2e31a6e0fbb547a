import Domain
import Foundation
import HTTPTypes
import Interchange
import Spreadsheet
import Storage
import Testing
import UseCases
@testable import Web

@Suite("JSON API")
struct APITests {
    static let everyone = ["admin", "planner", "supervisor", "supervisorB", "clerk"]

    /// Who may read county A's data (the county-wide routes), and who is refused.
    static let readsCountyA: Set = ["admin", "planner", "supervisor"]

    // MARK: Anonymous

    @Test func anonymousRequestsAre401JSON() async throws {
        let fixture = try await WebFixture()
        let a = fixture.countyA, s = fixture.schoolA
        try await fixture.test { client in
            var browser = Browser(client)
            let routes: [(HTTPRequest.Method, String)] = [
                (.get, "/api/me"), (.get, "/api/counties"), (.get, "/api/counties/\(a)/years/2025/evaluation"),
                (.get, "/api/counties/\(a)/years/2025/schools"), (.get, "/api/counties/\(a)/schools/\(s)/years/2025"),
                (.patch, "/api/counties/\(a)/schools/\(s)/years/2025"), (.get, "/api/counties/\(a)/schools/\(s)/history"),
                (.post, "/api/counties/\(a)/years/2025/lock"), (.delete, "/api/counties/\(a)/years/2025/lock"),
                (.post, "/api/import?kind=schools"), (.get, "/api/audit"), (.get, "/api/province"),
            ]
            for (method, uri) in routes {
                let response = try await browser.api(uri, method: method, json: method == .get ? nil : "{}")
                #expect(response.status == .unauthorized, "\(method) \(uri)")
                #expect(response.errorCode == "unauthenticated", "\(method) \(uri)")
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let error = try #require(response.json["error"] as? [String: Any])
                #expect(error["message"] is String && error["details"] is [Any])
            }
        }
    }

    // MARK: Me and counties

    @Test(arguments: everyone)
    func meIsTheSignedInAccount(_ name: String) async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: name)
            let me = try await browser.api("/api/me")
            #expect(me.status == .ok)
            #expect(me.json["name"] as? String == name)
            #expect(me.json["passwordHash"] == nil && !me.text.contains("$2"))
            let role = name.hasPrefix("supervisor") ? "supervisor" : name
            #expect(me.json["role"] as? String == role)
        }
    }

    @Test(arguments: everyone)
    func countiesAreThoseTheViewerReads(_ name: String) async throws {
        let fixture = try await WebFixture()
        let admin = try #require(await fixture.store.account(named: "admin"))
        _ = try await fixture.store.lockYear(county: fixture.countyA, year: 2024, by: admin, at: fixture.clock.now)
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: name)
            let response = try await browser.api("/api/counties")
            #expect(response.status == .ok)
            let counties = response.array("counties")
            let codes = counties.compactMap { $0["code"] as? String }
            let expected: [String] = switch name {
            case "admin", "supervisor": [fixture.countyA, fixture.countyB]
            case "planner": [fixture.countyA]
            case "supervisorB": [fixture.countyB]
            default: []  // a clerk reads one school, not a county
            }
            #expect(codes == expected)
            if let a = counties.first(where: { $0["code"] as? String == fixture.countyA }) {
                #expect(a["years"] as? [Int] == [2024, 2025])
                #expect(a["locked_years"] as? [Int] == [2024])
                #expect(a["name"] is String)
            }
        }
    }

    // MARK: Evaluation and school rows

    @Test(arguments: everyone)
    func evaluationOfCountyA(_ name: String) async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: name)
            let response = try await browser.api("/api/counties/\(fixture.countyA)/years/2025/evaluation")
            guard Self.readsCountyA.contains(name) else {
                #expect(response.status == .forbidden && response.errorCode == "forbidden")
                return
            }
            #expect(response.status == .ok)
            #expect(response.json["standard"] as? String == WebFixture.standard.key)
            let county = try #require((response.json["counties"] as? [[String: Any]])?.first)
            #expect(county["county_code"] as? String == fixture.countyA)
            #expect(county["year"] as? Int == 2025)
            #expect(["pass", "fail", "incomplete"].contains(county["verdict"] as? String ?? ""))
            let schools = try #require(county["schools"] as? [[String: Any]])
            #expect(schools.contains { $0["school_code"] as? String == fixture.schoolA })
            // Nothing of another county leaks in.
            #expect(!response.text.contains(fixture.schoolB))
        }
    }

    @Test func evaluationOfAMissingYearOrCountyIs404() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "admin")
            #expect(try await browser.api("/api/counties/\(fixture.countyA)/years/2019/evaluation").errorCode == "not_found")
            #expect(try await browser.api("/api/counties/999999/years/2025/evaluation").status == .notFound)
            // A code that cannot be a county breaks the declared parameter: 400, not 404.
            #expect(try await browser.api("/api/counties/abc/years/2025/evaluation").errorCode == "bad_request")
            #expect(try await browser.api("/api/nothing-here").status == .notFound)
        }
    }

    @Test func evaluationSpeaksEnglish() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "planner")
            let zh = try await browser.api("/api/counties/\(fixture.countyA)/years/2025/evaluation")
            let en = try await browser.api("/api/counties/\(fixture.countyA)/years/2025/evaluation?lang=en")
            let reasons = { (r: TestResponse) in ((r.json["counties"] as? [[String: Any]])?.first?["reasons"] as? [String]) ?? [] }
            #expect(reasons(zh).count == reasons(en).count)
            if let first = reasons(en).first { #expect(!first.contains("差异系数")) }
        }
    }

    @Test(arguments: everyone)
    func schoolRowsOfCountyA(_ name: String) async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: name)
            let response = try await browser.api("/api/counties/\(fixture.countyA)/years/2025/schools")
            guard Self.readsCountyA.contains(name) else {
                #expect(response.status == .forbidden && response.errorCode == "forbidden")
                return
            }
            #expect(response.status == .ok)
            #expect(response.json["locked"] as? Bool == false)
            let schools = response.array("schools")
            #expect(schools.count == fixture.rows(county: fixture.countyA, year: 2025).count)
            let row = try #require(schools.first { $0["school_code"] as? String == fixture.schoolA })
            #expect(Set(row.keys) == Set(SchoolField.allCases.map(\.key)))
            let expected = fixture.row(fixture.schoolA)
            #expect(row["year"] as? Int == 2025)
            #expect(row["school_type"] as? String == expected.type.rawValue)
            #expect((row["teaching_area"] as? NSNumber)?.doubleValue == expected.facilities.teachingArea)
            #expect(row["computers"] as? Int == expected.facilities.computers)
            #expect(row["boarding"] is Bool || row["boarding"] is NSNull)
        }
    }

    @Test func schoolRowsKeepTheCatalogueOrder() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "planner")
            let response = try await browser.api("/api/counties/\(fixture.countyA)/schools/\(fixture.schoolA)/years/2025")
            let keys = SchoolField.allCases.map { "\"\($0.key)\":" }
            let positions = keys.compactMap { response.text.range(of: $0)?.lowerBound }
            #expect(positions.count == keys.count && positions == positions.sorted())
        }
    }

    /// Who may read school A (county-wide readers and its clerk) and school A's neighbour.
    @Test(arguments: everyone)
    func oneSchoolAndItsHistory(_ name: String) async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: name)
            let mayReadOwn = Self.readsCountyA.contains(name) || name == "clerk"
            let base = "/api/counties/\(fixture.countyA)/schools"
            let show = try await browser.api("\(base)/\(fixture.schoolA)/years/2025")
            let history = try await browser.api("\(base)/\(fixture.schoolA)/history")
            if mayReadOwn {
                #expect(show.status == .ok && history.status == .ok)
                #expect((show.json["school"] as? [String: Any])?["school_code"] as? String == fixture.schoolA)
                #expect(history.array("years").compactMap { $0["year"] as? Int } == [2024, 2025])
            } else {
                #expect(show.status == .forbidden && history.status == .forbidden)
                #expect(show.errorCode == "forbidden" && history.errorCode == "forbidden")
            }
            // Another school of the county: never the clerk's.
            let other = try await browser.api("\(base)/\(fixture.otherSchoolA)/years/2025")
            let otherHistory = try await browser.api("\(base)/\(fixture.otherSchoolA)/history")
            let mayReadOther = Self.readsCountyA.contains(name)
            #expect(other.status == (mayReadOther ? .ok : .forbidden))
            #expect(otherHistory.status == (mayReadOther ? .ok : .forbidden))
            #expect(mayReadOther || !other.text.contains("teaching_area"))
        }
    }

    @Test func missingSchoolIs404ForThoseWhoMayLook() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            #expect(try await planner.api("/api/counties/\(fixture.countyA)/schools/NOPE/years/2025").status == .notFound)
            #expect(try await planner.api("/api/counties/\(fixture.countyA)/schools/NOPE/history").status == .notFound)
            #expect(try await planner.api("/api/counties/\(fixture.countyA)/schools/\(fixture.schoolA)/years/2019").status == .notFound)
            // A clerk asking for an unknown school is refused before anything is looked up.
            var clerk = try await Browser.signedIn(client, as: "clerk")
            #expect(try await clerk.api("/api/counties/\(fixture.countyA)/schools/NOPE/years/2025").status == .forbidden)
        }
    }

    // MARK: Editing

    static func patch(_ fixture: WebFixture, _ school: String) -> String {
        "/api/counties/\(fixture.countyA)/schools/\(school)/years/2025"
    }

    @Test(arguments: everyone)
    func patchingSchoolA(_ name: String) async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: name)
            let before = try await fixture.trailCount()
            let old = try #require(fixture.row(fixture.schoolA).facilities.teachingArea)
            let response = try await browser.api(Self.patch(fixture, fixture.schoolA), method: .patch, json: #"{"teaching_area": "5300.5", "computers": 321}"#)
            let stored = await fixture.store.schoolYear(county: fixture.countyA, school: fixture.schoolA, year: 2025)
            guard ["admin", "planner", "clerk"].contains(name) else {
                #expect(response.status == .forbidden && response.errorCode == "forbidden")
                #expect(stored?.facilities.teachingArea == old)
                #expect(try await fixture.trailCount() == before)
                return
            }
            #expect(response.status == .ok)
            let changes = response.array("changes")
            #expect(changes.count == 2)
            let area = try #require(changes.first { $0["field"] as? String == "teaching_area" })
            #expect(area["old"] as? String == FieldValue.decimal(old).text)
            #expect(area["new"] as? String == "5300.5")
            #expect(try await fixture.trailCount() == before + 2)
            let again = try await browser.api(Self.patch(fixture, fixture.schoolA), method: .patch, json: #"{"teaching_area": 5300.5}"#)
            #expect(try await fixture.trailCount() == before + 2)
            guard name == "clerk" else {
                #expect(response.json["for_review"] as? Bool == false)
                #expect(stored?.facilities.teachingArea == 5300.5 && stored?.facilities.computers == 321)
                // The same values again change nothing.
                #expect(again.status == .ok && again.array("changes").isEmpty)
                return
            }
            // A clerk's edit waits for the county's review: the approved row is unchanged, and
            // the answer keeps saying how the submission differs from it.
            #expect(response.json["for_review"] as? Bool == true)
            #expect(stored?.facilities.teachingArea == old)
            let submitted = try await fixture.store.submission(county: fixture.countyA, school: fixture.schoolA, year: 2025)?.row
            #expect(submitted?.facilities.teachingArea == 5300.5 && submitted?.facilities.computers == 321)
            #expect(again.status == .ok && again.array("changes").count == 2)
        }
    }

    @Test func clerkCannotWriteAnotherSchool() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var clerk = try await Browser.signedIn(client, as: "clerk")
            let before = try await fixture.trailCount()
            let response = try await clerk.api(Self.patch(fixture, fixture.otherSchoolA), method: .patch, json: #"{"computers": 1}"#)
            #expect(response.status == .forbidden && response.errorCode == "forbidden")
            let elsewhere = try await clerk.api("/api/counties/\(fixture.countyB)/schools/\(fixture.schoolB)/years/2025", method: .patch, json: #"{"computers": 1}"#)
            #expect(elsewhere.status == .forbidden)
            let stored = await fixture.store.schoolYear(county: fixture.countyA, school: fixture.otherSchoolA, year: 2025)
            #expect(stored?.facilities.computers == fixture.row(fixture.otherSchoolA).facilities.computers)
            #expect(try await fixture.trailCount() == before)
        }
    }

    @Test func invalidValuesAre422WithEveryProblem() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "planner")
            let before = try await fixture.trailCount()
            let bad = try await browser.api(Self.patch(fixture, fixture.schoolA), method: .patch, json: #"{"teaching_area": "很大"}"#)
            #expect(bad.status == .unprocessableContent && bad.errorCode == "invalid_data")
            #expect(bad.errorDetails.contains { $0.hasPrefix("form:2:教学及辅助用房面积: ") })
            let unknown = try await browser.api(Self.patch(fixture, fixture.schoolA), method: .patch, json: #"{"colour": "red", "books": [1]}"#)
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.errorDetails.count == 2 && unknown.errorDetails.contains { $0.hasPrefix("colour: ") })
            let identity = try await browser.api(Self.patch(fixture, fixture.schoolA), method: .patch, json: #"{"school_code": "X1"}"#)
            #expect(identity.status == .unprocessableContent)
            let notObject = try await browser.api(Self.patch(fixture, fixture.schoolA), method: .patch, json: #"[1, 2]"#)
            #expect(notObject.status == .badRequest && notObject.errorCode == "bad_request")
            #expect(try await fixture.trailCount() == before)
        }
    }

    @Test func lockedYearRefusesPatchAndChangesNothing() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            #expect(try await planner.api("/api/counties/\(fixture.countyA)/years/2025/lock", method: .post).status == .created)
            let before = try await fixture.trailCount()
            let response = try await planner.api(Self.patch(fixture, fixture.schoolA), method: .patch, json: #"{"computers": 999}"#)
            #expect(response.status == .conflict && response.errorCode == "locked")
            var clerk = try await Browser.signedIn(client, as: "clerk")
            #expect(try await clerk.api(Self.patch(fixture, fixture.schoolA), method: .patch, json: #"{"computers": 999}"#).status == .conflict)
            #expect(try await fixture.trailCount() == before)
            let stored = await fixture.store.schoolYear(county: fixture.countyA, school: fixture.schoolA, year: 2025)
            #expect(stored?.facilities.computers == fixture.row(fixture.schoolA).facilities.computers)
            // The other year stays open.
            let open = try await planner.api("/api/counties/\(fixture.countyA)/schools/\(fixture.schoolA)/years/2024", method: .patch, json: #"{"computers": 999}"#)
            #expect(open.status == .ok)
            let shown = try await planner.api("/api/counties/\(fixture.countyA)/schools/\(fixture.schoolA)/years/2025")
            #expect(shown.json["locked"] as? Bool == true)
        }
    }

    @Test func unsafeRequestsNeedTheSessionsCSRFHeader() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "planner")
            let token = try #require(browser.csrf)
            let before = try await fixture.trailCount()
            let uri = Self.patch(fixture, fixture.schoolA)
            browser.csrf = nil
            let missing = try await browser.api(uri, method: .patch, json: #"{"computers": 5}"#)
            #expect(missing.status == .forbidden && missing.errorCode == "csrf_token_invalid")
            browser.csrf = String(token.reversed())
            let forged = try await browser.api(uri, method: .patch, json: #"{"computers": 5}"#)
            #expect(forged.status == .forbidden && forged.errorCode == "csrf_token_invalid")
            let lock = try await browser.api("/api/counties/\(fixture.countyA)/years/2025/lock", method: .post)
            #expect(lock.errorCode == "csrf_token_invalid")
            let upload = try await browser.apiImport("kind=schools", bytes: WebFixture.csv([fixture.row(fixture.schoolA)]))
            #expect(upload.errorCode == "csrf_token_invalid")
            // Another session's token is no better.
            let other = try await Browser.signedIn(client, as: "admin")
            browser.csrf = other.csrf
            #expect(try await browser.api(uri, method: .patch, json: #"{"computers": 5}"#).errorCode == "csrf_token_invalid")
            #expect(try await fixture.trailCount() == before)
            browser.csrf = token
            #expect(try await browser.api(uri, method: .patch, json: #"{"computers": 5}"#).status == .ok)
        }
    }

    // MARK: Locks

    @Test(arguments: everyone)
    func lockingCountyA(_ name: String) async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: name)
            let uri = "/api/counties/\(fixture.countyA)/years/2025/lock"
            let response = try await browser.api(uri, method: .post)
            let locks = await fixture.store.locks(county: fixture.countyA)
            guard name == "admin" || name == "planner" else {
                #expect(response.status == .forbidden && response.errorCode == "forbidden")
                #expect(locks.isEmpty)
                return
            }
            #expect(response.status == .created)
            #expect(response.json["county_code"] as? String == fixture.countyA)
            #expect(response.json["locked_by"] as? String == name)
            #expect(response.json["year"] as? Int == 2025)
            #expect(locks.map(\.year) == [2025])
            let twice = try await browser.api(uri, method: .post)
            #expect(twice.status == .conflict && twice.errorCode == "locked")
            let trail = await fixture.store.auditTrail(AuditQuery(counties: [fixture.countyA], limit: 1)).entries
            #expect(trail.first?.action == .lock && trail.first?.accountName == name)
        }
    }

    @Test func plannerCannotLockAnotherCountyOrAYearWithoutData() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            #expect(try await planner.api("/api/counties/\(fixture.countyB)/years/2025/lock", method: .post).status == .forbidden)
            #expect(try await planner.api("/api/counties/\(fixture.countyA)/years/2031/lock", method: .post).status == .notFound)
            #expect(await fixture.store.locks(county: fixture.countyB).isEmpty)
        }
    }

    @Test(arguments: everyone)
    func onlyAnAdministratorLiftsALock(_ name: String) async throws {
        let fixture = try await WebFixture()
        let admin = try #require(await fixture.store.account(named: "admin"))
        _ = try await fixture.store.lockYear(county: fixture.countyA, year: 2025, by: admin, at: fixture.clock.now)
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: name)
            let uri = "/api/counties/\(fixture.countyA)/years/2025/lock"
            let response = try await browser.api(uri, method: .delete)
            let locks = await fixture.store.locks(county: fixture.countyA)
            guard name == "admin" else {
                #expect(response.status == .forbidden && response.errorCode == "forbidden")
                #expect(locks.count == 1)
                return
            }
            #expect(response.status == .noContent)
            #expect(locks.isEmpty)
            #expect(try await browser.api(uri, method: .delete).status == .notFound)
            let trail = await fixture.store.auditTrail(AuditQuery(counties: [fixture.countyA], limit: 1)).entries
            #expect(trail.first?.action == .unlock)
        }
    }

    // MARK: Import

    @Test(arguments: everyone)
    func importingARowOfSchoolA(_ name: String) async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: name)
            var row = fixture.row(fixture.schoolA)
            row.facilities.books = (row.facilities.books ?? 0) + 500
            let before = try await fixture.trailCount()
            let response = try await browser.apiImport("kind=schools&filename=a.csv", bytes: WebFixture.csv([row]))
            let stored = await fixture.store.schoolYear(county: fixture.countyA, school: fixture.schoolA, year: 2025)
            guard ["admin", "planner", "clerk"].contains(name) else {
                #expect(response.status == .forbidden && response.errorCode == "forbidden")
                #expect(stored?.facilities.books == fixture.row(fixture.schoolA).facilities.books)
                #expect(try await fixture.trailCount() == before)
                return
            }
            #expect(response.status == .ok)
            #expect(response.json["added"] as? Int == 0 && response.json["unchanged"] as? Int == 0 && response.json["facts"] as? Int == 0)
            guard name != "clerk" else {
                // A clerk's import waits for the county's review.
                #expect(response.json["changed"] as? Int == 0 && response.json["for_review"] as? Int == 1)
                #expect(stored?.facilities.books == fixture.row(fixture.schoolA).facilities.books)
                let draft = await fixture.store.auditTrail(AuditQuery(counties: [fixture.countyA], limit: 1)).entries.first
                #expect(draft?.action == .draftRow && draft?.field == "books" && draft?.accountName == name)
                return
            }
            #expect(response.json["changed"] as? Int == 1 && response.json["for_review"] as? Int == 0)
            #expect(stored?.facilities.books == row.facilities.books)
            let file = await fixture.store.auditTrail(AuditQuery(counties: [fixture.countyA], limit: 10)).entries.first { $0.action == .importFile }
            #expect(file?.note == "a.csv" && file?.accountName == name)
        }
    }

    @Test func clerkCannotImportAnotherSchool() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var clerk = try await Browser.signedIn(client, as: "clerk")
            var other = fixture.row(fixture.otherSchoolA)
            other.facilities.books = (other.facilities.books ?? 0) + 1
            let before = try await fixture.trailCount()
            let response = try await clerk.apiImport("kind=schools", bytes: WebFixture.csv([other]))
            #expect(response.status == .forbidden && response.errorCode == "forbidden")
            #expect(response.text.contains(fixture.otherSchoolA))
            #expect(try await fixture.trailCount() == before)
        }
    }

    @Test func importWithOneBadCellWritesNothing() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "planner")
            var rows = fixture.rows(county: fixture.countyA, year: 2025)
            rows[0].facilities.books = (rows[0].facilities.books ?? 0) + 1
            rows[1].primary.students = nil
            rows[1].junior.students = nil
            let before = try await fixture.trailCount()
            let response = try await browser.apiImport("kind=schools&filename=bad.csv", bytes: WebFixture.csv(rows))
            #expect(response.status == .unprocessableContent && response.errorCode == "invalid_data")
            #expect(response.errorDetails.contains { $0.hasPrefix("bad.csv:3:") })
            #expect(try await fixture.trailCount() == before)
            let stored = await fixture.store.schoolYear(county: fixture.countyA, school: rows[0].schoolCode, year: 2025)
            #expect(stored?.facilities.books == fixture.row(rows[0].schoolCode).facilities.books)
        }
    }

    @Test func lockedYearRefusesImport() async throws {
        let fixture = try await WebFixture()
        let admin = try #require(await fixture.store.account(named: "admin"))
        _ = try await fixture.store.lockYear(county: fixture.countyA, year: 2025, by: admin, at: fixture.clock.now)
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "planner")
            var row = fixture.row(fixture.schoolA)
            row.facilities.books = (row.facilities.books ?? 0) + 1
            let before = try await fixture.trailCount()
            let response = try await browser.apiImport("kind=schools", bytes: WebFixture.csv([row]))
            #expect(response.status == .conflict && response.errorCode == "locked")
            #expect(try await fixture.trailCount() == before)
        }
    }

    @Test func importReadsAWorkbookSheetAndFacts() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "planner")
            // A workbook whose second sheet holds the CSV's cells.
            var row = fixture.row(fixture.schoolA)
            row.facilities.multimediaRooms = (row.facilities.multimediaRooms ?? 0) + 3
            let csv = String(decoding: WebFixture.csv([row]), as: UTF8.self)
            var sheet = XLSXSheetContent(name: "数据")
            sheet.rows = csv.split(whereSeparator: \.isNewline).map { line in
                line.split(separator: ",", omittingEmptySubsequences: false).map { XLSXOutputCell($0.isEmpty ? .empty : .text(String($0))) }
            }
            var writer = XLSXWriter()
            writer.add(XLSXSheetContent(name: "说明"))
            writer.add(sheet)
            let workbook = try writer.bytes()
            let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            let response = try await browser.apiImport("kind=schools&filename=a.xlsx&sheet=%E6%95%B0%E6%8D%AE", bytes: workbook, contentType: xlsx)
            #expect(response.status == .ok)
            #expect(response.json["changed"] as? Int == 1)
            let stored = await fixture.store.schoolYear(county: fixture.countyA, school: fixture.schoolA, year: 2025)
            #expect(stored?.facilities.multimediaRooms == row.facilities.multimediaRooms)

            let rule = try #require(WebFixture.standard.facts.first { rule in
                if case .mustBeTrue = rule.check { return true } else { return false }
            })
            let old = await fixture.store.facts(year: 2025, counties: [fixture.countyA]).first { $0.item == rule.key }?.value
            let fact = CountyFact(year: 2025, countyCode: fixture.countyA, item: rule.key, value: old == .yes ? .no : .yes)
            let facts = try await browser.apiImport("kind=facts&filename=f.csv", bytes: FactsWriter().write([fact]))
            #expect(facts.status == .ok)
            #expect(facts.json["facts"] as? Int == 1 && facts.json["added"] as? Int == 0)
            let recorded = await fixture.store.facts(year: 2025, counties: [fixture.countyA]).first { $0.item == rule.key }
            #expect(recorded?.value == fact.value)
            // A clerk may not record county facts.
            var clerk = try await Browser.signedIn(client, as: "clerk")
            #expect(try await clerk.apiImport("kind=facts", bytes: FactsWriter().write([fact])).status == .forbidden)
        }
    }

    @Test func importNeedsAKindAndABody() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "planner")
            #expect(try await browser.apiImport("kind=teachers", bytes: [1]).errorCode == "bad_request")
            #expect(try await browser.apiImport("", bytes: [1]).errorCode == "bad_request")
            #expect(try await browser.apiImport("kind=schools", bytes: []).errorCode == "bad_request")
        }
    }

    // MARK: Audit

    @Test(arguments: everyone)
    func auditScope(_ name: String) async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: name)
            let all = try await browser.api("/api/audit?limit=1000")
            let a = try await browser.api("/api/audit?county=\(fixture.countyA)")
            let b = try await browser.api("/api/audit?county=\(fixture.countyB)")
            let counties = Set(all.array("entries").compactMap { $0["county_code"] as? String })
            switch name {
            case "admin", "supervisor":
                #expect(all.status == .ok && counties == [fixture.countyA, fixture.countyB])
                #expect(a.status == .ok && b.status == .ok)
            case "planner":
                #expect(all.status == .ok && counties == [fixture.countyA])
                #expect(a.status == .ok && b.status == .forbidden && b.errorCode == "forbidden")
            case "supervisorB":
                #expect(all.status == .ok && counties == [fixture.countyB])
                #expect(a.status == .forbidden && b.status == .ok)
            default:
                #expect(all.status == .forbidden && a.status == .forbidden && b.status == .forbidden)
            }
        }
    }

    @Test func auditShowsAnEditWithOldAndNewValuesAndPages() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var clerk = try await Browser.signedIn(client, as: "clerk")
            let old = try #require(fixture.row(fixture.schoolA).facilities.computers)
            fixture.clock.advance(30)
            #expect(try await clerk.api(Self.patch(fixture, fixture.schoolA), method: .patch, json: #"{"computers": "\#(old + 1)"}"#).status == .ok)
            var supervisor = try await Browser.signedIn(client, as: "supervisor")
            let response = try await supervisor.api("/api/audit?county=\(fixture.countyA)&school=\(fixture.schoolA)&year=2025&limit=1")
            #expect(response.status == .ok)
            let entry = try #require(response.array("entries").first)
            #expect(entry["action"] as? String == "draft_row")
            #expect(entry["account"] as? String == "clerk")
            #expect(entry["field"] as? String == "computers")
            #expect(entry["old"] as? String == String(old) && entry["new"] as? String == String(old + 1))
            #expect(entry["school_code"] as? String == fixture.schoolA && entry["year"] as? Int == 2025)
            #expect(entry["at"] as? String == "2026-09-21T14:13:50Z")
            #expect(entry.keys.contains("note") && entry["note"] is NSNull)
            let total = try #require(response.json["total"] as? Int)
            #expect(total > 1)
            let second = try await supervisor.api("/api/audit?county=\(fixture.countyA)&school=\(fixture.schoolA)&year=2025&limit=1&offset=1")
            #expect(second.json["total"] as? Int == total)
            #expect(second.array("entries").first?["id"] as? Int != entry["id"] as? Int)
            #expect(try await supervisor.api("/api/audit?limit=-1").errorCode == "bad_request")
        }
    }

    // MARK: Province

    @Test(arguments: everyone)
    func provinceRanking(_ name: String) async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: name)
            let response = try await browser.api("/api/province?year=2025")
            guard name == "admin" || name.hasPrefix("supervisor") else {
                #expect(response.status == .forbidden && response.errorCode == "forbidden")
                return
            }
            #expect(response.status == .ok)
            #expect(response.json["year"] as? Int == 2025)
            let counties = response.array("counties")
            let codes = Set(counties.compactMap { $0["county_code"] as? String })
            #expect(codes == (name == "supervisorB" ? [fixture.countyB] : [fixture.countyA, fixture.countyB]))
            #expect(counties.compactMap { $0["rank"] as? Int } == Array(1...counties.count))
            let expected = ProvinceRanking.rank(results: fixture.services.evaluator.evaluate(
                await fixture.store.schoolYears(year: 2025, counties: Array(codes)),
                facts: await fixture.store.facts(year: 2025, counties: Array(codes))
            ))
            #expect(counties.compactMap { $0["county_code"] as? String } == expected.map(\.countyCode))
            #expect(counties.first?["verdict"] as? String == expected.first?.verdict.rawValue)
            let latest = try await browser.api("/api/province")
            #expect(latest.json["year"] as? Int == 2025 && latest.json["years"] as? [Int] == [2024, 2025])
        }
    }
}
