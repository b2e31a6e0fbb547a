import Testing
@testable import Domain

/// School clusters (学区/教育集团): a cluster evaluated as its own grouping unit by the county's
/// engine agrees with the worked example computed by hand; a school is in one cluster of a kind.
@Suite("School clusters")
struct ClusterTests {
    static let standard = try! Standard.builtIn("quality-2017")

    @Test func aClustersCVAgreesWithTheWorkedExample() throws {
        let schools = [
            SchoolFactory.primary("A", students: 400, teachingArea: 1_200),
            SchoolFactory.primary("B", students: 100, teachingArea: 200),
            SchoolFactory.primary("C", students: 500, teachingArea: 2_500),
            SchoolFactory.primary("D", students: 1_000, teachingArea: 6_100),
        ]
        let evaluator = Evaluator(standard: Self.standard)
        let county = evaluator.evaluateCounty(schools, facts: nil)
        let cluster = SchoolCluster(countyCode: "130102", id: "XQ01", name: "城东学区", kind: .district, coreSchool: "C", members: ["C", "A", "B"])
        let result = try #require(ClusterResult.evaluate([cluster], schools: schools, evaluator: evaluator).first)
        let area = try #require(Self.standard.indicators.firstIndex { $0.key == "teaching_area_per_student" })
        let indicator = try #require(result.result.stages.first { $0.stage == .primary }?.indicators.first { $0.index == area })
        // By hand: values 3, 2, 5 weighted 400, 100, 500.
        let pupils: [Double] = [400, 100, 500], values: [Double] = [3, 2, 5]
        let mean: Double = zip(pupils, values).map { $0 * $1 }.reduce(0, +) / 1_000
        let squares: Double = zip(pupils, values).map { $0 * ($1 - mean) * ($1 - mean) }.reduce(0, +)
        let s: Double = (squares / 1_000).squareRoot()
        #expect(abs(mean - 3.9) < 1e-12)
        #expect(abs(try #require(indicator.countyValue) - 3.9) < 1e-12)
        #expect(abs(try #require(indicator.cv) - s / mean) < 1e-12)
        #expect(abs(try #require(indicator.cv) - 0.29122) < 1e-5)
        #expect(result.result.units.map(\.unit.schoolCode).sorted() == ["A", "B", "C"])
        // Against the county (ΣA/ΣP = 10,000 / 2,000 = 5.0): 1.1 m² per pupil behind.
        #expect(abs(try #require(result.gap(stage: .primary, indicator: area, county: county)) - (3.9 - 5.0)) < 1e-12)
    }

    @Test func aSchoolIsInOneClusterOfEachKind() {
        let schools: Set<String> = ["A", "B", "C", "D"]
        let district = SchoolCluster(countyCode: "130102", id: "XQ01", name: "城东学区", kind: .district, coreSchool: nil, members: ["A", "B"])
        func problem(_ cluster: SchoolCluster) -> String? {
            SchoolCluster.problem(of: cluster, among: [district], schools: schools, language: .chinese)
        }
        #expect(problem(SchoolCluster(countyCode: "130102", id: "XQ02", name: "城西学区", kind: .district, coreSchool: nil, members: ["B", "C"]))?
            .contains("已属于学区“城东学区”") == true)
        // The same school in a district and an education group is allowed.
        #expect(problem(SchoolCluster(countyCode: "130102", id: "JT01", name: "实验教育集团", kind: .group, coreSchool: "A", members: ["A", "C"])) == nil)
        // Replacing the district itself is no conflict.
        #expect(problem(SchoolCluster(countyCode: "130102", id: "XQ01", name: "城东学区", kind: .district, coreSchool: nil, members: ["A", "B", "D"])) == nil)
        #expect(problem(SchoolCluster(countyCode: "130102", id: "JT02", name: "x", kind: .group, coreSchool: "D", members: ["A", "C"])) != nil)
        #expect(problem(SchoolCluster(countyCode: "130102", id: "JT03", name: "x", kind: .group, coreSchool: nil, members: ["A"])) != nil)
        #expect(problem(SchoolCluster(countyCode: "130102", id: "JT04", name: "x", kind: .group, coreSchool: nil, members: ["A", "Z"])) != nil)
        #expect(problem(SchoolCluster(countyCode: "130102", id: "bad id", name: "x", kind: .group, coreSchool: nil, members: ["A", "C"])) != nil)
    }
}
