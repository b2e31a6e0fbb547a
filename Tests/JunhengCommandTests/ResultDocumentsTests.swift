import Demo
import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One document per result, end to end: what `junheng evaluate|plan invest|plan rotate
/// --format json` print for a county and what `junheng serve`'s API answers for the same
/// county, imported from the same files, are the same bytes (the rotation's answer adds the
/// rules and the readers' warnings after the plan's members).
@Suite("Command and API documents", .serialized)
struct ResultDocumentsTests {
    static let password = "documents-pw"

    @Test(.timeLimit(.minutes(5)))
    func theCommandAndTheAPIWriteTheSameDocuments() async throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CommandRunner.run(["demo", "--out", folder.path, "--seed", "1", "--counties", "2", "--year", "2025"]).status == 0)
        let schools = folder.appendingPathComponent("schools.csv").path, facts = folder.appendingPathComponent("facts.csv").path
        let teachers = folder.appendingPathComponent("teachers.csv")
        let database = folder.appendingPathComponent("junheng.sqlite").path
        let imported = try CommandRunner.run(["import", schools, "--facts", facts, "--database", database])
        try #require(imported.status == 0, "import: \(imported.stderr)")
        let added = try CommandRunner.run(["user", "add", "admin", "--role", "admin", "--cost", "4", "--database", database],
                                          stdin: Self.password + "\n")
        try #require(added.status == 0, "user add: \(added.stderr)")
        let county = try #require(DemoGenerator(seed: 1, counties: 2, year: 2025).schools().first).countyCode

        let server = try await ServerProcess(database: database, folder: folder)
        defer { server.stop() }
        var client = APIClient(base: server.base)
        try #require(try await client.signIn("admin", Self.password).status == 200)

        let evaluation = try CommandRunner.run(["evaluate", schools, "--facts", facts, "--county", county, "--format", "json", "--lang", "zh"])
        try #require(evaluation.status == 0, "\(evaluation.stderr)")
        let evaluationAnswer = try await client.request("GET", "/api/counties/\(county)/years/2025/evaluation?lang=zh")
        #expect(evaluationAnswer.status == 200)
        #expect(evaluationAnswer.text + "\n" == evaluation.text, "evaluation:\n\(evaluationAnswer.text.prefix(2000))")

        let budget = try CommandRunner.write("year,budget\n2026,5000000\n2027,5000000\n", to: "budget.csv", in: folder)
        let plan = try CommandRunner.run(["plan", "invest", schools, "--county", county, "--budget", budget, "--format", "json", "--lang", "zh"])
        try #require(plan.status == 0, "\(plan.stderr)")
        let planAnswer = try await client.request("GET", "/api/counties/\(county)/plan?year=2025&budget=2026:5000000,2027:5000000&lang=zh")
        #expect(planAnswer.status == 200)
        #expect(planAnswer.text + "\n" == plan.text, "plan:\n\(planAnswer.text.prefix(2000))")

        let rotation = try CommandRunner.run(["plan", "rotate", schools, teachers.path, "--county", county, "--format", "json"])
        try #require(rotation.status == 0, "\(rotation.stderr)")
        let boundary = "junheng-documents-boundary"
        var form = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"teachers\"; filename=\"teachers.csv\"\r\nContent-Type: text/csv\r\n\r\n".utf8)
        form.append(try Data(contentsOf: teachers))
        form.append(Data("\r\n--\(boundary)--\r\n".utf8))
        let rotationAnswer = try await client.request(
            "POST", "/api/counties/\(county)/rotate?year=2025", body: form, contentType: "multipart/form-data; boundary=\(boundary)")
        #expect(rotationAnswer.status == 200, "\(rotationAnswer.text.prefix(500))")
        // The command's document without its closing brace, then the API's own two members.
        #expect(rotation.text.hasSuffix("\n}\n"))
        #expect(rotationAnswer.text.hasPrefix(rotation.text.dropLast(3) + ",\n  \"rules\": {\n"), "rotation:\n\(rotationAnswer.text.prefix(2000))")
        // The demo's teachers file holds both counties: the API says it left the other county's out.
        #expect((rotationAnswer.json?["warnings"] as? [String])?.count == 1)
    }
}
