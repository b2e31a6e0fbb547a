import Domain
import Interchange
import Spreadsheet
import Planning

/// `junheng plan rotate --format csv`: one row per move, for scripts and spreadsheets —
/// English keys, machine values, kilometres unrounded:
///
/// `county_code,data_year,teacher_id,from_school,from_school_name,to_school,to_school_name,stage,reason,swap,kilometres`
///
/// `reason` is the move's key (`backbone`, `qualified`, `pe_art`, `senior_title`, `principal`,
/// `partner`, `quota`); the two moves of a swap share `swap`; `kilometres` is empty when a
/// school has no coordinates.
public struct RotationCSV: Sendable {
    /// The header row's keys.
    public static let columns = [
        "county_code", "data_year", "teacher_id", "from_school", "from_school_name", "to_school", "to_school_name",
        "stage", "reason", "swap", "kilometres",
    ]

    let context: RotationWording.Context

    /// A writer for plans made for `schools` (one county's rows of one year).
    public init(schools: [SchoolYear]) {
        context = RotationWording.Context(schools)
    }

    /// The whole file as UTF-8: the header and one record per move (CRLF line ends).
    public func document(_ plan: RotationPlan) -> [UInt8] {
        var writer = CSVWriter()
        for column in Self.columns { writer.cell(column) }
        writer.endRecord()
        for move in plan.moves {
            let cells: [String?] = [
                context.countyCode, context.year.map(String.init), move.teacherID, move.from, context.name(move.from),
                move.to, context.name(move.to), move.stage.rawValue, move.reason.rawValue, String(move.swap),
                move.kilometres.map(DecimalNumber.text),
            ]
            for cell in cells { writer.cell(cell) }
            writer.endRecord()
        }
        return writer.bytes
    }
}
