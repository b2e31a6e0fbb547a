import Testing
@testable import Domain

/// The published and constructed examples of official-methods.md §4.
@Suite("Worked examples (official-methods §4)")
struct WorkedExampleTests {
    /// §4A: weighted CV of 生均图书册数 over five primary schools.
    @Test func example4AWeightedCVOfBooks() {
        let students: [Double] = [45, 37, 89, 76, 55]
        let books: [Double] = [279, 137, 935, 160, 402]
        let sample = WeightedSample(values: zip(books, students).map { $0 / $1 }, weights: students)
        #expect(abs(sample.mean - 6.33444) < 1e-5)
        #expect(abs(sample.standardDeviation - 3.26386) < 1e-5)
        let cv = try! #require(sample.coefficientOfVariation)
        #expect(abs(cv - 0.51526) < 1e-5)
        // The unweighted forms are not the method.
        #expect(abs(cv - 0.4888) > 0.02)
        #expect(abs(cv - 0.5465) > 0.02)
    }

    /// §4A through the whole engine: the same five schools under basic-2012, books per student.
    @Test func example4AThroughTheEvaluator() throws {
        let standard = try Standard.builtIn("basic-2012")
        let students = [45, 37, 89, 76, 55]
        let books = [279, 137, 935, 160, 402]
        let schools = zip(students, books).enumerated().map { i, pair in
            SchoolYear(
                year: 2012, countyCode: "220102", schoolCode: "\(i + 1)", schoolName: "小学\(i + 1)",
                type: .primary, locality: .urban,
                primary: StageRecord(students: pair.0, classes: 2, teachers: 5, qualifiedTeachers: 4, backboneTeachers: 1, peArtTeachers: 1, seniorTitleTeachers: 2),
                facilities: Facilities(teachingArea: 500, sportsArea: 900, equipmentValue: 90000, multimediaRooms: 2, computers: 10, books: pair.1))
        }
        let result = Evaluator(standard: standard).evaluateCounty(schools, facts: nil)
        let booksIndex = try #require(standard.indicators.firstIndex { $0.key == "books_per_student" })
        let primary = try #require(result.stages.first { $0.stage == .primary })
        let cv = try #require(primary.indicators[booksIndex].cv)
        #expect(abs(cv - 0.51526) < 1e-5)
        #expect(primary.indicators[booksIndex].pass == nil, "2012 judges only the composite")
    }

    /// §4B: a 九年一贯制 school's 23 226 books split 1 : 1.1.
    @Test func example4BNineYearSplit() throws {
        let standard = try Standard.builtIn("basic-2012")
        let school = SchoolYear(
            year: 2012, countyCode: "130102", schoolCode: "J", schoolName: "九年一贯制", type: .nineYear,
            locality: .town, primary: StageRecord(students: 166), junior: StageRecord(students: 210),
            facilities: Facilities(books: 23226))
        let share = standard.splitWeights.share(of: .primary, in: school)
        #expect(abs(share - 166.0 / 397.0) < 1e-12)
        #expect(abs(share - 0.418136) < 1e-6)
        let primaryBooks = 23226 * share
        let juniorBooks = 23226 * standard.splitWeights.share(of: .junior, in: school)
        #expect(abs(primaryBooks - 9711) <= 1)
        #expect(abs(juniorBooks - 13515) <= 1)
        #expect(abs(primaryBooks + juniorBooks - 23226) < 1e-9)

        let booksIndex = try #require(standard.indicators.firstIndex { $0.key == "books_per_student" })
        let units = standard.units(of: [school]).units
        #expect(units.map(\.stage) == [.primary, .junior])
        #expect(abs(units[0].numerators[booksIndex]! - 9711.63) < 0.01)
    }

