import Domain
import Planning

/// The enrollment forecast as one JSON document (`junheng forecast --format json`): keys in
/// English snake_case, forecast students unrounded.
///
/// ```json
/// {"base_year": 2025, "years": [2026, …], "schools": [{"school_code": "…", "school_name": "…",
///  "stages": [{"stage": "primary", "capacity": 1350, "classrooms": 30, "intake_source": "births",
///  "runs_out_in": 2028, "years": [{"year": 2026, "grades": [210.5, …], "students": 1290.2,
///  "classes_needed": 30, "classes": [5, …], "large_classes": 0, "huge_classes": 0, "largest_class": 47}]}]}]}
/// ```
public struct ForecastDocument: Codable, Sendable, Equatable {
    public var baseYear: Int
    public var years: [Int]
    public var schools: [School]

    enum CodingKeys: String, CodingKey {
        case baseYear = "base_year", years, schools
    }

    public struct School: Codable, Sendable, Equatable {
        public var schoolCode: String
        public var schoolName: String
        public var stages: [StageYears]

        enum CodingKeys: String, CodingKey {
            case schoolCode = "school_code", schoolName = "school_name", stages
        }
    }

    public struct StageYears: Codable, Sendable, Equatable {
        public var stage: String
        public var capacity: Int
        public var classrooms: Int
        /// `births`, `blocks`, `history` or `county` (grade 7 from the county's grade 6).
        public var intakeSource: String
        public var runsOutIn: Int?
        public var years: [Year]

        enum CodingKeys: String, CodingKey {
            case stage, capacity, classrooms, intakeSource = "intake_source", runsOutIn = "runs_out_in", years
        }
    }

    public struct Year: Codable, Sendable, Equatable {
        public var year: Int
        public var grades: [Double?]
        public var students: Double?
        public var classesNeeded: Int
        public var classes: [Int]
        public var largeClasses: Int
        public var hugeClasses: Int
        public var largestClass: Int

        enum CodingKeys: String, CodingKey {
            case year, grades, students, classesNeeded = "classes_needed", classes
            case largeClasses = "large_classes", hugeClasses = "huge_classes", largestClass = "largest_class"
        }
    }

    public init(_ forecast: EnrollmentForecast) {
        baseYear = forecast.baseYear
        years = forecast.years
        schools = forecast.schools.map { school in
            School(schoolCode: school.code, schoolName: school.name, stages: school.stages.map { stage in
                StageYears(stage: stage.stage.rawValue, capacity: stage.capacity, classrooms: stage.classrooms,
                           intakeSource: stage.intakeSource.rawValue, runsOutIn: stage.runsOutIn, years: stage.years.map { y in
                    Year(year: y.year, grades: y.grades.map(\.finite), students: y.students.finite, classesNeeded: y.classesNeeded,
                         classes: y.classes, largeClasses: y.largeClasses, hugeClasses: y.hugeClasses, largestClass: y.largestClass)
                })
            })
        }
    }
}
