import Domain

/// The checks the zoning and forecast files need against each other and the `schools` file,
/// each problem at the row and cell of the file that is wrong (`FILE:ROW:COLUMN: message`):
///
/// - a block's 现划入小学 / 现划入初中 that is no school of the schools rows, or one whose type
///   does not teach that stage (a 初级中学 named as the primary school);
/// - a distance whose `from` is no block of the blocks file;
/// - a distance whose `to` is neither a school of the schools rows nor one of `siteIds`
///   (the 布点编号 of planned sites);
/// - a block with no coordinates and no row in the distances file (reported at its 经度):
///   it has no distance to any school;
/// - an enrollment row whose school is no school of the schools rows;
/// - when a county is named (a county's page stores its own blocks), a block of another
///   county, at its 县区代码.
///
/// ```swift
/// let blocks = try BlocksReader().read(blockBytes, file: "blocks.csv")
/// let distances = try DistancesReader().read(distanceBytes, file: "distances.csv")
/// try ZoneInputCheck().check(schools: schools.schools, blocks: blocks, distances: distances)
/// ```
///
/// School codes are matched whatever the year of the schools rows: the caller passes the
/// rows it plans with (a county-year).
public struct ZoneInputCheck: Sendable {
    /// The language of the messages.
    public var language: Language

    /// A check with messages in `language`.
    public init(language: Language = .chinese) {
        self.language = language
    }

    /// Every problem of the files against each other and `schools`, by file (blocks,
    /// distances, enrollment), then row, then column position; empty when they agree.
    ///
    /// - Parameters:
    ///   - schools: the rows of the schools file the blocks and records refer to.
    ///   - blocks: the blocks file, if any.
    ///   - distances: the distances file, if any (without one, every block needs coordinates).
    ///   - enrollment: the enrollment file, if any.
    ///   - siteIds: the ids of planned sites (布点编号) a distance may lead to besides schools.
    ///   - county: the county every block must belong to; `nil` accepts any.
    public func problems(
        schools: [SchoolYear], blocks: BlocksFile? = nil, distances: DistancesFile? = nil,
        enrollment: EnrollmentFile? = nil, siteIds: Set<String> = [], county: String? = nil
    ) -> [RowError] {
        let codes = Set(schools.map(\.schoolCode))
        var stages: [String: Set<Stage>] = [:]
        for school in schools { stages[school.schoolCode, default: []].formUnion(school.type.stages) }
        var found: [RowError] = []
        if let blocks = blocks?.content {
            let measured = Set(distances?.distances.map(\.from) ?? [])
            found += RowError.inFileOrder(blocks.values.indices.flatMap { index -> [(row: Int, position: Int, error: RowError)] in
                let block = blocks.values[index]
                var here: [(position: Int, error: RowError)] = []
                if let county, block.countyCode != county {
                    here.append(blocks.error(.otherCounty(block.countyCode, expected: county), at: index, BlockColumn.countyCode, language: language))
                }
                if block.location == nil, !measured.contains(block.id) {
                    here.append(blocks.error(.unlocatedBlock, at: index, BlockColumn.longitude, language: language))
                }
                for stage in [Stage.primary, .junior] {
                    guard let code = block.currentSchool[stage] else { continue }
                    if !codes.contains(code) {
                        here.append(blocks.error(.unknownSchool(code), at: index, BlockColumn.current(stage), language: language))
                    } else if stages[code]?.contains(stage) != true {
                        here.append(blocks.error(.schoolWithoutStage(code, stage), at: index, BlockColumn.current(stage), language: language))
                    }
                }
                return here.map { (blocks.rows[index], $0.position, $0.error) }
            })
        }
        if let distances = distances?.content {
            let blockIds = blocks.map { Set($0.blocks.map(\.id)) }
            found += RowError.inFileOrder(distances.values.indices.flatMap { index -> [(row: Int, position: Int, error: RowError)] in
                let distance = distances.values[index]
                var here: [(position: Int, error: RowError)] = []
                if let blockIds, !blockIds.contains(distance.from) {
                    here.append(distances.error(.unknownBlock(distance.from), at: index, DistanceColumn.from, language: language))
                }
                if !codes.contains(distance.to), !siteIds.contains(distance.to) {
                    here.append(distances.error(.unknownSchoolOrSite(distance.to), at: index, DistanceColumn.to, language: language))
                }
                return here.map { (distances.rows[index], $0.position, $0.error) }
            })
        }
        if let enrollment = enrollment?.content {
            found += enrollment.values.indices.compactMap { index -> RowError? in
                let record = enrollment.values[index]
                guard !codes.contains(record.schoolCode) else { return nil }
                return enrollment.error(.unknownSchool(record.schoolCode), at: index, EnrollmentColumn.schoolCode, language: language).error
            }
        }
        return found
    }

    /// Throws the problems of ``problems(schools:blocks:distances:enrollment:siteIds:county:)``
    /// as one refusal, when there are any.
    ///
    /// - Throws: ``DataFileError`` listing every problem.
    public func check(
        schools: [SchoolYear], blocks: BlocksFile? = nil, distances: DistancesFile? = nil,
        enrollment: EnrollmentFile? = nil, siteIds: Set<String> = [], county: String? = nil
    ) throws(DataFileError) {
        let errors = problems(schools: schools, blocks: blocks, distances: distances, enrollment: enrollment, siteIds: siteIds, county: county)
        guard errors.isEmpty else { throw DataFileError(errors: errors) }
    }

    /// The errors of one file by row, then column position (rows are in file order already).
}
