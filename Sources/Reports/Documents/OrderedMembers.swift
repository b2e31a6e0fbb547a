/// A JSON object whose members are data — indicator keys, stages, Theil groups — rather than
/// fields of a type, written in the order they are given (a standard's indicator order, the
/// evaluation's stage order).
///
/// Two are equal when they hold the same keys with the same values: the order is how the
/// document is written, not what it says, and `JSONDecoder` does not keep it.
///
/// ```swift
/// let met = OrderedMembers([("teaching_area_per_student", true), ("sports_area_per_student", false)])
/// met["sports_area_per_student"]  // false
/// ```
public struct OrderedMembers<Value: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    /// The members, in document order.
    public var members: [(key: String, value: Value)]

    /// An object of `members`, in that order; a later member of a key already given is dropped.
    public init(_ members: some Sequence<(String, Value)>) {
        var seen = Set<String>()
        self.members = members.filter { seen.insert($0.0).inserted }.map { (key: $0.0, value: $0.1) }
    }

    /// The keys, in document order.
    public var keys: [String] { members.map(\.key) }

    /// The value of `key`, if the object has it.
    public subscript(key: String) -> Value? {
        members.first { $0.key == key }?.value
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: JSONKey.self)
        members = try container.allKeys.map { ($0.stringValue, try container.decode(Value.self, forKey: $0)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: JSONKey.self)
        for (key, value) in members {
            try container.encode(value, forKey: JSONKey(stringValue: key))
        }
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.members.count == b.members.count && a.members.allSatisfy { b[$0.key] == $0.value }
    }
}
