import Domain
import Foundation

/// The funding formula of compulsory schools' public funds (生均公用经费, 经费保障), as data: a
/// province replaces any key with a rules file (`junheng plan funding --rules FILE`, JSON;
/// missing keys keep the defaults).
///
/// The defaults are the national ones (国发〔2015〕67号, 关于进一步完善城乡义务教育经费保障机制的
/// 通知, from 2016; 001 §8, 002, 003):
/// - **base amount per student** (`base_rates`, by region and stage): 中西部 600 yuan a primary
///   and 800 a junior pupil, 东部 650 and 850; `region` names the county's (`central_west` by
///   default, or `east`);
/// - **boarders** (`boarder_extra`): +200 yuan each (寄宿制学校按寄宿生年生均200元增加公用经费);
/// - **rural uplift** (`rural_uplift_share`): a share added to rural (乡村) schools' base amount
///   (向农村地区和薄弱学校倾斜; 0 by default — a province sets its own);
/// - **small schools** (`small_school_floor`): a village primary school (乡村 小学) or a 教学点
///   with fewer than **100** pupils is funded as 100 (不足100名学生的村小学和教学点按100名学生核定公用经费);
/// - **special education** (`special_per_pupil`): special schools' pupils and 随班就读 pupils at
///   **6,000** yuan each (特殊教育学校生均公用经费不低于6000元);
/// - **training** (`training_share`): at least **5 %** of each school's public funds on teacher
///   training (将公用经费的5%用于教师培训; quality item 4);
/// - **music and art rooms** (item 3): one of each per **12** classes (`classes_per_room`), each
///   music room at least **96** m² and each art room **90** m² (`music_room_area`, `art_room_area`).
///
/// Migrant children are funded where they are enrolled: every pupil a school reports counts.
public struct FundingRules: Sendable, Hashable, Codable {
    /// The regions of the national base amounts.
    public enum Region: String, Sendable, Hashable, Codable, CaseIterable {
        /// 东部地区.
        case east
        /// 中西部地区.
        case centralWest = "central_west"
    }

    /// A base amount per pupil of each compulsory stage, yuan a year.
    public struct StageRates: Sendable, Hashable, Codable {
        public var primary: Double
        public var junior: Double

        public init(primary: Double, junior: Double) {
            self.primary = primary
            self.junior = junior
        }
    }

    public var region: Region
    /// 生均公用经费基准定额 by region (keys `east`, `central_west`).
    public var baseRates: [String: StageRates]
    public var boarderExtra: Double
    public var ruralUpliftShare: Double
    public var smallSchoolFloor: Int
    public var specialPerPupil: Double
    public var trainingShare: Double
    public var classesPerRoom: Int
    public var musicRoomArea: Double
    public var artRoomArea: Double
    /// Where the defaults come from, for the report; a province's file names its own.
    public var sources: [String]

    enum CodingKeys: String, CodingKey {
        case region, baseRates = "base_rates", boarderExtra = "boarder_extra", ruralUpliftShare = "rural_uplift_share"
        case smallSchoolFloor = "small_school_floor", specialPerPupil = "special_per_pupil", trainingShare = "training_share"
        case classesPerRoom = "classes_per_room", musicRoomArea = "music_room_area", artRoomArea = "art_room_area", sources
    }

    /// The national defaults listed above.
    public static let defaults = FundingRules(
        region: .centralWest,
        baseRates: [Region.east.rawValue: StageRates(primary: 650, junior: 850), Region.centralWest.rawValue: StageRates(primary: 600, junior: 800)],
        boarderExtra: 200, ruralUpliftShare: 0, smallSchoolFloor: 100, specialPerPupil: 6000, trainingShare: 0.05,
        classesPerRoom: 12, musicRoomArea: 96, artRoomArea: 90,
        sources: [
            "国发〔2015〕67号：2016年起统一城乡义务教育学校生均公用经费基准定额，中西部地区小学600元、初中800元，东部地区小学650元、初中850元；寄宿制学校按寄宿生年生均200元增加；不足100人的村小学和教学点按100人核定；特殊教育学校和随班就读残疾学生按每生每年6000元",
            "教督〔2017〕6号：政府保障程度第3、6、7项，教育质量第4项（教师培训经费不低于公用经费的5%）",
        ])

