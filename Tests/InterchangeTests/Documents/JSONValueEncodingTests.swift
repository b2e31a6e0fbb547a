import Foundation
import Reports
import Testing

/// The encoder behind every result document (``JSONValue/init(encoding:)``): keys in the order
/// a type encodes them, absent optionals and non-finite numbers as `null`, a dictionary's keys
/// sorted, containers written into the value they came from — and the same writer as the
/// hand-built ``JSONValue`` documents.
@Suite struct JSONValueEncodingTests {
    struct Ordered: Encodable {
        var zulu = 1
        var alpha = "a"
        var mike = 2.5
    }

    @Test func keysFollowTheOrderTheyAreEncodedIn() throws {
        let value = try JSONValue(encoding: Ordered())
        #expect(value.serialized() == "{\n  \"zulu\": 1,\n  \"alpha\": \"a\",\n  \"mike\": 2.5\n}")
        // The same bytes as the document built by hand.
        #expect(value.serialized() == JSONValue.object([("zulu", .int(1)), ("alpha", .string("a")), ("mike", .number(2.5))]).serialized())
    }

    struct Optionals: Encodable {
        var count: Int?
        var name: String?
        var share: Double?
        var flag: Bool?
        var list: [Int]?
        var nested: Ordered?
        var small: UInt8?
    }

    @Test func absentOptionalsAreWrittenAsNull() throws {
        let text = try JSONValue(encoding: Optionals()).serialized()
        for key in ["count", "name", "share", "flag", "list", "nested", "small"] {
            #expect(text.contains("\"\(key)\": null"), "\(key) in \(text)")
        }
        let present = try JSONValue(encoding: Optionals(count: 3, name: "x", share: 0.5, flag: false, list: [1], nested: Ordered(), small: 7)).serialized()
        #expect(!present.contains("null"))
        #expect(present.contains("\"small\": 7"))
    }

    struct Numbers: Encodable {
        var keyed: Double
        var optional: Double?
        var list: [Double]
        var float: Float
        var wrapped: Wrapper
    }

    /// A value that encodes through a single-value container.
    struct Wrapper: Encodable {
        var number: Double
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(number)
        }
    }

    @Test func nonFiniteNumbersAreWrittenAsNull() throws {
        let numbers = Numbers(keyed: .nan, optional: .infinity, list: [1, -.infinity, .nan], float: .infinity, wrapped: Wrapper(number: .nan))
        let text = try JSONValue(encoding: numbers).serialized()
        #expect(text == """
            {
              "keyed": null,
              "optional": null,
              "list": [
                1.0,
                null,
                null
              ],
              "float": null,
              "wrapped": null
            }
            """)
        #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil)
    }

    @Test func aDictionarysKeysAreSorted() throws {
        let dictionary = Dictionary(uniqueKeysWithValues: (0..<40).map { ("key\(($0 * 7) % 40)", $0) })
        let value = try JSONValue(encoding: ["outer": dictionary])
        guard case let .object(outer) = value, case let .object(members)? = outer.first?.1 else {
            Issue.record("not an object of objects: \(value.serialized())")
            return
        }
        #expect(members.map(\.0) == dictionary.keys.sorted())
        #expect(members.map(\.0).count == 40)
    }

    /// Encodes `first`, then `second` and `first` again, through two containers of one encoder.
    struct TwoContainers: Encodable {
        enum Keys: String, CodingKey { case first, second }
        func encode(to encoder: any Encoder) throws {
            var one = encoder.container(keyedBy: Keys.self)
            try one.encode(1, forKey: .first)
            var two = encoder.container(keyedBy: Keys.self)
            try two.encode(2, forKey: .second)
            try two.encode(3, forKey: .first)
        }
    }

    @Test func containersOfOneEncoderShareTheObjectAndALaterValueReplacesAnEarlierOne() throws {
        #expect(try JSONValue(encoding: TwoContainers()).serialized() == "{\n  \"first\": 3,\n  \"second\": 2\n}")
    }

    /// Nested keyed and unkeyed containers and super encoders.
    struct Nested: Encodable {
        enum Keys: String, CodingKey { case object, array }
        enum Inner: String, CodingKey { case a }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var object = container.nestedContainer(keyedBy: Inner.self, forKey: .object)
            var array = container.nestedUnkeyedContainer(forKey: .array)
            // Written after their containers were handed out: still in place.
            try object.encode(true, forKey: .a)
            try array.encode("x")
            var inner = array.nestedContainer(keyedBy: Inner.self)
            try inner.encodeNil(forKey: .a)
            try Ordered().encode(to: container.superEncoder())
        }
    }

    @Test func nestedContainersWriteIntoTheValueTheyCameFrom() throws {
        let text = try JSONValue(encoding: Nested()).serialized()
        #expect(text == """
            {
              "object": {
                "a": true
              },
              "array": [
                "x",
                {
                  "a": null
                }
              ],
              "super": {
                "zulu": 1,
                "alpha": "a",
                "mike": 2.5
              }
            }
            """)
    }

    @Test func integersOfEveryWidthAreIntegersWhenTheyFit() throws {
        #expect(try JSONValue(encoding: [Int64.min]).serialized() == "[\n  \(Int64.min)\n]")
        #expect(try JSONValue(encoding: [UInt16.max]).serialized() == "[\n  65535\n]")
        // Beyond Int: a number (JSON has one number type).
        #expect(try JSONValue(encoding: [UInt64.max]).serialized() == "[\n  \(Double(UInt64.max))\n]")
    }

    @Test func emptyContainersAreEmptyObjectsAndArrays() throws {
        struct Empty: Encodable {}
        #expect(try JSONValue(encoding: Empty()).serialized() == "{}")
        #expect(try JSONValue(encoding: [Int]()).serialized() == "[]")
        #expect(try JSONValue(encoding: OrderedMembers<Int>([])).serialized() == "{}")
    }
}
