import Domain
import Planning

extension ZoneReport {
    /// The zone map of `plan`: each located block coloured by its school's zone (unplaced ones
    /// hatched), the located schools marked; over the basemap of `tiles` (a URL template) when
    /// given and the browser is online.
    public func map(_ plan: ZoningPlan, tiles: String? = nil) -> ReportChart {
        let l = language
        let index = Dictionary(plan.schools.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let blocks = plan.blocks.compactMap { b in
            b.location.map { ZoneMap.Block(id: b.id, name: b.name, location: $0, children: b.children, zone: b.school.flatMap { index[$0] }) }
        }
        let schools = plan.schools.compactMap { s in s.location.map { ZoneMap.School(code: s.code, name: s.name, location: $0) } }
        return .zones(ZoneMap(blocks: blocks, schools: schools, options: .init(
            title: l.pick("\(plan.stage.chineseName)学区图", "\(plan.stage.englishName.capitalized) zones"), tileURLTemplate: tiles,
            schoolLabel: l.pick("学校", "School"), blockLabel: l.pick("居住片区（点的大小表示适龄儿童数）", "Block (dot size: children)"),
            unplacedLabel: l.pick("未划片", "Unplaced"))))
    }
}
