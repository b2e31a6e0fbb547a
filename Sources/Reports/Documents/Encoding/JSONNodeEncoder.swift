/// The `Encoder` behind ``JSONValue/init(encoding:)``: it writes whatever a type encodes into
/// one ``JSONNode``.
///
/// Unlike Foundation's encoder it keeps members in the order a type encodes them (so a
/// document's keys come out in its documented order), writes a number that is not finite
/// as `null` (JSON has no NaN) and writes an absent optional as `null` rather than leaving
/// the key out (so every key of a document is always there).
struct JSONNodeEncoder: Encoder {
    /// Where the value goes.
    let node: JSONNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(JSONNodeKeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return JSONNodeUnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONNodeSingleValueContainer(node: node, codingPath: codingPath)
    }

    /// Encodes `value` into a new node at `path`, its members sorted when it is a
    /// `Dictionary` (``UnorderedKeys``).
    static func node(_ value: some Encodable, at path: [any CodingKey]) throws -> JSONNode {
        let node = JSONNode()
        try value.encode(to: JSONNodeEncoder(node: node, codingPath: path))
        if value is any UnorderedKeys { node.sortMembersByKey() }
        return node
    }
}

extension JSONValue {
    /// The document `value` encodes, keys in the order the value encodes them, numbers that
    /// are not finite and absent optionals as `null`, a `Dictionary`'s keys sorted.
    ///
    /// ```swift
    /// let text = try JSONValue(encoding: EvaluationDocument(results, standard: standard, language: .chinese)).serialized()
    /// ```
    public init(encoding value: some Encodable) throws {
        self = try JSONNodeEncoder.node(value, at: []).value
    }

    /// An integer of any width: `int` when it fits, a number otherwise.
    static func integer(_ value: some BinaryInteger) -> JSONValue {
        Int(exactly: value).map(JSONValue.int) ?? .number(Double(value))
    }
}
