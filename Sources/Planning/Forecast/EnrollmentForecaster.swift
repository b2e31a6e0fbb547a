import Domain

/// Makes the ``EnrollmentForecast`` of a county's schools from their enrollment history (and
/// births and blocks when given), under the rules' window, horizon and class sizes.
public struct EnrollmentForecaster: Sendable {
    public var rules: ZoningRules

    public init(rules: ZoningRules) {
        self.rules = rules
    }

    /// The forecast of `schools` (the county's rows of the base year, for names, stages and
    /// capacity) from `history`; `births` of the county (area code = county code); `blocks` for
    /// intake without births.
    public func forecast(schools: [SchoolYear], history: [EnrollmentRecord], births: [BirthRecord] = [],
                         blocks: [ResidentialBlock] = [], years horizon: Int? = nil) -> EnrollmentForecast {
        let horizon = horizon ?? rules.forecastYears
        let codes = Set(schools.map(\.schoolCode))
        let history = history.filter { codes.contains($0.schoolCode) }
        guard let base = history.map(\.year).max() else { return EnrollmentForecast(baseYear: 0, years: [], schools: []) }
        let window = (base - rules.forecastWindow + 1)...base
        let years = Array((base + 1)...(base + horizon))
        let county = schools.first?.countyCode ?? ""

        // students[school][year][grade]
        var students: [String: [Int: [Int: Double]]] = [:]
        var classes: [String: [Int: [Int: Int]]] = [:]
        for r in history {
            students[r.schoolCode, default: [:]][r.year, default: [:]][r.grade] = Double(r.students)
            classes[r.schoolCode, default: [:]][r.year, default: [:]][r.grade] = r.classes
        }
        let birthsByYear = Dictionary(births.filter { $0.areaCode == county }.map { ($0.year, Double($0.births)) }, uniquingKeysWith: +)
        let zoneChildren = Dictionary(blocks.compactMap { b in b.currentSchool[.primary].map { ($0, Double(b.children(.primary))) } }, uniquingKeysWith: +)

        func mean(_ ratios: [Double]) -> Double? { ratios.isEmpty ? nil : ratios.reduce(0, +) / Double(ratios.count) }
        func countyGrade(_ year: Int, _ grade: Int) -> Double {
            students.values.reduce(0) { $0 + ($1[year]?[grade] ?? 0) }
        }

        // Ratios from history.
        var progression: [String: [Int: Double]] = [:]
        var entry: [String: Double] = [:]
        var share7: [String: Double] = [:]
        var meanIntake: [String: [Int: Double]] = [:]
        for (code, byYear) in students {
            for g in [2, 3, 4, 5, 6, 8, 9] {
                let ratios = window.compactMap { y -> Double? in
                    guard let now = byYear[y]?[g], let before = byYear[y - 1]?[g - 1], before > 0 else { return nil }
                    return now / before
                }
                progression[code, default: [:]][g] = mean(ratios)
            }
            entry[code] = mean(window.compactMap { y in
                guard let now = byYear[y]?[1], let born = birthsByYear[y - 6], born > 0 else { return nil }
                return now / born
            })
            share7[code] = mean(window.compactMap { y in
                guard let now = byYear[y]?[7] else { return nil }
                let feeders = countyGrade(y - 1, 6)
                return feeders > 0 ? now / feeders : nil
            })
            for g in [1, 7] {
                meanIntake[code, default: [:]][g] = mean(window.compactMap { byYear[$0]?[g] })
            }
        }

        // Carry every school forward a year at a time (grade 7 needs the county's grade 6).
        var forecast = students
        var sources: [String: [Stage: EnrollmentForecast.IntakeSource]] = [:]
        for y in years {
            let countySix = forecast.values.reduce(0) { $0 + ($1[y - 1]?[6] ?? 0) }
            for code in forecast.keys.sorted() {
                let last = forecast[code]![y - 1] ?? [:]
                var next: [Int: Double] = [:]
                let taught = Set(forecast[code]!.values.flatMap(\.keys))
                for g in taught.sorted() {
                    switch g {
                    case 1:
                        if let e = entry[code], let born = birthsByYear[y - 6] {
                            next[1] = e * born
                            sources[code, default: [:]][.primary] = .births
                        } else if let zone = zoneChildren[code], zone > 0 {
                            next[1] = zone / 6
                            sources[code, default: [:]][.primary] = sources[code]?[.primary] ?? .blocks
                        } else {
                            next[1] = meanIntake[code]?[1] ?? last[1] ?? 0
                            sources[code, default: [:]][.primary] = sources[code]?[.primary] ?? .history
                        }
                    case 7:
                        if let s = share7[code], countySix > 0 {
                            next[7] = s * countySix
                            sources[code, default: [:]][.junior] = .county
                        } else {
                            next[7] = meanIntake[code]?[7] ?? last[7] ?? 0
                            sources[code, default: [:]][.junior] = sources[code]?[.junior] ?? .history
                        }
                    default:
                        next[g] = (progression[code]?[g] ?? 1) * (last[g - 1] ?? 0)
                    }
                }
                forecast[code]![y] = next
            }
        }

        let rows = Dictionary(schools.map { ($0.schoolCode, $0) }, uniquingKeysWith: { a, _ in a })
        var result: [EnrollmentForecast.SchoolForecast] = []
        for code in forecast.keys.sorted() {
            guard let row = rows[code] else { continue }
            var stages: [EnrollmentForecast.StageForecast] = []
            for stage in [Stage.primary, .junior] {
                let grades = Array(EnrollmentForecast.grades(of: stage))
                let baseClasses = grades.map { classes[code]?[base]?[$0] ?? 0 }
                guard baseClasses.contains(where: { $0 > 0 }) || grades.contains(where: { students[code]?[base]?[$0] != nil }) else { continue }
                let size = rules.classSize(stage)
                let rooms = baseClasses.reduce(0, +)
                let capacity = row.record(for: stage)?.capacity ?? rooms * size
                var running = baseClasses
                var yearRows: [EnrollmentForecast.YearForecast] = []
                for y in years {
                    let values = grades.map { forecast[code]?[y]?[$0] ?? 0 }
                    let needed = values.reduce(0) { $0 + Int(($1 / Double(size)).rounded(.up)) }
                    // Cohorts keep their classes; the new grade gets the rooms left.
                    var formed = [0] + running.dropLast()
                    let intakeRooms = max(1, rooms - formed.dropFirst().reduce(0, +))
                    formed[0] = values[0] > 0 ? intakeRooms : 0
                    for (k, v) in values.enumerated() where v > 0 && formed[k] == 0 { formed[k] = 1 }
                    var large = 0, huge = 0, largest = 0
                    for (k, v) in values.enumerated() {
                        let s = EnrollmentForecast.spread(Int(v.rounded()), over: formed[k], large: rules.largeClass, huge: rules.hugeClass)
                        large += s.large
                        huge += s.huge
                        largest = max(largest, s.largest)
                    }
                    running = formed
                    yearRows.append(.init(year: y, grades: values, classesNeeded: needed, classes: formed,
                                          largeClasses: large, hugeClasses: huge, largestClass: largest))
                }
                stages.append(.init(stage: stage, capacity: capacity, classrooms: rooms,
                                    intakeSource: sources[code]?[stage] ?? .history, years: yearRows))
            }
            if !stages.isEmpty { result.append(.init(code: code, name: row.schoolName, stages: stages)) }
        }
        return EnrollmentForecast(baseYear: base, years: years, schools: result)
    }
}
