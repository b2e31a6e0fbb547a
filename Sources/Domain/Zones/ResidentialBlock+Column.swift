extension ResidentialBlock {
    /// A value of a block besides its id and county: one catalogue for the `blocks` file's
    /// columns (key and Chinese header), the store's table and the audit trail, which records a
    /// changed block one column at a time.
    public enum Column: String, CaseIterable, Sendable, Hashable {
        case name = "block_name"
        case longitude
        case latitude
        case childrenPrimary = "children_primary"
        case childrenJunior = "children_junior"
        case migrantPrimary = "migrant_primary"
        case migrantJunior = "migrant_junior"
        case currentPrimary = "current_primary"
        case currentJunior = "current_junior"
        case population
        case community

        /// The file's Chinese header.
        public var chineseName: String {
            switch self {
            case .name: "片区名称"
            case .longitude: "经度"
            case .latitude: "纬度"
            case .childrenPrimary: "小学适龄儿童数"
            case .childrenJunior: "初中适龄儿童数"
            case .migrantPrimary: "小学随迁子女数"
            case .migrantJunior: "初中随迁子女数"
            case .currentPrimary: "现划入小学"
            case .currentJunior: "现划入初中"
            case .population: "常住人口"
            case .community: "所属社区"
            }
        }

        /// The English name shown in the English interface.
        public var englishName: String {
            switch self {
            case .name: "block name"
            case .longitude: "longitude"
            case .latitude: "latitude"
            case .childrenPrimary: "primary-age children"
            case .childrenJunior: "junior-age children"
            case .migrantPrimary: "migrant children, primary"
            case .migrantJunior: "migrant children, junior"
            case .currentPrimary: "primary school zoned today"
            case .currentJunior: "junior school zoned today"
            case .population: "residents"
            case .community: "community"
            }
        }
    }

    /// The value of `column` in canonical text (the trail's): whole numbers in digits,
    /// coordinates in the shortest text that reads back to the same Double; `nil` when the
    /// block does not record it.
    public func text(of column: Column) -> String? {
        switch column {
        case .name: name
        case .longitude: location.map { "\($0.longitude)" }
        case .latitude: location.map { "\($0.latitude)" }
        case .childrenPrimary: children[.primary].map(String.init)
        case .childrenJunior: children[.junior].map(String.init)
        case .migrantPrimary: migrants[.primary].map(String.init)
        case .migrantJunior: migrants[.junior].map(String.init)
        case .currentPrimary: currentSchool[.primary]
        case .currentJunior: currentSchool[.junior]
        case .population: population.map(String.init)
        case .community: community
        }
    }

    /// Every recorded value, `column=value` joined by `; ` in column order: how the trail
    /// shows a block added or removed.
    public var recordText: String {
        Column.allCases.compactMap { column in text(of: column).map { "\(column.rawValue)=\($0)" } }.joined(separator: "; ")
    }
}
