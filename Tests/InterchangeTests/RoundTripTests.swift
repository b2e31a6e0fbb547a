import Domain
import PropertyBased
import Testing
@testable import Interchange

@Suite struct RoundTripTests {
    /// Random valid counties: every school type, text that needs quoting (commas, quotes, line
    /// breaks, characters outside the BMP), full-precision decimals, optional figures left out.
    static let schools = Generator<[SchoolYear], Shrink.None<[SchoolYear]>> { rng in
        let count = Int.random(in: 1...8, using: &rng)
        return (0..<count).map { index in randomSchool(index, using: &rng) }
    }

    private static func randomSchool(_ index: Int, using rng: inout any SeededRandomNumberGenerator) -> SchoolYear {
        func maybe<T>(_ value: @autoclosure () -> T) -> T? { Bool.random(using: &rng) ? value() : nil }
        func amount() -> Double {
            [Double.random(in: 0...1e7, using: &rng), Double(Int.random(in: 0...100_000, using: &rng)), Double.random(in: 0...1e-6, using: &rng), 9.999_999_999_99e11]
                .randomElement(using: &rng)!
        }
        func name() -> String {
            let pieces = ["实验", "小学", ",", "\"", "\n", " ", "Hope", "𠀀", "东城区", "第\(index)"]
            // 东 (B6 AB in GB18030) is never valid UTF-8, so a GB18030 file of these names is
            // not mistaken for UTF-8, however short (校 alone, D0 A3, would be: it is У).
            return "东" + (0..<Int.random(in: 0...6, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined() + "学"
        }
        // School 0 is the primary school every 教学点 belongs to.
        let type = index == 0 ? SchoolType.primary : SchoolType.allCases.randomElement(using: &rng)!
        func stage(_ stage: Stage) -> StageRecord {
            guard type.stages.contains(stage) else { return StageRecord() }
            let teachers = Int.random(in: 0...200, using: &rng)
            return StageRecord(
                students: Int.random(in: 1...3000, using: &rng), classes: Int.random(in: 0...60, using: &rng),
                largestClass: maybe(Int.random(in: 0...70, using: &rng)), teachers: teachers,
                qualifiedTeachers: Int.random(in: 0...teachers, using: &rng), backboneTeachers: Int.random(in: 0...teachers, using: &rng),
                peArtTeachers: Int.random(in: 0...teachers, using: &rng), seniorTitleTeachers: maybe(Int.random(in: 0...teachers, using: &rng)),
                capacity: maybe(Int.random(in: 0...4000, using: &rng)))
        }
        var school = SchoolYear(
            year: 2025, countyCode: "110101", countyName: maybe("东城区"), schoolCode: "21110000\(index)", schoolName: name(),
            type: type, parentSchoolCode: type == .teachingPoint ? "211100000" : nil,
            locality: Locality.allCases.randomElement(using: &rng)!, ownership: Ownership.allCases.randomElement(using: &rng)!,
            boarding: maybe(Bool.random(using: &rng)),
            coordinate: maybe(Coordinate(longitude: Double.random(in: -180...180, using: &rng), latitude: Double.random(in: -90...90, using: &rng))),
            primary: stage(.primary), junior: stage(.junior),
            seniorStudents: type.stages.contains(.senior) ? Int.random(in: 0...3000, using: &rng) : nil,
            facilities: Facilities(
                teachingArea: amount(), sportsArea: amount(), equipmentValue: amount(), multimediaRooms: Int.random(in: 0...99, using: &rng),
                computers: maybe(Int.random(in: 0...999, using: &rng)), books: maybe(Int.random(in: 0...999_999, using: &rng)),
                musicRooms: maybe(Int.random(in: 0...9, using: &rng)), artRooms: maybe(Int.random(in: 0...9, using: &rng))),
            publicFunds: maybe(amount()), trainingFunds: maybe(amount()))
        let graduates = maybe(Int.random(in: 0...1000, using: &rng))
        school.graduates = graduates
        school.eligibleGraduates = graduates.flatMap { all in maybe(Int.random(in: 0...all, using: &rng)) }
        // Boarders and 随班就读 pupils are part of the school's pupils (the reader refuses more).
        let compulsory = (school.primary.students ?? 0) + (school.junior.students ?? 0)
        school.boarders = maybe(Int.random(in: 0...(compulsory + (school.seniorStudents ?? 0)), using: &rng))
        school.specialPupils = maybe(Int.random(in: 0...min(30, compulsory), using: &rng))
        school.facilities.musicRoomArea = maybe(amount())
        school.facilities.artRoomArea = maybe(amount())
        return school
    }

    @Test func schoolsReadBackAsWritten() async {
        await propertyCheck(count: 60, input: Self.schools) { schools in
            for headers in HeaderStyle.allCases {
                for encoding in TextEncoding.allCases {
                    // A refusal is recorded here: thrown out of the property, it would not fail the test.
                    do {
                        let bytes = try SchoolsWriter(headers: headers, encoding: encoding).write(schools)
                        #expect(try SchoolsReader().read(bytes, file: "r.csv").schools == schools)
                    } catch {
                        Issue.record("\(headers) \(encoding): \(error)")
                    }
                }
            }
        }
    }

    @Test func aTemplateIsTheHeaderAlone() throws {
        let template = try SchoolsWriter(headers: .english).write([])
        #expect(String(decoding: template, as: UTF8.self) == SchoolColumn.allCases.map(\.key).joined(separator: ",") + "\r\n")
        #expect(try SchoolsReader().read(template, file: "t.csv").schools.isEmpty)
    }

    @Test func writtenValuesAreExactAndPlain() throws {
        let school = SchoolYear(
            year: 2025, countyCode: "110101", schoolCode: "S1", schoolName: "一小", type: .primary, locality: .town,
            boarding: true, facilities: Facilities(teachingArea: 1200, sportsArea: 0.00001, equipmentValue: 1.5e16, multimediaRooms: 3))
        let text = try String(decoding: SchoolsWriter().write([school]), as: UTF8.self)
        #expect(text.hasSuffix("\r\n2025,110101,,S1,一小,小学,,镇区,公办,是,,,,,,,,,,,,,,,,,,,,1200,0.00001,15000000000000000,3,,,,,,,,,,,,,,\r\n"))
    }

    @Test func factsReadBackAsWritten() async throws {
        let standard = try Standard.builtIn("quality-2017")
        let facts = Gen<FactRule?>.element(of: standard.facts).map { $0! }
        let fact = zip(facts, Gen.double(in: 0...200), Gen.bool, Gen.int(in: 2020...2030)).map { rule, number, yes, year in
            CountyFact(
                year: year, countyCode: "110101", item: rule.key,
                value: rule.isBoolean ? (yes ? .yes : .no) : .number(number), evidence: yes ? "文号 \"2025\", 第3条" : nil)
        }
        await propertyCheck(count: 40, input: fact.array(of: 0...10)) { facts in
            // One value per county, year and item.
            var seen = Set<String>()
            let unique = facts.filter { seen.insert("\($0.year) \($0.item)").inserted }
            for headers in HeaderStyle.allCases {
                for encoding in TextEncoding.allCases {
                    do {
                        let bytes = try FactsWriter(headers: headers, encoding: encoding).write(unique)
                        #expect(try FactsReader(standard: standard).read(bytes, file: "f.csv").facts == unique)
                    } catch {
                        Issue.record("\(headers) \(encoding): \(error)")
                    }
                }
            }
        }
    }
}
