import Domain
import Foundation
import Testing
@testable import Interchange

/// Fixture files and small CSV builders shared by the CSV tests.
enum CSVFixtures {
    /// The bytes of `Fixtures/<name>`.
    static func bytes(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
        return try [UInt8](Data(contentsOf: url))
    }

    /// The columns of the small schools files the rule tests build.
    static let columns = [
        "year", "county_code", "school_code", "school_name", "school_type", "parent_school_code", "locality",
        "longitude", "latitude", "students_primary", "students_junior", "classes_primary", "classes_junior",
        "teachers_primary", "teachers_junior", "qualified_primary", "qualified_junior", "backbone_primary",
        "backbone_junior", "pe_art_primary", "pe_art_junior", "teaching_area", "sports_area",
        "equipment_value", "multimedia_rooms",
    ]

    /// A valid primary school row.
    static let primarySchool: [String: String] = [
        "year": "2025", "county_code": "110101", "school_code": "S1", "school_name": "一小",
        "school_type": "primary", "locality": "urban", "students_primary": "300", "classes_primary": "10",
        "teachers_primary": "20", "qualified_primary": "18", "backbone_primary": "4", "pe_art_primary": "3",
        "teaching_area": "1000", "sports_area": "800", "equipment_value": "50000", "multimedia_rooms": "10",
    ]

    /// A schools file with ``columns`` and one row per change set applied to ``primarySchool``.
    static func schools(_ rows: [[String: String]]) -> String {
        ([columns] + rows.map { changes in columns.map { changes[$0] ?? primarySchool[$0] ?? "" } })
            .map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// The problems `SchoolsReader` finds in `csv`, as `FILE:ROW:COLUMN: message`; empty
    /// when it reads.
    static func schoolErrors(_ csv: String, language: Language = .english) -> [String] {
        do {
            _ = try SchoolsReader(language: language).read(Array(csv.utf8), file: "t.csv")
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }
}
