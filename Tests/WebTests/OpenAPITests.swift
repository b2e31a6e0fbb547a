import Domain
import Foundation
import HTTPTypes
import Hummingbird
import Storage
import Testing
@testable import Web

@Suite("OpenAPI document")
struct OpenAPITests {
    /// The served document — the bundled half with the declared parameters — parsed.
    static func document() async throws -> [String: Any] {
        let fixture = try await WebFixture()
        let bytes = try #require(OpenAPIDocument(endpoints: APIRoutes(services: fixture.services).endpoints).bytes,
                                 "Resources/openapi.json is missing from the Web bundle or unreadable")
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    /// The document's schemas, each a checker: `check(object, name)` expects the answer's
    /// `object` to have exactly the members schema `name` lists, all of them required.
    static func memberCheck() async throws -> (_ object: Any?, _ name: String) -> Void {
        let schemas = try #require((try await document()["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
        return { object, name in
            guard let object = object as? [String: Any] else {
                Issue.record("no \(name) in the answer")
                return
            }
            let properties = Set((schemas[name]?["properties"] as? [String: Any] ?? [:]).keys)
            #expect(Set(object.keys) == properties, "\(name)")
            #expect(Set(schemas[name]?["required"] as? [String] ?? []) == properties, "\(name) requires every member")
        }
    }

