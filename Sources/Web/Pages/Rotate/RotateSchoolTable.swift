import Domain
import UseCases

/// Each school's teachers per stage before → after the plan, against its staffing need
/// (编制需求) and its PE/art need; a count below its need in the failing colour. Capped
/// (``RotateCap``).
struct RotateSchoolTable {
    struct Row {
        var href: String
        var name: String
        var code: String
        var locality: String
        var stage: String
        var students: String
        var staffingNeed: String
        var teachers: String
        var teachersClass: String
        var qualified: String
        var backbone: String
        var peArtNeed: String
        var peArt: String
        var peArtClass: String
        var seniorTitle: String
    }

    var heading: String
    var note: String
    var headers: [String]
    var rows: [Row]
    var cap: RotateCap
    var empty: String?

    init(rotation: CountyRotation, language l: Language) {
        let schools = rotation.plan.schools
        heading = l.pick("各校教师数：交流前 → 交流后", "Teachers per school: before → after")
        note = l.pick(
            "编制需求按城乡统一编制标准（小学生师比 \(Decimals.compact(rotation.rules.studentsPerTeacher[.primary] ?? 0))∶1、初中 \(Decimals.compact(rotation.rules.studentsPerTeacher[.junior] ?? 0))∶1，不足 \(rotation.rules.smallSchoolStudents) 人的小规模学校按班师比）测算；体育艺术教师需求按每百名学生 \(Decimals.compact(rotation.rules.peArtPer100Students)) 人。低于需求的以红色标出。",
            "Staffing need by the unified urban-rural staffing standard (\(Decimals.compact(rotation.rules.studentsPerTeacher[.primary] ?? 0)) primary and \(Decimals.compact(rotation.rules.studentsPerTeacher[.junior] ?? 0)) junior students per teacher; schools under \(rotation.rules.smallSchoolStudents) students by class); PE/art need at \(Decimals.compact(rotation.rules.peArtPer100Students)) per 100 students. Counts below their need are in red.")
        headers = l == .chinese
            ? ["学校", "城乡", "学段", "在校生数", "编制需求", "专任教师数", "高于规定学历教师数", "县级以上骨干教师数", "体育艺术教师需求", "体育艺术专任教师数", "中级及以上职称教师数"]
            : ["School", "Locality", "Stage", "Students", "Staffing need", "Teachers", "Above statutory qualification", "Backbone", "PE/art need", "PE/art teachers", "Mid-level or higher title"]
        cap = RotateCap(count: schools.count, noun: ("行", "rows"), language: l)
        let county = rotation.countyCode, year = rotation.year
        rows = schools[cap.range].map { school in
            let before = school.before, after = school.after
            func short(_ count: Int, _ need: Int?) -> Bool { need.map { count < $0 } ?? false }
            return Row(
                href: "/counties/\(county)/schools/\(school.schoolCode)?year=\(year)",
                name: school.schoolName, code: school.schoolCode, locality: school.locality.name(in: l),
                stage: school.stage.name(in: l), students: String(school.students),
                staffingNeed: school.staffingNeed.map(String.init) ?? "—",
                teachers: RotateText.change(before.teachers, after.teachers),
                teachersClass: short(after.teachers, school.staffingNeed) ? "num fail" : "num",
                qualified: RotateText.change(before.qualified, after.qualified),
                backbone: RotateText.change(before.backbone, after.backbone),
                peArtNeed: school.peArtNeed.map(String.init) ?? "—",
                peArt: RotateText.change(before.peArt, after.peArt),
                peArtClass: short(after.peArt, school.peArtNeed) ? "num fail" : "num",
                seniorTitle: RotateText.change(before.seniorTitle, after.seniorTitle))
        }
        empty = schools.isEmpty ? l.pick("方案没有给出各校教师数。", "The plan gives no per-school counts.") : nil
    }
}
