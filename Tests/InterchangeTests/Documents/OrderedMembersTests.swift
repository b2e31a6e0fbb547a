import Foundation
import Reports
import Testing

/// Objects whose members are data: written in the order given, read back by `JSONDecoder`,
/// equal whatever the order.
@Suite struct OrderedMembersTests {
    @Test func membersAreWrittenInTheOrderGivenAndReadBack() throws {
        let members = OrderedMembers<Double?>([("z", 1.5), ("a", nil), ("m", 3)])
        let text = try JSONValue(encoding: members).serialized()
        #expect(text == "{\n  \"z\": 1.5,\n  \"a\": null,\n  \"m\": 3.0\n}")
        let decoded = try JSONDecoder().decode(OrderedMembers<Double?>.self, from: Data(text.utf8))
        #expect(decoded == members)
        #expect(decoded["a"] == .some(nil) && decoded["m"] == 3 && decoded["q"] == nil)
    }

    @Test func equalityIsByKeyNotByOrder() {
        #expect(OrderedMembers([("a", 1), ("b", 2)]) == OrderedMembers([("b", 2), ("a", 1)]))
        #expect(OrderedMembers([("a", 1), ("b", 2)]) != OrderedMembers([("a", 1), ("b", 3)]))
        #expect(OrderedMembers([("a", 1), ("b", 2)]) != OrderedMembers([("a", 1)]))
        #expect(OrderedMembers([("a", 1)]) != OrderedMembers([("a", 1), ("b", 2)]))
    }

    @Test func aRepeatedKeyKeepsItsFirstValue() {
        let members = OrderedMembers([("a", 1), ("b", 2), ("a", 3)])
        #expect(members.keys == ["a", "b"])
        #expect(members["a"] == 1)
    }
}
