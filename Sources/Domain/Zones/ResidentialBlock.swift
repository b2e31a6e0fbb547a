/// A residential block (居住片区): a 小区 in a town or a 村 in the countryside, the unit a
/// county zones (划片) as a whole. One row of the `blocks` file.
///
/// Children are counted per stage of compulsory education; migrant children (随迁子女) are
/// part of those counts, not added to them.
public struct ResidentialBlock: Sendable, Hashable {
    /// 片区编号 — unique within the file.
    public var id: String
    /// 片区名称
    public var name: String
    /// 县区代码
    public var countyCode: String
    /// 经度/纬度 — optional when a distances file covers every pair the block needs.
    public var location: Coordinate?
    /// 小学适龄儿童数 / 初中适龄儿童数, by stage (primary and junior only).
    public var children: [Stage: Int]
    /// 小学随迁子女数 / 初中随迁子女数 — included in ``children``.
    public var migrants: [Stage: Int]
    /// 现划入学校 — the school code the block is zoned to today, by stage.
    public var currentSchool: [Stage: String]
    /// 常住人口 — used by the layout planner.
    public var population: Int?
    /// 所属社区 — the community (社区) the block belongs to, when several blocks make one: the
    /// layout planner's community-size rules count their residents together. nil: the block is
    /// a community of its own.
    public var community: String?

    public init(id: String, name: String, countyCode: String, location: Coordinate?,
                children: [Stage: Int], migrants: [Stage: Int] = [:],
                currentSchool: [Stage: String] = [:], population: Int? = nil, community: String? = nil) {
        self.id = id
        self.name = name
        self.countyCode = countyCode
        self.location = location
        self.children = children
        self.migrants = migrants
        self.currentSchool = currentSchool
        self.population = population
        self.community = community
    }

    /// The block's children of `stage` (0 when none are recorded).
    public func children(_ stage: Stage) -> Int { children[stage] ?? 0 }

    /// The block's migrant children of `stage` (0 when none are recorded).
    public func migrants(_ stage: Stage) -> Int { migrants[stage] ?? 0 }
}
