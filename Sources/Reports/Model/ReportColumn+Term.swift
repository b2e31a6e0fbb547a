import Domain

extension ReportColumn {
    /// The column of a vocabulary term: its key and its name in `language` (``Term``).
    public init(_ term: Term, _ language: Language, for audience: Audience = .everyone) {
        self.init(term.key, term.name(in: language), for: audience)
    }
}

extension [ReportColumn] {
    /// The columns of vocabulary `terms`, in order: `[ReportColumn](terms: [.schoolCode, .schoolName], l)`.
    public init(_ terms: [Term], _ language: Language) {
        self = terms.map { ReportColumn($0, language) }
    }
}
