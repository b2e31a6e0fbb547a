import Testing
@testable import Domain

@Suite("Scope, facts and verdicts")
struct EvaluationRuleTests {
    let quality = try! Standard.builtIn("quality-2017")

    /// A balanced county: identical schools, so every CV is 0 and every school passes.
    func balancedCounty() -> [SchoolYear] {
        (1...4).map { SchoolFactory.primary("P\($0)", students: 600) } + [
            SchoolYear(
                year: 2025, countyCode: "130102", schoolCode: "J1", schoolName: "初中", type: .junior, locality: .town,
                junior: StageRecord(students: 800, classes: 16, teachers: 70, qualifiedTeachers: 50, backboneTeachers: 10, peArtTeachers: 8),
                facilities: Facilities(teachingArea: 6000, sportsArea: 9000, equipmentValue: 2_400_000, multimediaRooms: 24)),
        ]
    }

    func allFactsMet(_ standard: Standard) -> [CountyFact] {
        standard.facts.map { rule in
            let value: CountyFact.Value
            switch rule.check {
            case .mustBeTrue: value = .yes
            case .vetoWhenTrue: value = .no
            case let .compare(op, bound): value = .number(op == .below ? bound / 2 : bound)
            }
            return CountyFact(year: 2025, countyCode: "130102", item: rule.key, value: value)
        }
    }

    @Test func aBalancedCountyWithAllFactsPasses() {
        let result = Evaluator(standard: quality).evaluateCounty(balancedCounty(), facts: allFactsMet(quality))
        #expect(result.findings == [])
        #expect(result.verdict == .pass)
        #expect(result.stages.map(\.unitCount) == [4, 1])
    }

    @Test func withoutFactsTheVerdictIsIncomplete() {
        let result = Evaluator(standard: quality).evaluateCounty(balancedCounty(), facts: nil)
        #expect(result.findings == [.factsNotProvided])
        #expect(result.verdict == .incomplete)
        #expect(result.findings[0].text(in: .chinese, standard: quality).contains("政府保障程度"))
    }

    @Test func missingFailedAndVetoedFacts() {
        var facts = allFactsMet(quality)
        facts.removeAll { $0.item == "gov_01_layout" }
        let evaluator = Evaluator(standard: quality)
        let missing = evaluator.evaluateCounty(balancedCounty(), facts: facts)
        #expect(missing.verdict == .incomplete)
        #expect(missing.findings == [.factMissing(quality.fact("gov_01_layout")!)])

        let index = facts.firstIndex { $0.item == "gov_11_rotation_share" }!
        facts[index].value = .number(8)
        let failed = evaluator.evaluateCounty(balancedCounty(), facts: facts)
        #expect(failed.verdict == .fail)
        let text = failed.findings.map { $0.text(in: .chinese, standard: quality) }.joined()
        #expect(text.contains("政府保障程度第11项"))
        #expect(text.contains("填报值 8%，要求 >= 10%"))

        let veto = facts.firstIndex { $0.item == "veto_key_classes" }!
        facts[veto].value = .yes
        let vetoed = evaluator.evaluateCounty(balancedCounty(), facts: facts)
        #expect(vetoed.findings.contains { if case .vetoed = $0 { true } else { false } })
        #expect(vetoed.findings.map { $0.text(in: .english, standard: quality) }.contains("one-vote veto: Key classes exist"))
    }

    @Test func differenceRateMustBeStrictlyBelow() {
        var facts = allFactsMet(quality)
        let index = facts.firstIndex { $0.item == "quality_09_difference_rate" }!
        facts[index].value = .number(0.15)
        #expect(Evaluator(standard: quality).evaluateCounty(balancedCounty(), facts: facts).verdict == .fail)
    }

