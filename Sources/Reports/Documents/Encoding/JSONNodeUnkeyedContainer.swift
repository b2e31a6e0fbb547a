/// The unkeyed container of ``JSONNodeEncoder``: elements appended to its node, an array.
struct JSONNodeUnkeyedContainer: UnkeyedEncodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]

    var count: Int { node.count }

    /// The coding path of the next element.
    private var next: [any CodingKey] { codingPath + [JSONKey(intValue: count)] }

    mutating func encodeNil() throws { node.append(.value(.null)) }
    mutating func encode(_ value: Bool) throws { node.append(.value(.bool(value))) }
    mutating func encode(_ value: String) throws { node.append(.value(.string(value))) }
    mutating func encode(_ value: Double) throws { node.append(.value(.number(value as Double?))) }
    mutating func encode(_ value: Float) throws { node.append(.value(.number(Double(value) as Double?))) }
    mutating func encode(_ value: Int) throws { node.append(.value(.int(value))) }
    mutating func encode(_ value: Int8) throws { node.append(.value(.integer(value))) }
    mutating func encode(_ value: Int16) throws { node.append(.value(.integer(value))) }
    mutating func encode(_ value: Int32) throws { node.append(.value(.integer(value))) }
    mutating func encode(_ value: Int64) throws { node.append(.value(.integer(value))) }
    mutating func encode(_ value: UInt) throws { node.append(.value(.integer(value))) }
    mutating func encode(_ value: UInt8) throws { node.append(.value(.integer(value))) }
    mutating func encode(_ value: UInt16) throws { node.append(.value(.integer(value))) }
    mutating func encode(_ value: UInt32) throws { node.append(.value(.integer(value))) }
    mutating func encode(_ value: UInt64) throws { node.append(.value(.integer(value))) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        node.append(.node(try JSONNodeEncoder.node(value, at: next)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let encoder = nestedEncoder()
        return encoder.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        nestedEncoder().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        nestedEncoder()
    }

    /// An encoder of a new element.
    private mutating func nestedEncoder() -> JSONNodeEncoder {
        let path = next, child = JSONNode()
        node.append(.node(child))
        return JSONNodeEncoder(node: child, codingPath: path)
    }
}
