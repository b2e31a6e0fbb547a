import Domain
import Storage

/// The `residential_blocks` and `travel_distances` tables (migration 7): their columns, and
/// Domain values to and from their rows by position (the bulk paths, ``DirectStatements``).
enum ZoneTables {
    /// The key columns of a block, then one per ``Storage/ResidentialBlock/Column`` (named by it).
    static let blockColumns = ["county_code", "block_id"] + ResidentialBlock.Column.allCases.map(\.rawValue)
    static let blockKey = ["county_code", "block_id"]
    static let distanceColumns = ["county_code", "from_block", "to_code", "kilometres", "minutes"]

    /// A block's row, in ``blockColumns`` order.
    static func values(of block: ResidentialBlock) -> [SQLValue] {
        var values: [SQLValue] = [.text(block.countyCode), .text(block.id)]
        for column in ResidentialBlock.Column.allCases {
            let value: SQLValue = switch column {
            case .name: .text(block.name)
            case .longitude: block.location.map { .double($0.longitude) } ?? .null
            case .latitude: block.location.map { .double($0.latitude) } ?? .null
            case .childrenPrimary: integer(block.children[.primary])
            case .childrenJunior: integer(block.children[.junior])
            case .migrantPrimary: integer(block.migrants[.primary])
            case .migrantJunior: integer(block.migrants[.junior])
            case .currentPrimary: SQLValue(block.currentSchool[.primary])
            case .currentJunior: SQLValue(block.currentSchool[.junior])
            case .population: integer(block.population)
            case .community: SQLValue(block.community)
            }
            values.append(value)
        }
        return values
    }

    private static func integer(_ value: Int?) -> SQLValue { value.map(SQLValue.integer) ?? .null }

    /// A stored block, its values in ``blockColumns`` order.
    ///
    /// - Throws: ``Storage/StoreError/corrupt(_:)`` when a column holds what it cannot.
    static func block(_ row: [SQLValue]) throws -> ResidentialBlock {
        guard row.count == blockColumns.count, case .text(let county) = row[0], case .text(let id) = row[1] else {
            throw StoreError.corrupt("\(Tables.residentialBlocks): a row without its key")
        }
        func refuse(_ column: ResidentialBlock.Column, _ value: SQLValue) -> StoreError {
            StoreError.corrupt("\(Tables.residentialBlocks) \(county) \(id): \(column.rawValue) holds \(value)")
        }
        var block = ResidentialBlock(id: id, name: "", countyCode: county, location: nil, children: [:])
        var longitude: Double?, latitude: Double?
        for (column, value) in zip(ResidentialBlock.Column.allCases, row.dropFirst(2)) {
            if value == .null {
                guard column != .name else { throw refuse(column, value) }
                continue
            }
            switch column {
            case .name, .currentPrimary, .currentJunior, .community:
                guard case .text(let text) = value else { throw refuse(column, value) }
                switch column {
                case .name: block.name = text
                case .community: block.community = text
                case .currentPrimary: block.currentSchool[.primary] = text
                default: block.currentSchool[.junior] = text
                }
            case .longitude, .latitude:
                // SQLite may hand back a whole REAL as an integer.
                let number: Double
                switch value {
                case .double(let x): number = x
                case .integer(let n): number = Double(n)
                default: throw refuse(column, value)
                }
                if column == .longitude { longitude = number } else { latitude = number }
            case .childrenPrimary, .childrenJunior, .migrantPrimary, .migrantJunior, .population:
                guard case .integer(let count) = value else { throw refuse(column, value) }
                switch column {
                case .childrenPrimary: block.children[.primary] = count
                case .childrenJunior: block.children[.junior] = count
                case .migrantPrimary: block.migrants[.primary] = count
                case .migrantJunior: block.migrants[.junior] = count
                default: block.population = count
                }
            }
        }
        switch (longitude, latitude) {
        case let (longitude?, latitude?): block.location = Coordinate(longitude: longitude, latitude: latitude)
        case (nil, nil): break
        default: throw StoreError.corrupt("\(Tables.residentialBlocks) \(county) \(id): one coordinate of two")
        }
        return block
    }

    /// A distance's row, in ``distanceColumns`` order.
    static func values(of distance: TravelDistance, county: String) -> [SQLValue] {
        switch distance.measure {
        case .kilometres(let km): [.text(county), .text(distance.from), .text(distance.to), .double(km), .null]
        case .minutes(let minutes): [.text(county), .text(distance.from), .text(distance.to), .null, .double(minutes)]
        }
    }

    /// A stored distance, its values in ``distanceColumns`` order after the county.
    static func distance(_ row: [SQLValue], county: String) throws -> TravelDistance {
        func number(_ value: SQLValue) -> Double? {
            switch value {
            case .double(let x): x
            case .integer(let n): Double(n)
            default: nil
            }
        }
        guard row.count == 4, case .text(let from) = row[0], case .text(let to) = row[1] else {
            throw StoreError.corrupt("\(Tables.travelDistances) of \(county): a row without its key")
        }
        switch (number(row[2]), number(row[3])) {
        case (let km?, nil) where row[3] == .null: return TravelDistance(from: from, to: to, measure: .kilometres(km))
        case (nil, let minutes?) where row[2] == .null: return TravelDistance(from: from, to: to, measure: .minutes(minutes))
        default: throw StoreError.corrupt("\(Tables.travelDistances) of \(county) \(from) → \(to): \(row[2]), \(row[3])")
        }
    }
}