    /// §4C: the 2012 composite is the plain mean of the 8 CVs.
    @Test func example4CComposite() throws {
        let standard = try Standard.builtIn("basic-2012")
        let nanguan = [0.393, 0.578, 0.372, 0.246, 0.208, 0.311, 0.311, 0.455]
        let composite = try #require(BalanceRule.composite(of: nanguan))
        #expect(abs(composite - 0.359) < 0.0005)
        #expect(standard.balance.judged == .composite)
        #expect(standard.balance.passes(composite, stage: .primary))
        // 庐阳区: composite 0.592 passes although single CVs reach 1.299.
        #expect(standard.balance.passes(0.592, stage: .primary))
        #expect(!standard.balance.passes(0.66, stage: .primary))
        #expect(!standard.balance.passes(0.56, stage: .junior))
    }

    /// §4D (constructed): four primary units under the 2017 rules.
    @Test func example4DConstructed() throws {
        let standard = try Standard.builtIn("quality-2017")
        let j = SchoolYear(
            year: 2025, countyCode: "130102", schoolCode: "J", schoolName: "J", type: .nineYear, locality: .town,
            primary: StageRecord(students: 600, classes: 14, teachers: 40, qualifiedTeachers: 27, backboneTeachers: 8, peArtTeachers: 6),
            junior: StageRecord(students: 400, classes: 8, teachers: 36, qualifiedTeachers: 30, backboneTeachers: 5, peArtTeachers: 4),
            facilities: Facilities(teachingArea: 9000, sportsArea: 12000, equipmentValue: 2_600_000, multimediaRooms: 30))
        let schools = [
            SchoolFactory.primary("S1", students: 1200, teachingArea: 5400, qualified: 54),
            SchoolFactory.primary("S2", students: 300, teachingArea: 1200, qualified: 11),
            SchoolFactory.primary("S3", students: 80, teachingArea: 560, qualified: 3),
            j,
        ]
        let result = Evaluator(standard: standard).evaluateCounty(schools, facts: nil)
        let area = try #require(standard.indicators.firstIndex { $0.key == "teaching_area_per_student" })
        let qualified = try #require(standard.indicators.firstIndex { $0.key == "qualified_teachers_per100" })

        let primaryUnits = result.units.filter { $0.unit.stage == .primary }
        #expect(primaryUnits.map(\.unit.schoolCode) == ["J", "S1", "S2", "S3"])
        let jPrimary = primaryUnits[0]
        #expect(abs(jPrimary.unit.numerators[area]! - 5192.31) < 0.01)
        #expect(abs(jPrimary.values[area]! - 8.6538) < 1e-4)

        let primary = try #require(result.stages.first { $0.stage == .primary })
        #expect(abs(primary.indicators[area].countyValue! - 5.6662) < 1e-4)
        #expect(abs(primary.indicators[area].cv! - 0.3373) < 1e-4)
        #expect(primary.indicators[area].pass == true)
        #expect(abs(primary.indicators[qualified].countyValue! - 4.3578) < 1e-4)
        #expect(abs(primary.indicators[qualified].cv! - 0.0711) < 1e-4)

        let s2 = try #require(primaryUnits.first { $0.unit.schoolCode == "S2" })
        #expect(Set(s2.unmet) == [area, qualified])
        #expect(s2.passes == false, "two unmet items fail 至少6项 even above 85 %")
        let s3 = try #require(primaryUnits.first { $0.unit.schoolCode == "S3" })
        #expect(s3.unmet == [qualified])
        #expect(s3.passes == true)

        let failing = result.findings.compactMap { finding -> [String]? in
            if case let .unitsFailSchoolRule(.primary, units) = finding { return units.map(\.schoolCode) }
            return nil
        }
        #expect(failing == [["S2"]])
        #expect(result.verdict == .fail)
    }

    /// The floor of 85 % of 4.2 is 3.57 exactly, though 0.85 × 4.2 is not in binary.
    @Test func floorComparisonAbsorbsRepresentationErrorOnly() {
        #expect(Evaluator.reaches(357.0 / 100.0, 0.85 * 4.2))
        #expect(!Evaluator.reaches(3.5699, 0.85 * 4.2))
    }
}
