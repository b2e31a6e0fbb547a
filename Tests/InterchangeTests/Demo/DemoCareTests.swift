import Demo
import Domain
@testable import Interchange
import Planning
import Testing

/// The demo's children register, cohorts and dropout ledger: consistent with its schools (every
/// file passes the checks a bureau's would), synthetic names only, reproducible, and giving
/// rates near but not always above the thresholds.
@Suite("Demo care data")
struct DemoCareTests {
    static let generator = DemoGenerator(seed: 7, counties: 4, year: 2025)
    static let data = generator.generate()
    static let teachers = generator.teachersWithClasses(of: data)
    static let care = generator.care(of: data, teachers: teachers)

    @Test func theFilesPassTheChecksAgainstTheSchools() throws {
        let children = try ChildrenReader().read(try ChildrenWriter().write(Self.care.children), file: "children.csv")
        #expect(children.children == Self.care.children)
        #expect(CareInputCheck().problems(children: children, schools: Self.data.schools).isEmpty)
        let cohorts = try CohortsReader().read(try CohortsWriter().write(Self.care.cohorts), file: "cohorts.csv")
        #expect(CareInputCheck().problems(cohorts: cohorts, schools: Self.data.schools).isEmpty)
        let dropouts = try DropoutsReader().read(try DropoutsWriter().write(Self.care.dropouts), file: "dropouts.csv")
        #expect(dropouts.cases == Self.care.dropouts)
        #expect(CareInputCheck().problems(dropouts: dropouts, children: Self.care.children, schools: Self.data.schools).isEmpty)
        // Every partner is a teacher of the child's school, who heads the child's class.
        let teachers = Dictionary(uniqueKeysWithValues: Self.teachers.map { ($0.id, $0) })
        for child in Self.care.children {
            guard let partner = child.partner else { continue }
            #expect(teachers[partner]?.schoolCode == child.schoolCode && teachers[partner]?.headOfClass == child.classId)
        }
    }

    @Test func namesAreSyntheticAndTheDrawIsReproducible() {
        let surnames = Set(["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"])
        #expect(Self.care.children.allSatisfy { $0.name.count == 3 && surnames.contains(String($0.name.first!)) })
        #expect(Self.care.children.allSatisfy { $0.guardianPhone?.hasPrefix("199") ?? true })
        let again = DemoGenerator(seed: 7, counties: 4, year: 2025)
        let data = again.generate()
        #expect(again.care(of: data, teachers: again.teachersWithClasses(of: data)).children == Self.care.children)
        // The schools and teachers are the same with or without the care data.
        #expect(data.schools == Self.data.schools)
    }

    @Test func eachCountyHasCasesForEveryRate() {
        for county in Self.data.counties {
            let children = Self.care.children.filter { $0.countyCode == county.code }
            let rates = CareRates(children: children, schools: Self.data.schools.filter { $0.countyCode == county.code },
                                  cohorts: Self.care.cohorts.filter { $0.countyCode == county.code })
            #expect(rates.county.leftBehind > 0 && rates.county.disabled > 0 && rates.county.needPartner > rates.county.paired)
            #expect((80...100).contains(rates.disabledEnrollment.percent ?? 0) && (90...100).contains(rates.retention?.percent ?? 0))
        }
    }
}
