import Domain
import Testing
@testable import Planning

@Suite("Enrollment forecast (招生预测)")
struct EnrollmentForecastTests {
    private let school = SchoolYear(year: 2024, countyCode: "430102", schoolCode: "P1", schoolName: "一小", type: .primary,
                                    locality: .urban, primary: StageRecord(students: 345, classes: 8))

    /// Grades 1–2 of 2022–2024 as in the doc comment.
    private var history: [EnrollmentRecord] {
        [(2022, 100, 90), (2023, 110, 95), (2024, 120, 105)].flatMap { y, g1, g2 in
            [EnrollmentRecord(year: y, schoolCode: "P1", grade: 1, students: g1, classes: 2),
             EnrollmentRecord(year: y, schoolCode: "P1", grade: 2, students: g2, classes: 2)]
        }
    }

    @Test("the doc comment's cohort, by hand")
    func handCohort() {
        let forecast = EnrollmentForecaster(rules: .defaults).forecast(schools: [school], history: history, years: 2)
        #expect(forecast.baseYear == 2024)
        #expect(forecast.years == [2025, 2026])
        let years = forecast.schools[0].stages[0].years
        let r2 = (95.0 / 100 + 105.0 / 110) / 2
        #expect(abs(years[0].grades[1] - r2 * 120) < 1e-9)
        #expect(abs(years[0].grades[1] - 114.27) < 0.01)
        // Without births or blocks grade 1 is the window's mean intake, (100 + 110 + 120) / 3.
        #expect(abs(years[0].grades[0] - 110) < 1e-9)
        #expect(forecast.schools[0].stages[0].intakeSource == .history)
        // The second year carries the forecast cohort on: r2 × 110.
        #expect(abs(years[1].grades[1] - r2 * 110) < 1e-9)
    }

    @Test("grade 1 from births six years earlier times the entry ratio")
    func births() {
        let births = [BirthRecord(areaCode: "430102", year: 2016, births: 1000), BirthRecord(areaCode: "430102", year: 2017, births: 1100),
                      BirthRecord(areaCode: "430102", year: 2018, births: 1200), BirthRecord(areaCode: "430102", year: 2019, births: 900)]
        let forecast = EnrollmentForecaster(rules: .defaults).forecast(schools: [school], history: history, births: births, years: 1)
        // entry = mean(100/1000, 110/1100, 120/1200) = 0.1; 2025 grade 1 = 0.1 × births of 2019.
        #expect(abs(forecast.schools[0].stages[0].years[0].grades[0] - 90) < 1e-9)
        #expect(forecast.schools[0].stages[0].intakeSource == .births)
    }

    @Test("children spread evenly over classes: counts of 大班额 and 超大班额")
    func spread() {
        // 167 = 56 + 56 + 55; 197 = 66 + 66 + 65; 200 = 67 + 67 + 66.
        #expect(EnrollmentForecast.spread(167, over: 3, large: 56, huge: 66) == (large: 2, huge: 0, largest: 56))
        #expect(EnrollmentForecast.spread(197, over: 3, large: 56, huge: 66) == (large: 3, huge: 2, largest: 66))
        #expect(EnrollmentForecast.spread(200, over: 3, large: 56, huge: 66) == (large: 3, huge: 3, largest: 67))
        #expect(EnrollmentForecast.spread(90, over: 2, large: 56, huge: 66) == (large: 0, huge: 0, largest: 45))
        #expect(EnrollmentForecast.spread(0, over: 2, large: 56, huge: 66) == (large: 0, huge: 0, largest: 0))
    }

    @Test("under today's classrooms a growing intake makes large classes and runs out of places")
    func runsOut() {
        var records: [EnrollmentRecord] = []
        for y in 2022...2024 {
            for g in 1...6 { records.append(EnrollmentRecord(year: y, schoolCode: "P1", grade: g, students: 45 + (y - 2022) * 20 * (g == 1 ? 1 : 0), classes: 1)) }
        }
        let births = (2014...2020).map { BirthRecord(areaCode: "430102", year: $0, births: 450 + ($0 - 2016) * 200) }
        var row = school
        row.primary = StageRecord(students: 270, classes: 6)
        let forecast = EnrollmentForecaster(rules: .defaults).forecast(schools: [row], history: records, births: births, years: 3)
        let stage = forecast.schools[0].stages[0]
        #expect(stage.classrooms == 6)
        #expect(stage.capacity == 6 * 45)
        #expect(stage.runsOutIn == 2025)
        #expect(stage.years.allSatisfy { $0.classes.reduce(0, +) >= 6 })
        #expect(stage.years.last!.largeClasses >= 1)
        #expect(stage.years.last!.classesNeeded > 6)
    }
}
