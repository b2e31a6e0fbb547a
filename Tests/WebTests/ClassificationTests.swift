import Domain
import Foundation
import HTTPTypes
import Interchange
import Testing
@testable import Web

/// Issue 13 (8): a school clerk once changed the county name, school type and locality of
/// the school by form or `PATCH`, and the new county name showed on the province ranking.
/// How a school is classified is the county's to change: by form, API or import.
@Suite("Classification fields are the county's")
struct ClassificationTests {
    static func path(_ fixture: WebFixture) -> String {
        "/api/counties/\(fixture.countyA)/schools/\(fixture.schoolA)/years/2025"
    }

    @Test(arguments: [
        #"{"county_name": "伪造县"}"#, #"{"school_type": "junior"}"#, #"{"locality": "urban"}"#, #"{"locality": "rural"}"#,
        #"{"school_name": "新名"}"#, #"{"ownership": "private"}"#, #"{"county_name": "伪造县", "computers": 5}"#,
    ])
    func clerkCannotPatchThem(json: String) async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var clerk = try await Browser.signedIn(client, as: "clerk")
            let before = try await fixture.trailCount()
            let original = fixture.row(fixture.schoolA)
            // Only a real change is refused: the stored value again is no change.
            let sameLocality = json.contains(original.locality.rawValue) && json.contains("locality")
            let response = try await clerk.api(Self.path(fixture), method: .patch, json: json)
            if sameLocality {
                #expect(response.status == .ok)
            } else {
                #expect(response.status == .unprocessableContent && response.errorCode == "invalid_data")
                #expect(try await fixture.trailCount() == before)
                #expect(await fixture.store.schoolYear(county: fixture.countyA, school: fixture.schoolA, year: 2025) == original)
            }
        }
    }

    @Test func plannerMayChangeThem() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let response = try await planner.api(Self.path(fixture), method: .patch, json: #"{"county_name": "新县名", "school_name": "新名"}"#)
            #expect(response.status == .ok)
            let stored = await fixture.store.schoolYear(county: fixture.countyA, school: fixture.schoolA, year: 2025)
            #expect(stored?.countyName == "新县名" && stored?.schoolName == "新名")
        }
    }

    @Test func clerksFormNeitherOffersNorAcceptsThem() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var clerk = try await Browser.signedIn(client, as: "clerk")
            let page = try await clerk.send("/counties/\(fixture.countyA)/schools/\(fixture.schoolA)?year=2025")
            #expect(page.status == .ok)
            #expect(page.text.contains("name=\"computers\"") && !page.text.contains("name=\"county_name\"") && !page.text.contains("name=\"locality\""))
            let before = try await fixture.trailCount()
            let posted = try await clerk.post(
                "/counties/\(fixture.countyA)/schools/\(fixture.schoolA)/years/2025",
                form: [("county_name", "伪造县"), ("school_type", "junior")])
            #expect(posted.status == .unprocessableContent)
            #expect(try await fixture.trailCount() == before)
            #expect(await fixture.store.schoolYear(county: fixture.countyA, school: fixture.schoolA, year: 2025) == fixture.row(fixture.schoolA))
        }
    }

    @Test func clerkCannotImportThem() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var clerk = try await Browser.signedIn(client, as: "clerk")
            let before = try await fixture.trailCount()
            var renamed = fixture.row(fixture.schoolA)
            renamed.countyName = "伪造县"
            let refused = try await clerk.postImport(schools: ("own.csv", WebFixture.csv([renamed])))
            #expect(refused.status == .forbidden)
            var unknown = fixture.row(fixture.schoolA)
            unknown.year = 2030
            var moved = fixture.row(fixture.schoolA)
            moved.locality = moved.locality == .rural ? .urban : .rural
            let refusedLocality = try await clerk.postImport(schools: ("own.csv", WebFixture.csv([moved])))
            #expect(refusedLocality.status == .forbidden)
            #expect(try await fixture.trailCount() == before)
            // A new year of the same school keeping its classification is the clerk's to send.
            let nextYear = try await clerk.postImport(schools: ("own.csv", WebFixture.csv([unknown])))
            #expect(nextYear.status == .ok)
        }
    }
}
