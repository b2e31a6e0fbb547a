import Demo
import Domain
import Interchange
import Testing

@Suite("School fields: the one catalogue of a row's values")
struct SchoolFieldTests {
    @Test func everyDemoRowRebuildsFromItsFieldValues() throws {
        for row in DemoGenerator(seed: 3, counties: 3).schools() {
            #expect(try SchoolYear(fields: row.fieldValues) == row)
        }
    }

    @Test func keysAreUniqueAndFindTheirField() {
        #expect(Set(SchoolField.allCases.map(\.key)).count == SchoolField.allCases.count)
        for field in SchoolField.allCases { #expect(SchoolField(key: field.key) == field) }
        #expect(SchoolField(key: "no_such") == nil)
    }

    @Test func unusableValuesNameTheirField() {
        var fields = DemoGenerator(seed: 3, counties: 1).schools()[0].fieldValues
        fields[.schoolType] = .text("castle")
        #expect(throws: FieldValueError(field: .schoolType, value: .text("castle"))) { try SchoolYear(fields: fields) }
        fields[.schoolType] = .text("primary")
        fields[.teachersPrimary] = .text("12")
        #expect(throws: FieldValueError(field: .teachersPrimary, value: .text("12"))) { try SchoolYear(fields: fields) }
        fields[.teachersPrimary] = .integer(-1)
        #expect(throws: FieldValueError(field: .teachersPrimary, value: .integer(-1))) { try SchoolYear(fields: fields) }
        fields[.teachersPrimary] = nil
        fields[.schoolName] = nil
        #expect(throws: FieldValueError(field: .schoolName, value: nil)) { try SchoolYear(fields: fields) }
    }

    @Test func canonicalTextIsPlain() {
        #expect(FieldValue.decimal(1200).text == "1200")
        #expect(FieldValue.decimal(0.1).text == "0.1")
        #expect(FieldValue.decimal(98_765_432.1).text == "98765432.1")
        #expect(FieldValue.flag(true).text == "true")
    }
}
