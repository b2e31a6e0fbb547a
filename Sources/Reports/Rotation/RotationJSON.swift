import Domain
import Interchange
import Planning

/// `junheng plan rotate --format json`: the rotation plan for scripts, keys in English
/// snake_case in a fixed order, values as machine keys (reasons, steps, stages, resources),
/// numbers unrounded, shares as fractions.
///
/// ```json
/// {"county_code": "130102", "county_name": "长安区", "year": 2025,
///  "eligible": 412, "movers": 42, "required_movers": 42, "backbone_movers": 9,
///  "required_backbone_movers": 9, "meets_quota": true,
///  "eligible_principals": 12, "required_principal_movers": 2, "principal_movers": 2,
///  "meets_principal_quota": true, "kilometres": 231.5,
///  "cvs": […], "objective": […], "title_structure": […], "moves": […], "schools": […],
///  "count_differences": […], "rural_service": {"candidates": …, "qualify_now": …,
///  "qualify_after": …, "entries": […]}}
/// ```
///
/// `movers` counts teachers, principals not included; a school's `below_staffing_need` is
/// `null` when its need is unknown.
public struct RotationJSON: Sendable {
    let context: RotationWording.Context

    /// A writer for plans made for `schools` (one county's rows of one year).
    public init(schools: [SchoolYear]) {
        context = RotationWording.Context(schools)
    }

    /// The document of `plan`, its rural-service record and the teacher counts that differ
    /// from the schools file.
    public func document(_ plan: RotationPlan, ruralService: RuralServiceRecord, differences: [TeacherCountDifference]) -> JSONValue {
        .object([
            ("county_code", .string(context.countyCode)),
            ("county_name", .string(context.countyName)),
            ("year", context.year.map(JSONValue.int) ?? .null),
            ("eligible", .int(plan.eligible)),
            ("movers", .int(plan.teacherMovers)),
            ("required_movers", .int(plan.requiredMovers)),
            ("backbone_movers", .int(plan.backboneMovers)),
            ("required_backbone_movers", .int(plan.requiredBackboneMovers)),
            ("meets_quota", .bool(plan.meetsQuota)),
            ("eligible_principals", .int(plan.eligiblePrincipals)),
            ("required_principal_movers", .int(plan.requiredPrincipalMovers)),
            ("principal_movers", .int(plan.principalMovers)),
            ("meets_principal_quota", .bool(plan.meetsPrincipalQuota)),
            ("kilometres", .number(plan.kilometres)),
            ("cvs", .array(plan.changes.map(change))),
            ("objective", .array(plan.objective.map(term))),
            ("title_structure", .array(plan.titleStructure.map(title))),
            ("moves", .array(plan.moves.map(move))),
            ("schools", .array(plan.schools.map(school))),
            ("count_differences", .array(differences.map(difference))),
            ("rural_service", record(ruralService)),
        ])
    }

    func change(_ change: TeacherIndicatorChange) -> JSONValue {
        .object([
            ("stage", .string(change.stage.rawValue)),
            ("resource", .string(change.resource.rawValue)),
            ("before", .number(change.before)),
            ("after", .number(change.after)),
        ])
    }

    func term(_ term: RotationObjectiveTerm) -> JSONValue {
        .object([
            ("step", .string(term.step.rawValue)),
            ("stage", .string(term.stage?.rawValue)),
            ("swaps", .int(term.swaps)),
            ("measure", .string(RotationWording.measureKey(term.step))),
            ("before", .number(term.before)),
            ("after", .number(term.after)),
            ("kilometres", .number(term.kilometres)),
            ("optimal", .bool(term.optimal)),
        ])
    }

    func title(_ row: TitleStructure) -> JSONValue {
        .object([
            ("stage", .string(row.stage.rawValue)),
            ("rural_before", .number(row.ruralBefore)),
            ("town_before", .number(row.townBefore)),
            ("rural_after", .number(row.ruralAfter)),
            ("town_after", .number(row.townAfter)),
            ("reached", .bool(row.reached)),
        ])
    }

    func move(_ move: TeacherMove) -> JSONValue {
        .object([
            ("teacher_id", .string(move.teacherID)),
            ("from_school", .string(move.from)),
            ("from_school_name", .string(context.name(move.from))),
            ("to_school", .string(move.to)),
            ("to_school_name", .string(context.name(move.to))),
            ("stage", .string(move.stage.rawValue)),
            ("reason", .string(move.reason.rawValue)),
            ("swap", .int(move.swap)),
            ("kilometres", .number(move.kilometres)),
        ])
    }

    func school(_ school: SchoolRotationCounts) -> JSONValue {
        .object([
            ("school_code", .string(school.schoolCode)),
            ("school_name", .string(school.schoolName)),
            ("locality", .string(school.locality.rawValue)),
            ("stage", .string(school.stage.rawValue)),
            ("students", .int(school.students)),
            ("staffing_need", school.staffingNeed.map(JSONValue.int) ?? .null),
            ("pe_art_need", school.peArtNeed.map(JSONValue.int) ?? .null),
            ("below_staffing_need", .bool(RotationWording.belowStaffingNeed(school))),
            ("before", counts(school.before)),
            ("after", counts(school.after)),
        ])
    }

    func counts(_ counts: TeacherCounts) -> JSONValue {
        .object(RotationWording.counts.map { ($0.key, .int($0.value(counts))) })
    }

    func difference(_ difference: TeacherCountDifference) -> JSONValue {
        .object([
            ("school_code", .string(difference.schoolCode)),
            ("school_name", .string(context.name(difference.schoolCode))),
            ("stage", .string(difference.stage.rawValue)),
            ("column", .string(difference.column.key)),
            ("reported", difference.reported.map(JSONValue.int) ?? .null),
            ("counted", .int(difference.counted)),
        ])
    }

    func record(_ record: RuralServiceRecord) -> JSONValue {
        .object([
            ("candidates", .int(record.entries.count)),
            ("qualify_now", .int(record.entries.count(where: \.qualifiesNow))),
            ("qualify_after", .int(record.entries.count(where: \.qualifiesAfterMove))),
            ("entries", .array(record.entries.map { entry in
                .object([
                    ("teacher_id", .string(entry.teacherID)),
                    ("school_code", .string(entry.schoolCode)),
                    ("school_name", .string(context.name(entry.schoolCode))),
                    ("service_years", .int(entry.serviceYears)),
                    ("qualifies_now", .bool(entry.qualifiesNow)),
                    ("qualifies_after_move", .bool(entry.qualifiesAfterMove)),
                ])
            })),
        ])
    }
}
