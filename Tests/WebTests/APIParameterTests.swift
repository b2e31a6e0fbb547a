import Foundation
import HTTPTypes
import Testing
@testable import Web

/// Issue 13: every API route checks its path and query parameters as the OpenAPI document
/// states them, and answers 400 `bad_request` naming each broken one.
@Suite("API parameters")
struct APIParameterTests {
    /// A request line for `endpoint` with valid path parameters and the required query items,
    /// except that the parameter `name` has the value `bad`.
    static func uri(_ endpoint: APIEndpoint, fixture: WebFixture, replacing name: String? = nil, with bad: String? = nil) -> String {
        var path = endpoint.path, query: [String] = []
        for parameter in endpoint.parameters {
            let value: String? = if parameter.name == name {
                bad
            } else if parameter.location == .path {
                switch parameter.name {
                case "county": fixture.countyA
                case "school": fixture.schoolA
                default: "2025"
                }
            } else if parameter.required, case let .oneOf(words) = parameter.rule {
                words[0]
            } else {
                nil
            }
            guard let value else { continue }
            let encoded = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value
            if parameter.location == .path {
                path = path.replacingOccurrences(of: "{\(parameter.name)}", with: encoded)
            } else {
                query.append("\(parameter.name)=\(encoded)")
            }
        }
        return path + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }

    /// Values that break `rule`, at and beyond each of its edges.
    static func badValues(_ rule: APIParameterRule) -> [String] {
        switch rule {
        case let .integer(range): ["\(range.upperBound + 1)", "\(range.lowerBound - 1)", "12x", "1e3", "+5", " 7"]
        case let .integerFrom(minimum): ["\(minimum - 1)", "\(Int(Int32.max) + 1)", "x"]
        case let .digits(count): [String(repeating: "1", count: count + 1), String(repeating: "1", count: count - 1), "12345a", "１２３４５６"]
        case let .text(range): [String(repeating: "a", count: range.upperBound + 1)]
        case let .oneOf(words): ["zz", words[0].uppercased()]
        }
    }

    @Test func everyDeclaredParameterIsEnforcedOnEveryRoute() async throws {
        let fixture = try await WebFixture()
        let endpoints = APIRoutes(services: fixture.services).endpoints
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "admin")
            var checked = 0
            for endpoint in endpoints {
                for parameter in endpoint.parameters {
                    // An empty query item (`?name=`) is a value too; an empty path segment is another route.
                    for bad in Self.badValues(parameter.rule) + (parameter.location == .query ? [""] : []) {
                        let uri = Self.uri(endpoint, fixture: fixture, replacing: parameter.name, with: bad)
                        let response = try await browser.api(uri, method: endpoint.method)
                        #expect(response.status == .badRequest, "\(endpoint.method) \(uri)")
                        #expect(response.errorCode == "bad_request", "\(endpoint.method) \(uri)")
                        let details = (response.json["error"] as? [String: Any])?["details"] as? [String] ?? []
                        #expect(details.contains { $0.hasPrefix(parameter.name + ":") }, "\(endpoint.method) \(uri): \(details)")
                        checked += 1
                    }
                }
            }
            #expect(checked > 60)
        }
    }

    @Test func aMissingRequiredParameterIsRefused() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "admin")
            for uri in ["/api/import", "/api/import?filename=a.csv"] {
                let response = try await browser.api(uri, method: .post)
                #expect(response.status == .badRequest, "\(uri)")
                #expect((response.json["error"] as? [String: Any])?["details"] as? [String] == ["kind: required"], "\(uri)")
            }
        }
    }

    /// The cases the issue names, and their valid neighbours.
    @Test(arguments: [
        ("/api/audit?limit=1001", HTTPResponse.Status.badRequest),
        ("/api/audit?limit=0", .badRequest),
        ("/api/audit?limit=1000", .ok),
        ("/api/audit?limit=1", .ok),
        ("/api/audit?offset=-1", .badRequest),
        ("/api/me?lang=fr", .badRequest),
        ("/api/me?lang=en", .ok),
        ("/api/counties?lang=", .badRequest),
        ("/api/audit?school=", .badRequest),
        ("/api/counties/123456/plan?budget=", .badRequest),
        ("/api/province?year=2025.0", .badRequest),
        ("/api/province?year=2025", .ok),
    ])
    func issueCases(_ uri: String, _ status: HTTPResponse.Status) async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "admin")
            let response = try await browser.api(uri)
            #expect(response.status == status, "\(uri): \(response.text.prefix(300))")
            if status == .badRequest { #expect(response.errorCode == "bad_request") }
        }
    }

    @Test func theLimitIsHonoured() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "admin")
            let response = try await browser.api("/api/audit?limit=1")
            #expect((response.json["entries"] as? [Any])?.count == 1)
            #expect((response.json["total"] as? Int ?? 0) >= 1)
        }
    }

    @Test func messagesFollowTheLanguage() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "admin")
            let english = try await browser.api("/api/audit?limit=5000&lang=en")
            #expect((english.json["error"] as? [String: Any])?["message"] as? String == "invalid request parameters")
            #expect((english.json["error"] as? [String: Any])?["details"] as? [String] == ["limit: must be an integer from 1 to 1000"])
        }
    }

    // MARK: the document says the same

    @Test func theBundledHalfDeclaresNoParameters() throws {
        let bytes = try #require(OpenAPIDocument.template)
        let template = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let paths = try #require(template["paths"] as? [String: [String: [String: Any]]])
        for (path, item) in paths {
            for (method, operation) in item {
                #expect(operation["parameters"] == nil, "\(method) \(path): parameters belong in the APIEndpoint declaration")
            }
        }
        #expect((template["components"] as? [String: Any])?["parameters"] == nil)
    }

    @Test func theDocumentStatesEachDeclarationAndEveryCaptureIsDeclared() async throws {
        let fixture = try await WebFixture()
        let endpoints = APIRoutes(services: fixture.services).endpoints
        let document = try await OpenAPITests.document()
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        for endpoint in endpoints {
            let operation = try #require(paths[endpoint.path]?[endpoint.method.rawValue.lowercased()], "\(endpoint.path)")
            let documented = try #require(operation["parameters"] as? [[String: Any]])
            #expect(documented.compactMap { $0["name"] as? String } == endpoint.parameters.map(\.name))
            for (parameter, object) in zip(endpoint.parameters, documented) {
                #expect(object["in"] as? String == parameter.location.rawValue)
                #expect(object["required"] as? Bool == parameter.required)
                let schema = try #require(object["schema"] as? [String: Any])
                switch parameter.rule {
                case let .integer(range):
                    #expect(schema["type"] as? String == "integer")
                    #expect(schema["minimum"] as? Int == range.lowerBound && schema["maximum"] as? Int == range.upperBound)
                case let .oneOf(words):
                    #expect(schema["enum"] as? [String] == words)
                default:
                    #expect(schema["type"] as? String == "string" || schema["type"] as? String == "integer")
                }
            }
            let captures = endpoint.path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
            #expect(Set(captures) == Set(endpoint.parameters.filter { $0.location == .path }.map(\.name)), "\(endpoint.path)")
            let responses = try #require(operation["responses"] as? [String: Any])
            #expect(responses["400"] != nil, "\(endpoint.method) \(endpoint.path) must document 400")
        }
        let audit = try #require(paths["/api/audit"]?["get"]?["parameters"] as? [[String: Any]])
        let limit = try #require(audit.first { $0["name"] as? String == "limit" }?["schema"] as? [String: Any])
        #expect(limit["minimum"] as? Int == 1 && limit["maximum"] as? Int == 1000 && limit["default"] as? Int == 100)
    }
}
