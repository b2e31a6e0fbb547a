import Domain
@testable import Interchange
import Testing

/// The checks across the zoning files and the schools file: each problem in the file that is
/// wrong, at its row and cell.
@Suite struct ZoneInputCheckTests {
    static let schools = [
        SchoolYear(year: 2025, countyCode: "130349", schoolCode: "S1", schoolName: "一小", type: .primary, locality: .urban),
        SchoolYear(year: 2025, countyCode: "130349", schoolCode: "S2", schoolName: "一中", type: .junior, locality: .urban),
    ]

    static let blocksCSV = """
        block_id,county_code,current_junior,current_primary,latitude,longitude,children_primary
        B1,130349,S2,S1,38.2,115.5,10
        B2,130349,S9,S1,,,10

        B3,130349,,S8,,,10
        B4,130349,,,,,10
        """

    static let distancesCSV = """
        from,to,distance
        B2,S1,1.5
        B3,SITE-1,2
        B7,S1,1
        B3,S5,1
        """

    static let enrollmentCSV = """
        年度,学校标识码,年级,在校生数,班数
        2025,S1,1,40,1
        2025,S6,7,40,1
        """

    func files(_ language: Language = .english) throws -> (BlocksFile, DistancesFile, EnrollmentFile) {
        (try BlocksReader(language: language).read(Array(Self.blocksCSV.utf8), file: "blocks.csv"),
         try DistancesReader(language: language).read(Array(Self.distancesCSV.utf8), file: "distances.csv"),
         try EnrollmentReader(language: language).read(Array(Self.enrollmentCSV.utf8), file: "enrollment.csv"))
    }

    @Test func everyProblemIsInTheFileThatIsWrong() throws {
        let (blocks, distances, enrollment) = try files()
        let problems = ZoneInputCheck(language: .english).problems(
            schools: Self.schools, blocks: blocks, distances: distances, enrollment: enrollment, siteIds: ["SITE-1"])
        #expect(problems.map(\.description) == [
            "blocks.csv:3:current_junior: no school 'S9' in the schools file",
            "blocks.csv:5:current_primary: no school 'S8' in the schools file",
            "blocks.csv:6:longitude: the block has no coordinates and no row in the distances file, so no distance to a school is known",
            "distances.csv:4:from: no block 'B7' in the blocks file",
            "distances.csv:5:to: 'S5' is neither a school of the schools file nor a site",
            "enrollment.csv:3:学校标识码: no school 'S6' in the schools file",
        ])
    }

    /// A county's page stores its own blocks only: one of another county is refused at its
    /// 县区代码, in file order with the other problems; without a county any is accepted.
    @Test func aNamedCountyRefusesOtherCountiesBlocks() throws {
        let blocks = try BlocksReader(language: .english).read(Array("""
            block_id,county_code,longitude,latitude,children_primary
            B1,130349,115.5,38.2,10
            B2,130350,115.6,38.3,10
            """.utf8), file: "blocks.csv")
        let problems = ZoneInputCheck(language: .english).problems(schools: Self.schools, blocks: blocks, county: "130349")
        #expect(problems.map(\.description) == ["blocks.csv:3:county_code: the block belongs to county '130350', not to 130349"])
        #expect(ZoneInputCheck().problems(schools: Self.schools, blocks: blocks).isEmpty)
        #expect(ZoneInputCheck().problems(schools: Self.schools, blocks: blocks, county: "130349").first?.message == "片区属于县区“130350”，不是本县（130349）")
    }

    @Test func sitesAreSchoolsOnlyWhenTheCallerNamesThem() throws {
        let (blocks, distances, _) = try files()
        let problems = ZoneInputCheck(language: .english).problems(schools: Self.schools, blocks: blocks, distances: distances)
        #expect(problems.map(\.description).contains("distances.csv:3:to: 'SITE-1' is neither a school of the schools file nor a site"))
    }

    @Test func withoutDistancesEveryBlockNeedsCoordinates() throws {
        let (blocks, _, _) = try files()
        let problems = ZoneInputCheck().problems(schools: Self.schools, blocks: blocks)
        #expect(problems.filter { $0.column == "longitude" }.map(\.row) == [3, 5, 6])
        #expect(problems.first { $0.row == 6 }?.message == "片区既没有经纬度，距离文件中也没有它的距离，无法计算到学校的距离")
    }

    @Test func theBlockErrorNamesTheLongitudeAsWritten() throws {
        let blocks = try BlocksReader().read(Array("片区编号,县区代码,经度,纬度\nB1,130349,,\n".utf8), file: "b.csv")
        let problems = ZoneInputCheck(language: .english).problems(schools: [], blocks: blocks)
        #expect(problems.map(\.description) == [
            "b.csv:2:经度: the block has no coordinates and no row in the distances file, so no distance to a school is known",
        ])
    }

    @Test func agreeingFilesPassAndCheckThrowsTheProblems() throws {
        let blocks = try BlocksReader().read(Array("block_id,county_code,current_primary,longitude,latitude\nB1,130349,S1,115.5,38.2\n".utf8), file: "b.csv")
        let distances = try DistancesReader().read(Array("from,to,minutes\nB1,S2,7\n".utf8), file: "d.csv")
        try ZoneInputCheck().check(schools: Self.schools, blocks: blocks, distances: distances)
        let (badBlocks, _, _) = try files()
        #expect(throws: DataFileError.self) { try ZoneInputCheck().check(schools: Self.schools, blocks: badBlocks) }
    }

    @Test func aCurrentSchoolMustTeachTheStage() throws {
        let blocks = try BlocksReader().read(Array("block_id,county_code,current_primary,current_junior,longitude,latitude\nB1,130349,S2,S1,115.5,38.2\n".utf8), file: "b.csv")
        #expect(ZoneInputCheck(language: .english).problems(schools: Self.schools, blocks: blocks).map(\.description) == [
            "b.csv:2:current_primary: school 'S2' has no primary stage",
            "b.csv:2:current_junior: school 'S1' has no junior stage",
        ])
        #expect(ZoneInputCheck().problems(schools: Self.schools, blocks: blocks).first?.message == "学校“S2”没有小学学段")
    }
}
