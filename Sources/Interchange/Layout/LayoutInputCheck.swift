import Domain

/// The checks the layout files need against each other (and the `schools` file when given),
/// each problem at the row and cell that is wrong (`FILE:ROW:COLUMN: message`):
///
/// - a block with no coordinates and no row in the distances file (at its 经度);
/// - a block's 现划入小学 / 现划入初中 that is neither a site's 学校标识码 nor, with a schools
///   file, one of its schools;
/// - a site with no coordinates and no row in the distances file (at its 经度);
/// - with a schools file, a site's 学校标识码 that is none of its schools;
/// - a distance whose `from` is no block, or whose `to` is no site (the layout's distances
///   lead to 布点编号).
///
/// ```swift
/// try LayoutInputCheck().check(blocks: blocks, sites: sites, distances: distances, schools: nil)
/// ```
public struct LayoutInputCheck: Sendable {
    /// The language of the messages.
    public var language: Language

    public init(language: Language = .chinese) {
        self.language = language
    }

    /// Every problem, by file (blocks, sites, distances), then row, then column position.
    public func problems(blocks: BlocksFile, sites: SitesFile, distances: DistancesFile?, schools: [SchoolYear]?) -> [RowError] {
        let siteSchools = Set(sites.sites.compactMap(\.schoolCode))
        let measuredFrom = Set(distances?.distances.map(\.from) ?? [])
        let schoolCodes = schools.map { Set($0.map(\.schoolCode)) }
        let b = blocks.content
        var found = RowError.inFileOrder(b.values.indices.flatMap { index -> [(Int, Int, RowError)] in
            let block = b.values[index]
            var here: [(position: Int, error: RowError)] = []
            if block.location == nil, !measuredFrom.contains(block.id) {
                here.append(b.error(.unlocatedBlock, at: index, BlockColumn.longitude, language: language))
            }
            for stage in [Stage.primary, .junior] {
                guard let code = block.currentSchool[stage], !siteSchools.contains(code), schoolCodes?.contains(code) != true else { continue }
                here.append(b.error(.unknownSchool(code), at: index, BlockColumn.current(stage), language: language))
            }
            return here.map { (b.rows[index], $0.position, $0.error) }
        })
        found += problems(sites: sites, measured: Set(distances?.distances.map(\.to) ?? []), schools: schools)
        if let d = distances?.content {
            let blockIds = Set(b.values.map(\.id)), siteIds = Set(sites.sites.map(\.id))
            found += RowError.inFileOrder(d.values.indices.flatMap { index -> [(Int, Int, RowError)] in
                let distance = d.values[index]
                var here: [(position: Int, error: RowError)] = []
                if !blockIds.contains(distance.from) {
                    here.append(d.error(.unknownBlock(distance.from), at: index, DistanceColumn.from, language: language))
                }
                if !siteIds.contains(distance.to) {
                    here.append(d.error(.unknownSite(distance.to), at: index, DistanceColumn.to, language: language))
                }
                return here.map { (d.rows[index], $0.position, $0.error) }
            })
        }
        return found
    }

    /// The sites' own problems: a site neither located nor `measured` (the ids distances lead
    /// to), and with `schools`, a 学校标识码 that is none of them.
    public func problems(sites: SitesFile, measured: Set<String>, schools: [SchoolYear]?) -> [RowError] {
        let schoolCodes = schools.map { Set($0.map(\.schoolCode)) }
        let s = sites.content
        return RowError.inFileOrder(s.values.indices.flatMap { index -> [(Int, Int, RowError)] in
            let site = s.values[index]
            var here: [(position: Int, error: RowError)] = []
            if site.location == nil, !measured.contains(site.id) {
                here.append(s.error(.unlocatedSite, at: index, SiteColumn.longitude, language: language))
            }
            if let codes = schoolCodes, let code = site.schoolCode, !codes.contains(code) {
                here.append(s.error(.unknownSchool(code), at: index, SiteColumn.schoolCode, language: language))
            }
            return here.map { (s.rows[index], $0.position, $0.error) }
        })
    }

    /// Throws the problems of ``problems(blocks:sites:distances:schools:)`` as one refusal.
    ///
    /// - Throws: ``DataFileError`` listing every problem.
    public func check(blocks: BlocksFile, sites: SitesFile, distances: DistancesFile?, schools: [SchoolYear]?) throws(DataFileError) {
        let errors = problems(blocks: blocks, sites: sites, distances: distances, schools: schools)
        if !errors.isEmpty { throw DataFileError(errors: errors) }
    }
}
