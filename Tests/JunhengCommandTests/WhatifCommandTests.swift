import Foundation
import Testing

/// `junheng plan whatif`: edits to a copy of one county's data, evaluated again.
@Suite("junheng plan whatif, end to end")
struct WhatifCommandTests {
    private func demo() throws -> (schools: String, school: String) {
        let folder = try CommandRunner.temporaryFolder()
        let made = try CommandRunner.run(["demo", "--out", folder.path, "--counties", "1", "--seed", "1"])
        #expect(made.status == 0, "\(made.stderr)")
        let schools = folder.appendingPathComponent("schools.csv").path
        let first = try String(contentsOfFile: schools, encoding: .utf8).split(whereSeparator: \.isNewline)[1]
        return (schools, String(first.split(separator: ",")[3]))
    }

    @Test func anEditMovesTheVerdictAndTheFileIsUntouched() throws {
        let (schools, school) = try demo()
        let before = try Data(contentsOf: URL(fileURLWithPath: schools))
        // 99 999 m² of teaching rooms in one primary school breaks the area's CV.
        let run = try CommandRunner.run(["plan", "whatif", schools, "--set", "\(school):teaching_area=99999"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.text.contains("资源配置：达标 → 未达标"))
        #expect(run.text.contains("生均教学及辅助用房面积: CV 0.174 → 1.184 ≤ 0.500  *"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: schools)) == before)

        let chinese = try CommandRunner.run(["plan", "whatif", schools, "--set", "\(school):教学及辅助用房面积=99999", "--lang", "en"])
        #expect(chinese.text.contains("Resource allocation: pass → fail"))
    }

    @Test func badEditsAreRefused() throws {
        let (schools, school) = try demo()
        let negative = try CommandRunner.run(["plan", "whatif", schools, "--set", "\(school):teaching_area=-5"])
        #expect(negative.status == 65)
        #expect(negative.stderr.contains("teaching_area") || negative.stderr.contains("教学及辅助用房面积"))
        let unknown = try CommandRunner.run(["plan", "whatif", schools, "--set", "\(school):nonsense=1"])
        #expect(unknown.status == 64)
        let noSchool = try CommandRunner.run(["plan", "whatif", schools, "--set", "0000000000:teaching_area=1"])
        #expect(noSchool.status == 64)
        let identity = try CommandRunner.run(["plan", "whatif", schools, "--set", "\(school):school_code=1"])
        #expect(identity.status == 64)
    }
}
