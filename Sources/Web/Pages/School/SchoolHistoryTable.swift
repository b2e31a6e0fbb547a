import Domain

/// The school over every year it reported: the main fields per year, each year linking to
/// its page.
struct SchoolHistoryTable {
    struct Row {
        var year: String
        var href: String
        var current: Bool
        var cells: [String]
    }

    /// The fields shown: enrolment, classes, teachers and the main facilities.
    static let fields: [SchoolField] = [
        .studentsPrimary, .studentsJunior, .classesPrimary, .classesJunior, .teachersPrimary, .teachersJunior,
        .teachingArea, .sportsArea, .equipmentValue, .multimediaRooms, .books,
    ]

    var heading: String
    var headers: [String]
    var rows: [Row]

    init(history: [SchoolYear], shown: Int, language l: Language) {
        heading = l.pick("历年数据", "History")
        headers = [l.pick("年度", "Year")] + Self.fields.map { l.pick($0.chineseName, $0.key) }
        rows = history.map { row in
            Row(year: String(row.year), href: "/counties/\(row.countyCode)/schools/\(row.schoolCode)?year=\(row.year)",
                current: row.year == shown,
                cells: Self.fields.map { Self.show(row.value(of: $0)) })
        }
    }

    /// Counts as written, amounts with at most 3 decimals, "—" when not reported.
    static func show(_ value: FieldValue?) -> String {
        switch value {
        case .decimal(let x)?: Decimals.compact(x)
        case let value?: value.text
        case nil: "—"
        }
    }
}
