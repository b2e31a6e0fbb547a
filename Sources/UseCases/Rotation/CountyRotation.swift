import Domain
import Storage

/// A county's year with the teacher rotation plan (交流轮岗方案) made from an uploaded
/// teachers file, as the rotation page and the API show it: the stored school rows, the
/// county's teachers, the rules, the plan, the rural-service record after its moves and the
/// teacher counts that differ from the school rows. Nothing of it is stored: the upload is
/// read, planned and shown. Made by ``PlanRotation/plan(_:teachers:rules:store:work:language:)``.
public struct CountyRotation: Sendable {
    /// The county and year planned.
    public var chosen: CountyYear
    /// The county's school rows of the year.
    public var schools: [SchoolYear]
    /// The teachers of those schools, in file order.
    public var teachers: [Teacher]
    /// The rules the plan followed.
    public var rules: RotationRules
    /// The plan.
    public var plan: RotationPlan
    /// The rural-service record after the plan's moves.
    public var record: RuralServiceRecord
    /// The teacher counts that differ from the school rows.
    public var differences: [TeacherCountDifference]
    /// What the readers noted without refusing (unknown columns or keys, teachers of other
    /// counties' schools), each a sentence.
    public var warnings: [String]

    /// 县区代码
    public var countyCode: String { chosen.code }
    /// 县区名称, when the data names it.
    public var countyName: String? { chosen.name }
    /// The year.
    public var year: Int { chosen.year }
    /// Every year the county has rows for, ascending.
    public var years: [Int] { chosen.years }

    /// The display name: 名称（代码）.
    public var title: String { countyName.map { "\($0)（\(countyCode)）" } ?? countyCode }
}
