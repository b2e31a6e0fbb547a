/// The single-value container of ``JSONNodeEncoder``: the value replaces what its node held.
struct JSONNodeSingleValueContainer: SingleValueEncodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.set(.null) }
    mutating func encode(_ value: Bool) throws { node.set(.bool(value)) }
    mutating func encode(_ value: String) throws { node.set(.string(value)) }
    mutating func encode(_ value: Double) throws { node.set(.number(value as Double?)) }
    mutating func encode(_ value: Float) throws { node.set(.number(Double(value) as Double?)) }
    mutating func encode(_ value: Int) throws { node.set(.int(value)) }
    mutating func encode(_ value: Int8) throws { node.set(.integer(value)) }
    mutating func encode(_ value: Int16) throws { node.set(.integer(value)) }
    mutating func encode(_ value: Int32) throws { node.set(.integer(value)) }
    mutating func encode(_ value: Int64) throws { node.set(.integer(value)) }
    mutating func encode(_ value: UInt) throws { node.set(.integer(value)) }
    mutating func encode(_ value: UInt8) throws { node.set(.integer(value)) }
    mutating func encode(_ value: UInt16) throws { node.set(.integer(value)) }
    mutating func encode(_ value: UInt32) throws { node.set(.integer(value)) }
    mutating func encode(_ value: UInt64) throws { node.set(.integer(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        // A wrapper encoding what it wraps: the wrapped value's containers are this node's.
        try value.encode(to: JSONNodeEncoder(node: node, codingPath: codingPath))
        if value is any UnorderedKeys { node.sortMembersByKey() }
    }
}
