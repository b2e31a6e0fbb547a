/// The keyed container of ``JSONNodeEncoder``: members of its node, an object, in the order
/// they are encoded. An absent optional is written as `null`, not left out.
struct JSONNodeKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONNode
    let codingPath: [any CodingKey]

    private func put(_ value: JSONValue, _ key: Key) { node.set(.value(value), forKey: key.stringValue) }

    mutating func encodeNil(forKey key: Key) throws { put(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { put(.number(value as Double?), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { put(.number(Double(value) as Double?), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(.int(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(.integer(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(.integer(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(.integer(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(.integer(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(.integer(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(.integer(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(.integer(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(.integer(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(.integer(value), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        node.set(.node(try JSONNodeEncoder.node(value, at: codingPath + [key])), forKey: key.stringValue)
    }

    // Absent optionals: `null`, where the protocol's defaults would leave the key out.
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { put(.bool(value), key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { put(.string(value), key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { put(.number(value), key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { put(.number(value.map(Double.init)), key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { put(value.map(JSONValue.int) ?? .null, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { put(value.map(JSONValue.integer) ?? .null, key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { put(value.map(JSONValue.integer) ?? .null, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { put(value.map(JSONValue.integer) ?? .null, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { put(value.map(JSONValue.integer) ?? .null, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { put(value.map(JSONValue.integer) ?? .null, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { put(value.map(JSONValue.integer) ?? .null, key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { put(value.map(JSONValue.integer) ?? .null, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { put(value.map(JSONValue.integer) ?? .null, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { put(value.map(JSONValue.integer) ?? .null, key) }

    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        guard let value else { return put(.null, key) }
        try encode(value, forKey: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        encoder(forKey: key, stringValue: key.stringValue).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder(forKey: key, stringValue: key.stringValue).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        encoder(forKey: JSONKey.super, stringValue: JSONKey.super.stringValue)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        encoder(forKey: key, stringValue: key.stringValue)
    }

    /// An encoder of a new member `stringValue`.
    private func encoder(forKey key: any CodingKey, stringValue: String) -> JSONNodeEncoder {
        let child = JSONNode()
        node.set(.node(child), forKey: stringValue)
        return JSONNodeEncoder(node: child, codingPath: codingPath + [key])
    }
}
