import Testing
@testable import Planning

/// 结对帮扶: the pairing is whole, within the loads, as large as the loads allow and the least
/// costly among those — checked against exhaustive search on small schools.
@Suite struct CarePairingTests {
    typealias Child = CarePairing.Child
    typealias Teacher = CarePairing.Teacher

    /// The doc comment's worked example.
    @Test func theHeadTeacherAndLastYearsPartner() {
        let children = [Child(id: "A", schoolCode: "S", classId: "7-1", lastTeacher: "T2"), Child(id: "B", schoolCode: "S", classId: "7-1")]
        let teachers = [Teacher(id: "T1", schoolCode: "S", headOfClass: "7-1"), Teacher(id: "T2", schoolCode: "S")]
        let result = CarePairing(limit: 1).pair(children, with: teachers)
        #expect(result.partner == ["A": "T2", "B": "T1"] && result.cost == 3 && result.unpaired.isEmpty)
        // With room for both, the head teacher takes both: 1 + 1 = 2 is less than 2 + 1.
        #expect(CarePairing(limit: 2).pair(children, with: teachers).cost == 2)
    }

    @Test func childrenMeetOnlyTheirSchoolsTeachersAndTheLoadsHold() {
        let children = (0..<7).map { Child(id: "C\($0)", schoolCode: $0 < 6 ? "S1" : "S2") }
        let teachers = [Teacher(id: "T1", schoolCode: "S1"), Teacher(id: "T2", schoolCode: "S1")]
        let result = CarePairing(limit: 2).pair(children, with: teachers)
        #expect(result.partner.count == 4)
        #expect(Set(result.unpaired).isSuperset(of: ["C6"]) && result.unpaired.count == 3)
        for teacher in teachers { #expect(result.partner.values.filter { $0 == teacher.id }.count <= 2) }
        #expect(CarePairing(limit: 3).pair(children, with: teachers).unpaired == ["C6"])
    }

    /// Every assignment of up to 6 children to up to 3 teachers (or none), within the loads:
    /// the solver's count is the most paired and its cost the least among those.
    @Test(arguments: 0..<120)
    func optimalAgainstExhaustiveSearch(seed: Int) {
        var rng = TestRandom(seed: 55_000 + seed)
        let classes = ["1", "2"]
        let teachers = (0..<rng.int(1, 3)).map { Teacher(id: "T\($0)", schoolCode: "S", headOfClass: rng.int(0, 2) < 2 ? classes[rng.int(0, 1)] : nil) }
        let children = (0..<rng.int(1, 6)).map { k in
            Child(id: "C\(k)", schoolCode: "S", classId: classes[rng.int(0, 1)], lastTeacher: rng.int(0, 1) == 0 ? "T\(rng.int(0, 2))" : nil)
        }
        let limit = rng.int(1, 3)
        let result = CarePairing(limit: limit).pair(children, with: teachers)
        var best = (paired: -1, cost: Int.max)
        var load = Array(repeating: 0, count: teachers.count)
        func search(_ k: Int, paired: Int, cost: Int) {
            if k == children.count {
                if paired > best.paired || (paired == best.paired && cost < best.cost) { best = (paired, cost) }
                return
            }
            search(k + 1, paired: paired, cost: cost)
            for t in teachers.indices where load[t] < limit {
                load[t] += 1
                search(k + 1, paired: paired + 1, cost: cost + CarePairing.cost(children[k], teachers[t]))
                load[t] -= 1
            }
        }
        search(0, paired: 0, cost: 0)
        #expect(result.partner.count == best.paired && result.cost == best.cost)
        #expect(teachers.allSatisfy { t in result.partner.values.filter { $0 == t.id }.count <= limit })
        #expect(result.unpaired.count + result.partner.count == children.count)
    }
}
