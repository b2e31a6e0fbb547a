import Domain
import Interchange
import Planning
import Storage

/// A county's zones of one stage (学区划分方案) as the zones page and the API show them: the
/// stored blocks and distances planned over the school rows of a year, under the default
/// rules or uploaded ones. Nothing of the plan is stored (the store keeps data, not plans).
/// Made by ``PlanZones/plan(_:stage:rules:store:work:language:)``.
public struct CountyZones: Sendable {
    /// The county and the year whose school rows are zoned.
    public var chosen: CountyYear
    /// 学段: primary or junior.
    public var stage: Stage
    /// How many blocks the county has stored (0: nothing to plan yet).
    public var blockCount: Int
    /// How many measured distances it has stored.
    public var distanceCount: Int
    /// The rules the plan followed.
    public var rules: ZoningRules
    /// The plan; `nil` when the county has no blocks, or none with children of the stage.
    public var plan: ZoningPlan?
    /// What the rules file noted without refusing (unknown keys), each a sentence.
    public var warnings: [String]

    /// 县区代码
    public var countyCode: String { chosen.code }
    /// The year.
    public var year: Int { chosen.year }
    /// The display name: 名称（代码）.
    public var title: String { chosen.name.map { "\($0)（\(chosen.code)）" } ?? chosen.code }
}

/// A county's blocks and distances read from uploaded files and checked against its school
/// rows of a year, ready to replace what is stored (``ZoneDataStore/replaceZoneData(county:blocks:distances:by:at:)``).
/// Made by ``PlanZones/readZoneData(_:blocks:distances:store:work:language:)``.
public struct ZoneDataUpload: Sendable {
    /// The blocks, in file order.
    public var blocks: [ResidentialBlock]
    /// The distances, in file order (empty without a distances file).
    public var distances: [TravelDistance]
    /// What the readers noted without refusing, as `FILE:ROW:COLUMN: message`.
    public var warnings: [String]
}

/// The enrollment forecast (招生与在校生预测) of a county's schools from an uploaded
/// enrollment history (and births), as the forecast page shows it. Nothing is stored.
public struct CountyForecast: Sendable {
    /// The county and the year of the school rows forecast from.
    public var chosen: CountyYear
    /// The forecast.
    public var forecast: EnrollmentForecast
    /// The enrollment history it was made from.
    public var history: [EnrollmentRecord]
    /// What the readers noted without refusing, each a sentence.
    public var warnings: [String]
}

/// Uploaded zoning or forecast files that are refused: every problem, at the place a person
/// fixes it (file, row, column, rule). Nothing is stored or planned from a refused upload;
/// the page lists the problems, the API answers 422 `invalid_data`.
public struct ZoneFileError: Error, Sendable {
    /// What the upload was for.
    public enum Purpose: Sendable {
        /// The county's blocks and distances, to be stored.
        case zoneData
        /// Zoning rules for the plan shown.
        case rules
        /// The enrollment history and births of a forecast.
        case forecast
        /// The sites (and rules) of a layout plan.
        case layout
    }

    public var purpose: Purpose
    /// Every problem, in file order.
    public var problems: [RowError]

    public init(_ purpose: Purpose, problems: [RowError]) {
        self.purpose = purpose
        self.problems = problems
    }

    /// The sentence above the list.
    public func message(in l: Language) -> String {
        switch purpose {
        case .zoneData:
            l.pick("上传的片区数据有 \(problems.count) 处错误，未保存任何数据。请改正后重新上传。",
                   "The zoning data has \(problems.count) error(s); nothing was stored. Correct them and upload again.")
        case .rules:
            l.pick("学区规则有 \(problems.count) 处错误，未生成方案。", "The zoning rules have \(problems.count) error(s); no plan was made.")
        case .layout:
            l.pick("上传的布点文件或布局规则有 \(problems.count) 处错误，未生成方案。请改正后重新上传。",
                   "The sites file or layout rules have \(problems.count) error(s); no plan was made. Correct them and upload again.")
        case .forecast:
            l.pick("上传的文件有 \(problems.count) 处错误，未生成预测。请改正后重新上传。",
                   "The upload has \(problems.count) error(s); no forecast was made. Correct them and upload again.")
        }
    }

    /// Each problem as `FILE:ROW:COLUMN: message` (a rules problem as `FILE: KEY: message`).
    public var lines: [String] { problems.map(RotationFileError.line) }
}