    @Test func teachingPointsFollowTheScopeSetting() throws {
        let parent = SchoolFactory.primary("P1", students: 600, locality: .rural)
        let small = SchoolFactory.primary("T1", students: 30, locality: .rural, type: .teachingPoint, parent: "P1")
        let large = SchoolFactory.primary("T2", students: 80, locality: .rural, type: .teachingPoint, parent: "P1")
        var standard = quality

        let excluded = standard.units(of: [parent, small, large])
        #expect(excluded.units.map(\.schoolCode) == ["P1", "T2"])
        #expect(excluded.excluded.map(\.reason) == [.smallTeachingPoint(minimum: 50)])

        standard.scope.teachingPoints = .mergeIntoParent
        let merged = standard.units(of: [parent, small, large])
        #expect(merged.units.map(\.schoolCode) == ["P1"])
        #expect(merged.units[0].students == 710)
        #expect(merged.units[0].mergedTeachingPoints == ["T1", "T2"])
        let area = standard.indicators.firstIndex { $0.key == "teaching_area_per_student" }!
        #expect(merged.units[0].numerators[area] == Double(710 * 6))
        #expect(merged.excluded.map(\.reason) == [.mergedIntoParent("P1"), .mergedIntoParent("P1")])

        standard.scope.teachingPoints = .include
        #expect(standard.units(of: [parent, small, large]).units.count == 3)
    }

    @Test func specialAndPrivateSchoolsFollowTheScopeSetting() {
        var special = SchoolFactory.primary("S1", students: 120)
        special.type = .special
        var privateSchool = SchoolFactory.primary("M1", students: 900)
        privateSchool.ownership = .private
        var standard = quality
        let defaults = standard.units(of: [special, privateSchool])
        #expect(defaults.units.map(\.schoolCode) == ["M1"])
        #expect(defaults.excluded.map(\.reason) == [.typeExcluded])

        standard.scope.excludedTypes = []
        standard.scope.excludePrivate = true
        let flipped = standard.units(of: [special, privateSchool])
        #expect(flipped.units.map(\.schoolCode) == ["S1"])
        #expect(flipped.excluded.map(\.reason) == [.privateExcluded])
    }

    @Test func twelveYearAndCompleteSecondarySplits() throws {
        let twelve = SchoolYear(
            year: 2025, countyCode: "130102", schoolCode: "T", schoolName: "十二年", type: .twelveYear, locality: .urban,
            primary: StageRecord(students: 100), junior: StageRecord(students: 100), seniorStudents: 100,
            facilities: Facilities(teachingArea: 3420))
        let weights = quality.splitWeights
        #expect(abs(weights.share(of: .primary, in: twelve) - 1 / 3.42) < 1e-12)
        #expect(abs(weights.share(of: .junior, in: twelve) - 1.1 / 3.42) < 1e-12)
        #expect(abs(weights.share(of: .senior, in: twelve) - 1.32 / 3.42) < 1e-12)
        let complete = SchoolYear(
            year: 2025, countyCode: "130102", schoolCode: "C", schoolName: "完全中学", type: .completeSecondary, locality: .urban,
            junior: StageRecord(students: 500), seniorStudents: 500)
        #expect(abs(weights.share(of: .junior, in: complete) - 1 / 2.2) < 1e-12)
    }

    @Test func missingValuesLeaveTheCountyIncomplete() {
        var schools = balancedCounty()
        schools[0].primary.backboneTeachers = nil
        let result = Evaluator(standard: quality).evaluateCounty(schools, facts: allFactsMet(quality))
        #expect(result.verdict == .incomplete)
        let text = result.findings.map { $0.text(in: .chinese, standard: quality) }
        #expect(text == ["小学「每百名学生拥有县级以上骨干教师数」缺少1所学校的数据（列 backbone_primary）：P1"])
    }

    @Test func the2012CompositeDecides() throws {
        let basic = try Standard.builtIn("basic-2012")
        var random = TestRandom(seed: 7)
        let schools = random.county(20)
        let result = Evaluator(standard: basic).evaluateCounty(schools, facts: nil)
        for stage in result.stages {
            let cvs = stage.indicators.map { $0.cv! }
            #expect(abs(stage.compositeCV! - cvs.reduce(0, +) / 8) < 1e-15)
            #expect(stage.compositePass == (stage.compositeCV! <= basic.balance.cvLimits[stage.stage]!))
            #expect(stage.indicators.allSatisfy { $0.pass == nil && $0.limit == nil })
        }
        #expect(result.units.allSatisfy { $0.passes == nil })
    }
}

@Suite("School types")
struct SchoolTypeTests {
    @Test(arguments: SchoolType.allCases)
    func canHaveAgreesWithPossibleStages(type: SchoolType) {
        for stage in Stage.allCases {
            #expect(type.canHave(stage) == type.possibleStages.contains(stage), "\(type) \(stage)")
        }
        #expect(Set(type.stages).isSubset(of: Set(type.possibleStages)))
    }
}
