import Domain

/// How much of a long table the rotation page shows. The plan is made from an upload that
/// is not kept, so there is no second page to link to: the page shows the first rows and
/// says how many there are, and the whole list is in the workbook (and the API's JSON).
struct RotateCap {
    /// Rows shown at most per table.
    static let rows = 500

    /// `共 1,234 人次，显示前 500 人次…`, or the count alone when everything is shown.
    var summary: String
    /// The rows shown: the first ``rows``.
    var range: Range<Int>

    init(count: Int, noun: (zh: String, en: String), language l: Language) {
        range = 0..<min(count, Self.rows)
        if count > Self.rows {
            let whole = l.pick("完整列表见下载的方案（.xlsx）。", "The whole list is in the downloaded plan (.xlsx).")
            summary = l.pick("共 \(count) \(noun.zh)，显示前 \(Self.rows) \(noun.zh)。", "\(count) \(noun.en), the first \(Self.rows) shown. ") + whole
        } else {
            summary = l.pick("共 \(count) \(noun.zh)。", "\(count) \(noun.en).")
        }
    }
}
