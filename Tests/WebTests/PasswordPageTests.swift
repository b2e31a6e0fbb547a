import Foundation
import HTTPTypes
import Storage
import Testing
@testable import Web

/// Changing one's own password: every role may, the current password is checked through the
/// sign-in throttle, the new one is bounded and typed twice; the old one stops working.
@Suite("Password change")
struct PasswordPageTests {
    @Test func everyRoleChangesTheirOwnPassword() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            for role in ["admin", "planner", "supervisor", "clerk"] {
                var browser = try await Browser.signedIn(client, as: role)
                let form = try await browser.send("/account/password")
                #expect(form.status == .ok && form.text.contains("name=\"current\""), "\(role) opens the form")
                #expect(try await browser.post("/account/password", form: [("current", "wrong-one"), ("new", "new-secret-1"), ("confirm", "new-secret-1")])
                    .status == .unauthorized, "\(role): a wrong current password")
                #expect(try await browser.post("/account/password", form: [("current", "pw-" + role), ("new", "short"), ("confirm", "short")])
                    .status == .badRequest, "\(role): too short")
                #expect(try await browser.post("/account/password", form: [("current", "pw-" + role), ("new", String(repeating: "长", count: 25)),
                                                                         ("confirm", String(repeating: "长", count: 25))]).status == .badRequest,
                        "\(role): above bcrypt's 72 bytes")
                #expect(try await browser.post("/account/password", form: [("current", "pw-" + role), ("new", "new-secret-1"), ("confirm", "new-secret-2")])
                    .status == .badRequest, "\(role): typed differently")
                let changed = try await browser.post("/account/password", form: [("current", "pw-" + role), ("new", "new-secret-1"), ("confirm", "new-secret-1")])
                #expect(changed.status == .ok && changed.text.contains("密码已修改"), "\(role) changes the password")
                #expect(try await browser.post("/account/password", form: [("current", "x"), ("new", "y"), ("confirm", "y")], csrf: "forged").status == .forbidden)
                var again = Browser(client)
                let old = try await again.send("/api/login", method: .post, body: #"{"name":"\#(role)","password":"pw-\#(role)"}"#, contentType: "application/json")
                #expect(old.status == .unauthorized, "\(role): the old password fails")
                _ = try await Browser.signedIn(client, as: role, password: "new-secret-1")
            }
            var anonymous = Browser(client)
            #expect(try await anonymous.send("/account/password").status == .found)
            #expect(try await anonymous.post("/account/password", form: [("current", "a"), ("new", "b"), ("confirm", "b")]).status != .ok)
        }
    }

    @Test func guessingTheCurrentPasswordIsThrottled() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            var statuses: [HTTPResponse.Status] = []
            for k in 0..<12 {
                statuses.append(try await planner.post("/account/password", form: [("current", "guess-\(k)"), ("new", "new-secret-1"), ("confirm", "new-secret-1")]).status)
            }
            #expect(statuses.first == .unauthorized && statuses.last == .tooManyRequests)
            // Even the right password waits now.
            #expect(try await planner.post("/account/password", form: [("current", "pw-planner"), ("new", "new-secret-1"), ("confirm", "new-secret-1")]).status == .tooManyRequests)
        }
    }
}
