import Domain
import NIOCore
import Storage
import UseCases

/// The county overview's HTML that is the same for every viewer allowed to read the county:
/// everything but the lock panel (``CountyLockPanel``, the viewer's buttons and form token),
/// which goes between ``summary`` and ``details``. Costly to make — every year of the county
/// evaluated for the trend, the report built and rendered — and kept in ``WebServices/countyPages``
/// until the county's data revision moves.
struct CountyPageBody: Sendable {
    /// What a kept body is found by: the county, the year asked for (`nil`: the latest), the
    /// school table's query and the language. Never the viewer: the body holds nothing of
    /// theirs, and the route checks their access before it looks.
    struct Key: Hashable, Sendable {
        var county: String
        var year: Int?
        var query: CountySchoolQuery
        var language: Language
    }

    /// The page's title.
    var heading: String
    /// The year shown (the latest when none was asked for).
    var year: Int
    /// The year's lock, for the lock panel.
    var lock: YearLock?
    /// The heading, the year switch and the verdict, as sent.
    var summary: ByteBuffer
    /// The indicators, the trend, the failing schools, the school table, as sent.
    var details: ByteBuffer

    /// The body of `page`, the overview of `evaluation`.
    init(_ page: CountyPage, evaluation: CountyEvaluation) {
        heading = page.heading
        year = evaluation.year
        lock = evaluation.lock
        summary = ByteBuffer(string: page.summary)
        details = ByteBuffer(string: page.details)
    }
}
