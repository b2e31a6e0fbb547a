import Domain
import Reports

extension HTMLRenderer {
    /// The renderer of a page of `county` in `year`: a school links to its page of that year,
    /// a row of a school's history to its page of the row's year.
    init(language: Language, county: String, year: Int, rowLimit: Int? = nil) {
        self.init(language: language, rowLimit: rowLimit) { link in
            switch link {
            case let .school(code): "/counties/\(county)/schools/\(code)?year=\(year)"
            case let .schoolYear(code, other): "/counties/\(county)/schools/\(code)?year=\(other)"
            }
        }
    }
}
