import Demo
import Domain
import Foundation
import Interchange
import Testing

/// `junheng demo` writes teachers.csv beside schools.csv and facts.csv: the same bytes for the
/// same seed, read back by ``TeachersReader`` and matching every teacher count of the schools.
@Suite("demo command: teachers.csv")
struct DemoCommandTests {
    private func bytes(_ folder: String, _ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(name)))
    }

    @Test func teachersAreWrittenReproduciblyAndMatchTheSchools() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a").path, second = folder.appendingPathComponent("b").path
        let made = try CommandRunner.run(["demo", "--out", first, "--seed", "5", "--counties", "3", "--year", "2024"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stderr.contains("teachers.csv"))
        #expect(try CommandRunner.run(["demo", "--out", second, "--seed", "5", "--counties", "3", "--year", "2024"]).status == 0)
        for name in ["schools.csv", "facts.csv", "teachers.csv"] {
            #expect(try bytes(first, name) == bytes(second, name), "\(name)")
        }

        let schools = try SchoolsReader().read(try bytes(first, "schools.csv"), file: "schools.csv").schools
        let file = try TeachersReader(referenceYear: 2024).read(try bytes(first, "teachers.csv"), file: "teachers.csv")
        #expect(file.warnings.isEmpty)
        #expect(file.teachers.count > 1000)
        #expect(TeacherCountDifference.between(schools, file.teachers) == [])

        // The schools are those the generator gives without teachers.
        let data = DemoGenerator(seed: 5, counties: 3, year: 2024).generate()
        #expect(try bytes(first, "schools.csv") == SchoolsWriter().write(data.schools))
    }

    @Test func englishGB18030TeachersReadAlike() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let chinese = folder.appendingPathComponent("zh").path, english = folder.appendingPathComponent("en").path
        #expect(try CommandRunner.run(["demo", "--out", chinese, "--seed", "9", "--encoding", "gb18030"]).status == 0)
        #expect(try CommandRunner.run(["demo", "--out", english, "--seed", "9", "--headers", "english"]).status == 0)
        let gb = try bytes(chinese, "teachers.csv")
        #expect(String(bytes: gb, encoding: .utf8) == nil, "the Chinese file really is GB18030")
        let a = try TeachersReader(referenceYear: 2025).read(gb, file: "teachers.csv").teachers
        let b = try TeachersReader(referenceYear: 2025).read(try bytes(english, "teachers.csv"), file: "teachers.csv").teachers
        #expect(!a.isEmpty && a == b)
    }

    @Test func zoneFilesAreWrittenReproduciblyAndAgreeWithTheSchools() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a").path, second = folder.appendingPathComponent("b").path
        let made = try CommandRunner.run(["demo", "--out", first, "--seed", "5", "--counties", "2", "--headers", "english"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stderr.contains("blocks.csv") && made.stderr.contains("enrollment.csv") && made.stderr.contains("births.csv"))
        #expect(try CommandRunner.run(["demo", "--out", second, "--seed", "5", "--counties", "2", "--headers", "english"]).status == 0)
        for name in ["blocks.csv", "enrollment.csv", "births.csv"] {
            #expect(try bytes(first, name) == bytes(second, name), "\(name)")
        }
        let schools = try SchoolsReader().read(try bytes(first, "schools.csv"), file: "schools.csv").schools
        #expect(schools.contains { $0.primary.capacity != nil })
        let blocks = try BlocksReader().read(try bytes(first, "blocks.csv"), file: "blocks.csv")
        let enrollment = try EnrollmentReader().read(try bytes(first, "enrollment.csv"), file: "enrollment.csv")
        let births = try BirthsReader().read(try bytes(first, "births.csv"), file: "births.csv")
        #expect(blocks.blocks.count > 300 && enrollment.records.count > 500 && births.births.count == 24)
        #expect(ZoneInputCheck().problems(schools: schools, blocks: blocks, enrollment: enrollment).isEmpty)
        let generator = DemoGenerator(seed: 5, counties: 2)
        #expect(blocks.blocks == generator.zones(of: generator.generate()).blocks)
    }

    /// quota.csv: every county's quality high schools' plans, shareable among its junior
    /// schools — each of which reports its graduates, eligible ones no more than them.
    @Test func quotaFileAgreesWithTheSchools() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let made = try CommandRunner.run(["demo", "--out", folder.path, "--seed", "5", "--counties", "4"])
        #expect(made.status == 0 && made.stderr.contains("quota.csv"), "\(made.stderr)")
        let schools = try SchoolsReader().read(try bytes(folder.path, "schools.csv"), file: "schools.csv").schools
        let quota = try QuotaReader().read(try bytes(folder.path, "quota.csv"), file: "quota.csv")
        #expect(Set(quota.quotas.compactMap(\.countyCode)) == Set(schools.map(\.countyCode)))
        #expect(QuotaInputCheck().problems(quotas: quota, schools: schools).isEmpty)
        let juniors = schools.filter { $0.type.stages.contains(.junior) && ($0.junior.students ?? 0) > 0 }
        #expect(juniors.allSatisfy { ($0.graduates ?? 0) > 0 && ($0.eligibleGraduates ?? 0) <= ($0.graduates ?? 0) })
        let generator = DemoGenerator(seed: 5, counties: 4)
        #expect(quota.quotas == generator.quotas(of: generator.generate()))
    }
}
