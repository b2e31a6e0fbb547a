import Domain
import Spreadsheet

extension DataFileWriter where Row == ResidentialBlock {
    /// The CSV file of `blocks`, one row each, in order.
    ///
    /// - Throws: ``TextCodingError`` only for GB18030 on a system that cannot encode it.
    public func write(_ blocks: [ResidentialBlock]) throws(TextCodingError) -> [UInt8] {
        try file(blocks, text(_:of:))
    }

    /// The cell of `column` for `block`; `nil` for what the block does not record.
    func text(_ column: BlockColumn, of block: ResidentialBlock) -> String? {
        switch column {
        case .blockId: block.id
        case .blockName: block.name.isEmpty ? nil : block.name
        case .countyCode: block.countyCode
        case .longitude: block.location.map { DecimalNumber.text($0.longitude) }
        case .latitude: block.location.map { DecimalNumber.text($0.latitude) }
        case .childrenPrimary: block.children[.primary].map(String.init)
        case .childrenJunior: block.children[.junior].map(String.init)
        case .migrantPrimary: block.migrants[.primary].map(String.init)
        case .migrantJunior: block.migrants[.junior].map(String.init)
        case .currentPrimary: block.currentSchool[.primary]
        case .currentJunior: block.currentSchool[.junior]
        case .population: block.population.map(String.init)
        case .community: block.community
        }
    }
}

extension DataFileWriter where Row == TravelDistance {
    /// The CSV file of `distances`, one row each, in order: km under 距离, minutes under 用时.
    ///
    /// - Throws: ``TextCodingError`` only for GB18030 on a system that cannot encode it.
    public func write(_ distances: [TravelDistance]) throws(TextCodingError) -> [UInt8] {
        try file(distances, text(_:of:))
    }

    func text(_ column: DistanceColumn, of distance: TravelDistance) -> String? {
        switch (column, distance.measure) {
        case (.from, _): distance.from
        case (.to, _): distance.to
        case let (.distance, .kilometres(km)): DecimalNumber.text(km)
        case let (.minutes, .minutes(minutes)): DecimalNumber.text(minutes)
        case (.distance, .minutes), (.minutes, .kilometres): nil
        }
    }
}

extension DataFileWriter where Row == EnrollmentRecord {
    /// The CSV file of `records`, one row each, in order.
    ///
    /// - Throws: ``TextCodingError`` only for GB18030 on a system that cannot encode it.
    public func write(_ records: [EnrollmentRecord]) throws(TextCodingError) -> [UInt8] {
        try file(records, text(_:of:))
    }

    func text(_ column: EnrollmentColumn, of record: EnrollmentRecord) -> String? {
        switch column {
        case .year: String(record.year)
        case .schoolCode: record.schoolCode
        case .grade: String(record.grade)
        case .students: String(record.students)
        case .classes: String(record.classes)
        case .largestClass: record.largestClass.map(String.init)
        }
    }
}

extension DataFileWriter where Row == BirthRecord {
    /// The CSV file of `births`, one row each, in order.
    ///
    /// - Throws: ``TextCodingError`` only for GB18030 on a system that cannot encode it.
    public func write(_ births: [BirthRecord]) throws(TextCodingError) -> [UInt8] {
        try file(births, text(_:of:))
    }

    func text(_ column: BirthColumn, of record: BirthRecord) -> String? {
        switch column {
        case .areaCode: record.areaCode
        case .year: String(record.year)
        case .births: String(record.births)
        }
    }
}

/// Writes ``ResidentialBlock`` values as a `blocks` file that ``BlocksReader`` reads back.
public typealias BlocksWriter = DataFileWriter<ResidentialBlock>
/// Writes ``TravelDistance`` values as a `distances` file that ``DistancesReader`` reads back.
public typealias DistancesWriter = DataFileWriter<TravelDistance>
/// Writes ``EnrollmentRecord`` values as an `enrollment` file that ``EnrollmentReader`` reads back.
public typealias EnrollmentWriter = DataFileWriter<EnrollmentRecord>
/// Writes ``BirthRecord`` values as a `births` file that ``BirthsReader`` reads back.
public typealias BirthsWriter = DataFileWriter<BirthRecord>
