import Domain

/// Reads the `sites` file (布点: existing schools and candidate sites of the layout planner)
/// into ``LayoutSite`` values, or refuses it with every problem listed.
///
/// Columns (Chinese header or English key, in any order): 布点编号 `site_id` (required, once
/// in the file; its own namespace, apart from block ids), 名称 `site_name`, 经度 `longitude` /
/// 纬度 `latitude` (both or neither), 学校标识码 `school_code` (empty for a candidate site),
/// 小学学位数 `capacity_primary` and 初中学位数 `capacity_junior` (whole numbers; empty =
/// unlimited), 新建费用 `build_cost` and 每增一班费用 `expand_cost_per_class` (yuan),
/// 最多班数 `max_classes`, 必须保留 `keep` (是/否; empty = 否).
public struct SitesReader: Sendable {
    /// The language of error messages.
    public var language: Language
    var partBytes = 1 << 20

    /// A reader with messages in `language`.
    public init(language: Language = .chinese) {
        self.language = language
    }

    /// Reads the bytes of a `sites` file (CSV or XLSX, as ``BlocksReader/read(_:file:sheet:)``).
    ///
    /// - Throws: ``DataFileError`` with every problem, `FILE:ROW:COLUMN: message`.
    public func read(_ bytes: [UInt8], file: String, sheet: String? = nil) throws(DataFileError) -> SitesFile {
        try TableScan.locatedFile(bytes, file: file, sheet: sheet, language: language, into: SiteRows(), partBytes: partBytes)
    }
}

/// A `sites` file (布点).
public typealias SitesFile = DataFile<LocatedRows<LayoutSite>>

extension DataFile where Content == LocatedRows<LayoutSite> {
    /// The sites, one per data row, in file order.
    public var sites: [LayoutSite] { content.values }
}
