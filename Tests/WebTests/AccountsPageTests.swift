import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Storage
import Testing
@testable import Web

/// Account administration on the web: only an administrator reaches it; a scope must name
/// counties with data and a school of its county; turning an account off or resetting its
/// password ends its sessions; a new scope takes effect at the next sign-in.
@Suite("Account administration")
struct AccountsPageTests {
    @Test(arguments: ["admin", "planner", "supervisor", "supervisorB", "clerk"])
    func onlyAnAdministratorManagesAccounts(_ role: String) async throws {
        let fixture = try await WebFixture()
        let clerk = try #require(await fixture.store.account(named: "clerk"))
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: role)
            let admin = role == "admin"
            #expect(try await browser.send("/admin/accounts").status == (admin ? .ok : .forbidden), "\(role) lists")
            #expect(try await browser.send("/admin/accounts/\(clerk.id)").status == (admin ? .ok : .forbidden), "\(role) opens one")
            let added = try await browser.post("/admin/accounts", form: [
                ("name", "新督学-\(role)"), ("role", "supervisor"), ("counties", "\(fixture.countyA), \(fixture.countyB)"), ("password", "long-enough-pw"),
            ])
            #expect(added.status == (admin ? .seeOther : .forbidden), "\(role) adds")
            #expect(try await browser.post("/admin/accounts/\(clerk.id)/disable", form: [("disabled", "1")]).status == (admin ? .seeOther : .forbidden))
            #expect(try await browser.post("/admin/accounts/\(clerk.id)/password", form: [("password", "another-pw-1")]).status == (admin ? .seeOther : .forbidden))
            #expect(try await browser.post("/admin/accounts/\(clerk.id)/scope", form: [("role", "planner"), ("counties", fixture.countyA)]).status
                    == (admin ? .seeOther : .forbidden))
            #expect(try await browser.send("/counties/\(fixture.countyA)?year=2025").text.contains("/admin/accounts") == admin, "\(role) sees the link")
        }
        let after = try #require(await fixture.store.account(id: clerk.id))
        #expect(after.disabled == (role == "admin") && (after.role == .planner) == (role == "admin"))
        #expect((await fixture.store.account(named: "新督学-\(role)") != nil) == (role == "admin"))
    }

    @Test func scopesAreCheckedAndTurningOffOrResettingEndsTheSessions() async throws {
        let fixture = try await WebFixture()
        let clerk = try #require(await fixture.store.account(named: "clerk"))
        let planner = try #require(await fixture.store.account(named: "planner"))
        try await fixture.test { client in
            var admin = try await Browser.signedIn(client, as: "admin")
            // Counties with no data, a school of another county, a wrong scope for the role, a short password, a taken name.
            for form in [
                [("name", "a"), ("role", "planner"), ("counties", "999999"), ("password", "long-enough-pw")],
                [("name", "b"), ("role", "clerk"), ("counties", fixture.countyA), ("school", fixture.schoolB), ("password", "long-enough-pw")],
                [("name", "c"), ("role", "planner"), ("counties", "\(fixture.countyA),\(fixture.countyB)"), ("password", "long-enough-pw")],
                [("name", "d"), ("role", "admin"), ("password", "short")],
            ] {
                #expect(try await admin.post("/admin/accounts", form: form).status == .unprocessableContent, "\(form)")
            }
            #expect(try await admin.post("/admin/accounts", form: [("name", "clerk"), ("role", "admin"), ("password", "long-enough-pw")]).status == .conflict)
            #expect(await fixture.store.accounts().count == 5)
            let page = try await admin.send("/admin/accounts").text
            #expect(PageHTML.tableRows(PageHTML.section("accounts", of: page)).count == 5)

            // Turned off: the open session ends and signing in is refused.
            var clerkBrowser = try await Browser.signedIn(client, as: "clerk")
            #expect(try await clerkBrowser.send("/counties/\(fixture.countyA)/schools/\(fixture.schoolA)").status == .ok)
            #expect(try await admin.post("/admin/accounts/\(clerk.id)/disable", form: [("disabled", "1")]).location == "/admin/accounts/\(clerk.id)?done=disabled")
            #expect(try await clerkBrowser.send("/counties/\(fixture.countyA)/schools/\(fixture.schoolA)").status == .found)
            await #expect(throws: (any Error).self) { _ = try await Browser.signedIn(client, as: "clerk") }
            #expect(try await admin.post("/admin/accounts/\(clerk.id)/disable", form: [("disabled", "0")]).status == .seeOther)
            _ = try await Browser.signedIn(client, as: "clerk")

            // A reset password: the old one no longer signs in, the sessions end.
            var plannerBrowser = try await Browser.signedIn(client, as: "planner")
            #expect(try await admin.post("/admin/accounts/\(planner.id)/password", form: [("password", "short")]).status == .unprocessableContent)
            #expect(try await admin.post("/admin/accounts/\(planner.id)/password", form: [("password", "new-planner-pw")]).status == .seeOther)
            #expect(try await plannerBrowser.send("/counties/\(fixture.countyA)").status == .found)
            await #expect(throws: (any Error).self) { _ = try await Browser.signedIn(client, as: "planner") }
            _ = try await Browser.signedIn(client, as: "planner", password: "new-planner-pw")

            // A new scope: the clerk becomes the county's planner at the next sign-in.
            #expect(try await admin.post("/admin/accounts/\(clerk.id)/scope", form: [("role", "planner"), ("counties", fixture.countyB)]).status == .seeOther)
            var moved = try await Browser.signedIn(client, as: "clerk")
            #expect(try await moved.send("/counties/\(fixture.countyB)?year=2025").status == .ok)
            #expect(try await moved.send("/counties/\(fixture.countyA)/schools/\(fixture.schoolA)").status == .forbidden)
            // An administrator keeps their own account on and their own role.
            let me = try #require(await fixture.store.account(named: "admin"))
            #expect(try await admin.post("/admin/accounts/\(me.id)/disable", form: [("disabled", "1")]).status == .conflict)
            #expect(try await admin.post("/admin/accounts/\(me.id)/scope", form: [("role", "planner"), ("counties", fixture.countyA)]).status == .conflict)
            #expect(try await admin.post("/admin/accounts/\(me.id)/password", form: [("password", "admin-new-pw")]).status == .seeOther)
            #expect(try await admin.send("/admin/accounts").status == .ok)
        }
    }
}