    public init(region: Region, baseRates: [String: StageRates], boarderExtra: Double, ruralUpliftShare: Double, smallSchoolFloor: Int,
                specialPerPupil: Double, trainingShare: Double, classesPerRoom: Int, musicRoomArea: Double, artRoomArea: Double, sources: [String]) {
        self.region = region
        self.baseRates = baseRates
        self.boarderExtra = boarderExtra
        self.ruralUpliftShare = ruralUpliftShare
        self.smallSchoolFloor = smallSchoolFloor
        self.specialPerPupil = specialPerPupil
        self.trainingShare = trainingShare
        self.classesPerRoom = classesPerRoom
        self.musicRoomArea = musicRoomArea
        self.artRoomArea = artRoomArea
        self.sources = sources
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Self.defaults
        region = try c.decodeIfPresent(Region.self, forKey: .region) ?? d.region
        // A file's rates replace the defaults' region by region.
        baseRates = d.baseRates.merging(try c.decodeIfPresent([String: StageRates].self, forKey: .baseRates) ?? [:]) { _, file in file }
        boarderExtra = try c.decodeIfPresent(Double.self, forKey: .boarderExtra) ?? d.boarderExtra
        ruralUpliftShare = try c.decodeIfPresent(Double.self, forKey: .ruralUpliftShare) ?? d.ruralUpliftShare
        smallSchoolFloor = try c.decodeIfPresent(Int.self, forKey: .smallSchoolFloor) ?? d.smallSchoolFloor
        specialPerPupil = try c.decodeIfPresent(Double.self, forKey: .specialPerPupil) ?? d.specialPerPupil
        trainingShare = try c.decodeIfPresent(Double.self, forKey: .trainingShare) ?? d.trainingShare
        classesPerRoom = try c.decodeIfPresent(Int.self, forKey: .classesPerRoom) ?? d.classesPerRoom
        musicRoomArea = try c.decodeIfPresent(Double.self, forKey: .musicRoomArea) ?? d.musicRoomArea
        artRoomArea = try c.decodeIfPresent(Double.self, forKey: .artRoomArea) ?? d.artRoomArea
        sources = try c.decodeIfPresent([String].self, forKey: .sources) ?? d.sources
        if let problem {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: problem))
        }
    }

    /// The base amounts of ``region``.
    public var rates: StageRates { baseRates[region.rawValue] ?? Self.defaults.baseRates[region.rawValue]! }

    /// What is wrong with the rules, in words, or nil.
    public var problem: String? {
        let amounts = baseRates.values.flatMap { [$0.primary, $0.junior] } + [boarderExtra, specialPerPupil, musicRoomArea, artRoomArea]
        if amounts.contains(where: { !$0.isFinite || $0 < 0 || $0 > 1e7 }) {
            return "base_rates, boarder_extra, special_per_pupil and the room areas must be amounts from 0 to 10,000,000"
        }
        if let unknown = baseRates.keys.first(where: { Region(rawValue: $0) == nil }) {
            return "base_rates has a region '\(unknown)'; the regions are east and central_west"
        }
        if !ruralUpliftShare.isFinite || !(0...10).contains(ruralUpliftShare) { return "rural_uplift_share must be from 0 to 10" }
        if !trainingShare.isFinite || !(0...1).contains(trainingShare) { return "training_share must be from 0 to 1" }
        if !(0...10_000).contains(smallSchoolFloor) { return "small_school_floor must be from 0 to 10,000" }
        if !(1...1_000).contains(classesPerRoom) { return "classes_per_room must be from 1 to 1,000" }
        return nil
    }
}
