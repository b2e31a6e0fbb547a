import Domain

extension ReportColumn {
    /// The column of a vocabulary term: its key and its name in `language` (``Term``).
    public init(_ term: Term, _ language: Language, for audience: Audience = .everyone) {
        self.init(term.key, term.name(in: language), for: audience)
    }
}
