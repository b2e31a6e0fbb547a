import Domain
import Hummingbird
import Interchange
import Reports
import UseCases

/// The rotation plan as a download: the workbook of ``RotationReport`` (every move, each
/// school before and after, the title structure, the whole rural-service record, the count
/// differences), the same one `junheng plan rotate --out plan.xlsx` writes.
enum RotateWorkbook {
    /// The workbook of `rotation` as an attachment, written on the pool for heavy work.
    static func response(_ rotation: CountyRotation, standard: Standard, language l: Language, heavy: HeavyWork) async throws -> Response {
        let bytes = try await heavy.run {
            try RotationReport(schools: rotation.schools, teachers: rotation.teachers, standard: standard, language: l)
                .workbook(rotation.plan, ruralService: rotation.record, differences: rotation.differences, rules: rotation.rules)
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                .contentDisposition: "attachment; filename=\"\(filename(rotation))\"",
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }

    /// `junheng-rotation-130102-2025.xlsx`.
    static func filename(_ rotation: CountyRotation) -> String {
        "junheng-rotation-\(rotation.countyCode)-\(rotation.year).xlsx"
    }
}