    /// Every documented operation as `METHOD path`.
    static func documentedOperations() async throws -> Set<String> {
        let paths = try #require(try await document()["paths"] as? [String: [String: Any]])
        let methods: Set = ["get", "put", "post", "delete", "patch", "head", "options", "trace"]
        return Set(paths.flatMap { path, item in item.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" } })
    }

    /// Every route the application registers under `/api` (and the health route), as
    /// `METHOD path` with `{captures}` — OpenAPI's spelling.
    static func registeredOperations(_ fixture: WebFixture) -> Set<String> {
        Set(buildRouter(services: fixture.services).routes
            .filter { $0.path.description.hasPrefix("/api/") || $0.path.description == "/health" }
            .map { "\($0.method.rawValue) \($0.path.description)" })
    }

    @Test func everyAPIRouteIsDocumentedWithItsMethodAndNothingElseIs() async throws {
        let fixture = try await WebFixture()
        let registered = Self.registeredOperations(fixture)
        let documented = try await Self.documentedOperations()
        #expect(registered.contains("POST /api/login") && registered.contains("PATCH /api/counties/{county}/schools/{school}/years/{year}"))
        #expect(registered.subtracting(documented).isEmpty, "registered but not documented: \(registered.subtracting(documented).sorted())")
        #expect(documented.subtracting(registered).isEmpty, "documented but not registered: \(documented.subtracting(registered).sorted())")
    }

    @Test func theEndpointListIsWhatIsRegistered() async throws {
        let fixture = try await WebFixture()
        let listed = APIRoutes(services: fixture.services).endpoints.map { "\($0.method.rawValue) \($0.path)" }
        #expect(Set(listed).count == listed.count)
        #expect(Set(listed).isSubset(of: Self.registeredOperations(fixture)))
    }

    @Test(.enabled(if: Self.validatorAvailable, "python3 with openapi-spec-validator is needed: python3 -m pip install openapi-spec-validator"))
    func documentIsValidOpenAPI31() async throws {
        let fixture = try await WebFixture()
        let served = try await fixture.test { client in
            var browser = Browser(client)
            return try await browser.send("/api/openapi.json").text
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("junheng-openapi-\(UUID().uuidString).json")
        try Data(served.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let (status, output) = try Self.python(
            "import json, sys\nfrom openapi_spec_validator import validate\nvalidate(json.load(open(sys.argv[1], encoding='utf-8')))\nprint('valid')",
            arguments: [file.path]
        )
        #expect(status == 0, "\(output)")
        #expect(output.contains("valid"))
        #expect(try await Self.document()["openapi"] as? String == "3.1.0")
    }

    @Test(arguments: ["anonymous", "admin", "clerk"])
    func documentIsServedToAnyone(_ name: String) async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = name == "anonymous" ? Browser(client) : try await Browser.signedIn(client, as: name)
            let response = try await browser.send("/api/openapi.json")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(response.json["openapi"] as? String == "3.1.0")
        }
    }

    @Test func schoolRowSchemaHasEveryField() async throws {
        let schemas = try #require((try await Self.document()["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
        let properties = try #require(schemas["SchoolRow"]?["properties"] as? [String: [String: Any]])
        #expect(Set(properties.keys) == Set(SchoolField.allCases.map(\.key)))
        for field in SchoolField.allCases {
            let types = properties[field.key]?["type"]
            let listed = (types as? [String]) ?? [(types as? String) ?? ""]
            let expected = switch field.valueKind {
            case .integer: "integer"
            case .decimal: "number"
            case .text: "string"
            case .flag: "boolean"
            }
            #expect(listed.contains(expected), "\(field.key)")
        }
    }

    /// Every action the trail records is in the entry's enumeration, or an audit answer
    /// holding it would break the document (issue 15 added `unit_cost`).
    @Test func auditEntrySchemaListsEveryAction() async throws {
        let schemas = try #require((try await Self.document()["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
        let action = try #require((schemas["AuditEntry"]?["properties"] as? [String: [String: Any]])?["action"])
        #expect((action["enum"] as? [String]).map(Set.init) == Set(AuditAction.allCases.map(\.rawValue)))
    }

    @Test func errorSchemaListsEveryCode() async throws {
        let schemas = try #require((try await Self.document()["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
        let error = try #require((schemas["Error"]?["properties"] as? [String: [String: Any]])?["error"])
        let code = try #require((error["properties"] as? [String: [String: Any]])?["code"])
        let errors: [WebError] = [
            .unauthenticated, .forbidden, .notFound, .csrf, .badRequest(""), .locked(""), .conflict(""),
            .invalidData("", details: []), .tooManyAttempts(""), .busy(retryAfter: 1),
        ]
        #expect(Set(code["enum"] as? [String] ?? []) == Set(errors.map(\.code)))
        #expect(Set(error["required"] as? [String] ?? []) == ["code", "message", "details"])
    }

    @Test func securityIsDeclared() async throws {
        let document = try await Self.document()
        let components = try #require(document["components"] as? [String: Any])
        let schemes = try #require(components["securitySchemes"] as? [String: [String: Any]])
        #expect(schemes["sessionCookie"]?["in"] as? String == "cookie" && schemes["sessionCookie"]?["name"] as? String == "junheng_session")
        #expect(schemes["csrfHeader"]?["in"] as? String == "header" && schemes["csrfHeader"]?["name"] as? String == "X-CSRF-Token")
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        let open: Set = ["/api/login", "/api/openapi.json", "/health", "/api/logout"]
        for (path, item) in paths {
            for (method, operation) in item {
                let security = (operation["security"] as? [[String: Any]]) ?? (document["security"] as? [[String: Any]]) ?? []
                let responses = try #require(operation["responses"] as? [String: Any])
                if ["post", "patch", "put", "delete"].contains(method), path != "/api/login" {
                    #expect(security.contains { $0["csrfHeader"] != nil }, "\(method) \(path) must need the CSRF header")
                }
                if !open.contains(path) {
                    #expect(security.allSatisfy { $0["sessionCookie"] != nil }, "\(method) \(path) must need a session")
                    #expect(responses["401"] != nil, "\(method) \(path) must document 401")
                }
            }
        }
    }

    // MARK: python3

    /// Whether `python3` can import openapi-spec-validator here (CI installs it).
    static let validatorAvailable: Bool = (try? python("import openapi_spec_validator").status == 0) ?? false

    static func python(_ script: String, arguments: [String] = []) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
