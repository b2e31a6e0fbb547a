import Domain
import Storage

/// The check every way of giving an account its scope makes (`junheng user add`, the
/// administrator's account pages): its counties must have data, its school must be a school
/// of its county — an account scoped to nothing would see nothing, and a mistyped code is
/// better refused than kept.
public enum AccountScope {
    /// Why `counties` and `school` are no scope in `store`, in `language`; `nil` when they are.
    public static func problem(counties: [String], school: String?, store: any SchoolDataStore, language l: Language) async throws -> String? {
        let known = Set(try await store.counties().map(\.code))
        for county in counties where !known.contains(county) {
            return l.pick("县区 \(county) 在数据库中没有数据：请先导入其学校数据，或核对县区代码。",
                          "county \(county) has no data in this database: import its schools first (junheng import schools.csv), or check the code")
        }
        if let school, let county = counties.first, try await store.schoolHistory(county: county, school: school).isEmpty {
            return l.pick("学校 \(school) 不是县区 \(county) 的学校。", "school \(school) is not a school of county \(county) in this database")
        }
        return nil
    }
}
