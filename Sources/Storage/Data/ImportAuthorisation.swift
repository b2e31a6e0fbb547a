import Domain

/// Whether an account may write an import batch: the one check that the web import, the
/// API and `junheng import --user` make after reading the files and before writing.
///
/// ```swift
/// if let refusal = try await ImportAuthorisation.refusal(of: batch, by: clerk, store: store, language: .chinese) {
///     // 403 on the web, exit 64 on the command line; nothing is written
/// }
/// ```
public enum ImportAuthorisation {
    /// Why `account` may not import `batch`, or `nil` when it may: it must be allowed to
    /// import into every county the batch touches and edit every school row it replaces — including a stored row of the same code in another
    /// county, which a row naming a different county would move. County facts are
    /// county-wide data: only an account that sees the whole county may record them (not
    /// a school clerk).
    public static func refusal(
        of batch: ImportBatch, by account: Account, store: any SchoolDataStore, language l: Language
    ) async throws -> String? {
        do {
            try await check(batch, account: account, store: store, language: l)
            return nil
        } catch let refusal as Refusal {
            return refusal.message
        }
    }

    /// Why a batch is refused, in the caller's language.
    private struct Refusal: Error {
        var message: String
    }

    private static func check(_ batch: ImportBatch, account: Account, store: any SchoolDataStore, language l: Language) async throws {
        func refuse(_ zh: String, _ en: String) -> Refusal { Refusal(message: l.pick(zh, en)) }
        for county in Set(batch.countyYears.map(\.countyCode)).sorted() where !account.may(.importInto(county: county)) {
            throw refuse("您的账号无权向县区 \(county) 导入数据。", "Your account may not import into county \(county).")
        }
        for row in batch.schools where !account.may(.editSchool(county: row.countyCode, school: row.schoolCode)) {
            throw refuse("您的账号无权导入学校 \(row.schoolCode)（\(row.schoolName)）的数据。",
                         "Your account may not import the row of school \(row.schoolCode) (\(row.schoolName)).")
        }
        try await checkClassification(batch, account: account, store: store, language: l)
        for fact in batch.facts where !account.may(.readCounty(fact.countyCode)) {
            throw refuse("县级指标只能由县级规划人员或系统管理员导入（县区 \(fact.countyCode)）。",
                         "County facts may be imported only by the county's planner or an administrator (county \(fact.countyCode)).")
        }
        for year in Set(batch.schools.map(\.year)).sorted() {
            let codes = Dictionary(batch.schools.filter { $0.year == year }.map { ($0.schoolCode, $0.countyCode) }) { _, last in last }
            for stored in try await store.schoolYears(year: year, counties: nil) {
                guard let county = codes[stored.schoolCode], county != stored.countyCode else { continue }
                guard account.may(.importInto(county: stored.countyCode)),
                      account.may(.editSchool(county: stored.countyCode, school: stored.schoolCode)) else {
                    throw refuse("学校 \(stored.schoolCode) 在 \(year) 年属于县区 \(stored.countyCode)，您的账号无权修改。",
                                 "School \(stored.schoolCode) belongs to county \(stored.countyCode) in \(year); your account may not change it.")
                }
            }
        }
    }

    /// Refuses rows that an account without ``Permission/classifySchools(county:)`` (a
    /// school clerk) would use to add a school or change how one is classified: each row
    /// must keep the classification of the school's row of the same year, or else of its
    /// latest stored year.
    private static func checkClassification(_ batch: ImportBatch, account: Account, store: any SchoolDataStore, language l: Language) async throws {
        for row in batch.schools where !account.may(.classifySchools(county: row.countyCode)) {
            let history = try await store.schoolHistory(county: row.countyCode, school: row.schoolCode)
            guard let stored = history.first(where: { $0.year == row.year }) ?? history.last else {
                throw Refusal(message: l.pick(
                    "学校 \(row.schoolCode) 尚未登记，只能由县级规划人员导入。",
                    "School \(row.schoolCode) is not registered yet; only the county's planner may import it."))
            }
            let changed = row.reclassifiedFields(from: stored)
            guard changed.isEmpty else {
                let names = changed.map { l.pick($0.chineseName, $0.key) }.joined(separator: l.pick("、", ", "))
                throw Refusal(message: l.pick(
                    "学校 \(row.schoolCode) 的\(names)只能由县级规划人员修改。",
                    "Only the county's planner may change \(names) of school \(row.schoolCode)."))
            }
        }
    }
}