extension PlanZones {
    /// Reads an uploaded `blocks` file and optional `distances` file of `chosen`'s county and
    /// checks them against each other and the county's school rows of the year
    /// (``ZoneInputCheck``: unknown or wrong-stage current schools, distances from unknown
    /// blocks or to unknown schools, blocks that cannot be reached, blocks of another
    /// county), off the caller's thread.
    ///
    /// - Throws: ``ZoneFileError`` (``ZoneFileError/Purpose/zoneData``) with every problem.
    public static func readZoneData(_ chosen: CountyYear, blocks file: UploadedFile, distances distancesFile: UploadedFile?,
                                    store: any Store, work: any WorkRunner, language l: Language) async throws -> ZoneDataUpload {
        let schools = try await store.schoolYears(county: chosen.code, year: chosen.year)
        let read: Result<ZoneDataUpload, ZoneFileError> = try await work.run {
            var problems: [RowError] = [], warnings: [String] = []
            var blocks: BlocksFile?, distances: DistancesFile?
            do {
                blocks = try BlocksReader(language: l).read(file.bytes, file: file.name, sheet: file.sheet)
            } catch let error as DataFileError {
                problems += error.errors
            }
            if let distancesFile {
                do {
                    distances = try DistancesReader(language: l).read(distancesFile.bytes, file: distancesFile.name, sheet: distancesFile.sheet)
                } catch let error as DataFileError {
                    problems += error.errors
                }
            }
            // The files against each other and the rows only once each reads: a row-level
            // problem would otherwise be named twice.
            if problems.isEmpty, let blocks {
                problems += ZoneInputCheck(language: l).problems(schools: schools, blocks: blocks, distances: distances, county: chosen.code)
            }
            guard problems.isEmpty, let blocks else { return .failure(ZoneFileError(.zoneData, problems: problems)) }
            warnings += blocks.warnings + (distances?.warnings ?? [])
            return .success(ZoneDataUpload(blocks: blocks.blocks, distances: distances?.distances ?? [], warnings: warnings))
        }
        return try read.get()
    }

    /// The zones of `stage` for `chosen`'s county: its stored blocks and distances planned
    /// over its school rows of the year, under `rules` (the defaults when `nil`), off the
    /// caller's thread.
    ///
    /// - Throws: ``ZoneFileError`` (``ZoneFileError/Purpose/rules``) when the rules are refused.
    public static func plan(_ chosen: CountyYear, stage: Stage, rules rulesFile: UploadedFile?, store: any Store, work: any WorkRunner,
                            language l: Language) async throws -> CountyZones {
        var rules = ZoningRules.defaults, warnings: [String] = []
        if let rulesFile {
            switch rulesInput.read(rulesFile, language: l) {
            case let .success((read, notes)): rules = read; warnings = notes
            case let .failure(error): throw ZoneFileError(.rules, problems: error.problems)
            }
        }
        let schools = try await store.schoolYears(county: chosen.code, year: chosen.year)
        let blocks = try await store.blocks(county: chosen.code)
        let distances = blocks.isEmpty ? [] : try await store.distances(county: chosen.code)
        let zoning = PlanZones(rules: rules)
        var plan: ZoningPlan?
        if !blocks.isEmpty {
            plan = try await work.run {
                zoning.plans(schools: schools, blocks: blocks, distances: distances, county: chosen.code, stages: [stage]).first
            }
        }
        return CountyZones(chosen: chosen, stage: stage, blockCount: blocks.count, distanceCount: distances.count, rules: rules,
                           plan: plan, warnings: warnings)
    }

    /// The forecast of `chosen`'s schools from an uploaded `enrollment` file and optional
    /// `births` file, with the county's stored blocks for grade 1 where births are missing,
    /// off the caller's thread.
    ///
    /// - Throws: ``ZoneFileError`` (``ZoneFileError/Purpose/forecast``) with every problem of
    ///   the files (an enrollment row of a school the county's rows do not have among them).
    public static func forecast(_ chosen: CountyYear, enrollment file: UploadedFile, births birthsFile: UploadedFile?,
                                rules: ZoningRules = .defaults,
                                store: any Store, work: any WorkRunner, language l: Language) async throws -> CountyForecast {
        let schools = try await store.schoolYears(county: chosen.code, year: chosen.year)
        let blocks = try await store.blocks(county: chosen.code)
        let made: Result<CountyForecast, ZoneFileError> = try await work.run {
            var problems: [RowError] = []
            var enrollment: EnrollmentFile?, births: BirthsFile?
            do {
                enrollment = try EnrollmentReader(language: l).read(file.bytes, file: file.name, sheet: file.sheet)
            } catch let error as DataFileError {
                problems += error.errors
            }
            if let birthsFile {
                do {
                    births = try BirthsReader(language: l).read(birthsFile.bytes, file: birthsFile.name, sheet: birthsFile.sheet)
                } catch let error as DataFileError {
                    problems += error.errors
                }
            }
            if problems.isEmpty, let enrollment {
                problems += ZoneInputCheck(language: l).problems(schools: schools, enrollment: enrollment)
            }
            guard problems.isEmpty, let enrollment else { return .failure(ZoneFileError(.forecast, problems: problems)) }
            let forecast = PlanZones(rules: rules).forecast(schools: schools, county: chosen.code, history: enrollment.records,
                                                births: births?.births ?? [], blocks: blocks)
            return .success(CountyForecast(chosen: chosen, forecast: forecast, history: enrollment.records, warnings: enrollment.warnings + (births?.warnings ?? [])))
        }
        return try made.get()
    }
}
