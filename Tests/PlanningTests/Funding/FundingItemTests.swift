import Domain
import Testing
@testable import Planning

/// Government items 3, 6 and 7 and quality item 4 computed from the school rows
/// (``ComputedItems/fromFunding(_:county:year:)``), each against a hand computation.
@Suite struct FundingItemTests {
    static let items = ComputedItems(standard: try! Standard.builtIn("quality-2017"))

    static func school(_ code: String, _ type: SchoolType = .primary, _ locality: Locality = .urban, pupils: Int = 600, classes: Int = 14,
                       rooms: (Int, Int)? = (2, 2), areas: (Double, Double)? = (96, 90), funds: Double? = 400_000, training: Double? = 20_000) -> SchoolYear {
        var row = SchoolYear(year: 2026, countyCode: "430102", schoolCode: code, schoolName: "校\(code)", type: type, locality: locality,
                             primary: StageRecord(students: type == .junior ? nil : pupils, classes: type == .junior ? nil : classes),
                             junior: StageRecord(students: type == .junior ? pupils : nil, classes: type == .junior ? classes : nil),
                             facilities: Facilities(musicRooms: rooms?.0, artRooms: rooms?.1), publicFunds: funds, trainingFunds: training)
        row.facilities.musicRoomArea = areas?.0
        row.facilities.artRoomArea = areas?.1
        return row
    }

    static func facts(_ rows: [SchoolYear]) -> [String: CountyFact] {
        Dictionary(uniqueKeysWithValues: items.fromFunding(rows, county: "430102", year: 2026).map { ($0.item, $0) })
    }

    /// 14 classes need 2 rooms of each; 12 need 1; a room of 95 m² is short; a teaching point and
    /// a special school are not counted.
    @Test func item3RoomsPerTwelveClassesAndTheirAreas() throws {
        let met = Self.facts([
            Self.school("A"), Self.school("B", classes: 12, rooms: (1, 1)), Self.school("P", .teachingPoint, pupils: 20, classes: 2, rooms: nil, areas: nil),
            Self.school("S", .special, pupils: 80, classes: 10, rooms: (0, 0), areas: nil),
        ])
        #expect(met["gov_03_music_art_rooms"]?.value == .yes && met["gov_03_music_art_rooms"]?.source == .computed)
        let failed = Self.facts([Self.school("A", rooms: (1, 2)), Self.school("B", areas: (95, 90)), Self.school("C", .junior, classes: 25, rooms: (3, 3), areas: (120, 89))])
        let fact = try #require(failed["gov_03_music_art_rooms"])
        #expect(fact.value == .no)
        #expect(fact.evidence == "由学校数据计算：3所学校每12个班配音乐、美术专用教室各1间，每间不小于96/90平方米；未达到：校A（A）14个班，音乐1间、美术2间；校B（B）音乐教室95平方米；校C（C）美术教室89平方米")
        // A school with rooms but no area, or no room count: the data do not decide the item.
        #expect(Self.facts([Self.school("A"), Self.school("B", areas: nil)])["gov_03_music_art_rooms"] == nil)
        #expect(Self.facts([Self.school("A"), Self.school("B", rooms: nil)])["gov_03_music_art_rooms"] == nil)
    }

    /// Village primaries and teaching points under 100 pupils need 100 × 600 = 60,000 yuan.
    @Test func item6SmallSchoolsFundedAsAHundred() throws {
        let small = [Self.school("V", .primary, .rural, pupils: 60, funds: 60_000, training: 3_000),
                     Self.school("P", .teachingPoint, .rural, pupils: 15, funds: 59_999, training: 3_000),
                     Self.school("T", .primary, .town, pupils: 60, funds: 36_000, training: 1_800)]   // a town school: not counted
        let fact = try #require(Self.facts(small)["gov_06_small_school_funding"])
        #expect(fact.value == .no)
        #expect(fact.evidence == "由学校数据计算：2所不足100名学生的村小学和教学点，公用经费应不低于60,000元；低于：校P（P）59,999元")
        #expect(Self.facts([small[0], small[2]])["gov_06_small_school_funding"]?.value == .yes)
        #expect(Self.facts([Self.school("A")])["gov_06_small_school_funding"]?.evidence == "由学校数据计算：没有不足100名学生的村小学和教学点")
        #expect(Self.facts([Self.school("V", .primary, .rural, pupils: 60, funds: nil, training: nil)])["gov_06_small_school_funding"] == nil)
    }

    /// The least funds per pupil of the special schools: 500,000 ÷ 80 = 6,250 and 700,000 ÷ 120 = 5,833.3.
    @Test func item7SpecialSchoolsPerPupil() throws {
        let special = [Self.school("S1", .special, pupils: 80, funds: 500_000, training: 25_000), Self.school("S2", .special, pupils: 120, funds: 700_000, training: 35_000)]
        let fact = try #require(Self.facts(special + [Self.school("A")])["gov_07_special_funding"])
        #expect(fact.value == .number(700_000.0 / 120.0))
        #expect(fact.evidence == "由学校数据计算：2所特殊教育学校生均公用经费校S1（S1）6,250元；校S2（S2）5,833元")
        #expect(Self.facts([Self.school("A")])["gov_07_special_funding"] == nil)
    }

    /// Training at least 5 % of public funds in every school: 19,999 of 400,000 is 4.99998 %.
    @Test func quality4TrainingShare() throws {
        let fact = try #require(Self.facts([Self.school("A"), Self.school("B", training: 19_999)])["quality_04_training_funds"])
        #expect(fact.value == .no)
        #expect(fact.evidence == "由学校数据计算：2所学校教师培训经费不低于公用经费的5.0%；未达到：校B（B）培训经费19,999元，应不低于20,000元")
        #expect(Self.facts([Self.school("A"), Self.school("B", training: 20_000)])["quality_04_training_funds"]?.value == .yes)
        #expect(Self.facts([Self.school("A"), Self.school("B", training: nil)])["quality_04_training_funds"] == nil)
    }
}
