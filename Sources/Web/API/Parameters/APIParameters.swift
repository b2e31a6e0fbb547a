import Domain

/// The parameters several operations share, declared once.
enum APIParameters {
    /// `{county}`: 县区代码, six digits.
    static let county = APIParameter(path: "county", "县区代码 (6 digits).", rule: .digits(6))
    /// `{year}`: 年度.
    static let year = APIParameter(path: "year", "年度.", rule: years)
    /// `{school}`: 学校标识码.
    static let school = APIParameter(path: "school", "学校标识码.", rule: .text(1...64))
    /// `?year=`: the data's year; the county's latest when absent.
    static let yearQuery = APIParameter(query: "year", "The data's year (default: the county's latest).", rule: years)
    /// `?lang=`: the language of messages (``LanguageMiddleware``), on every operation.
    static let lang = APIParameter(
        query: "lang", "Language of messages: `zh` (default) or `en`; remembered in a cookie.",
        rule: .oneOf(Language.allCases.map(\.rawValue)))

    /// The years the application stores.
    static let years = APIParameterRule.integer(1949...2200)
}
