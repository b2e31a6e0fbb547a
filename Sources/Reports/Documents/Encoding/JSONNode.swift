/// One value of a document while ``JSONValue/init(encoding:)`` builds it: a scalar, or an
/// object or array whose members are scalars or further nodes. A reference, so that nested
/// containers handed out by the encoder write into the tree they came from; turned into a
/// ``JSONValue`` once everything is encoded.
///
/// Objects keep their members in the order they were first encoded; encoding a key again
/// replaces its value in place.
final class JSONNode {
    /// A member or an element: written at once (a scalar) or still being encoded (a node).
    enum Slot {
        case value(JSONValue)
        case node(JSONNode)
    }

    private enum Kind {
        case unset, scalar, object, array
    }

    private var kind = Kind.unset
    private var scalar = JSONValue.null
    /// An object's keys, parallel to ``slots``.
    private var keys: [String] = []
    /// An object's member values or an array's elements.
    private var slots: [Slot] = []
    /// Positions of an object's keys, made once an object is large enough for a linear search
    /// to cost more than a dictionary.
    private var positions: [String: Int]?

    /// Objects up to this many keys find a key again by a linear search.
    private static let linearSearchLimit = 12

    /// The elements of an array so far.
    var count: Int { slots.count }

    /// Writes a scalar (or `null`), replacing whatever was here.
    func set(_ value: JSONValue) {
        reset(to: .scalar)
        scalar = value
    }

    /// Makes this node an object, keeping the members of an object already here (a type may
    /// ask its encoder for a keyed container more than once).
    func makeObject() {
        if kind != .object { reset(to: .object) }
    }

    /// Makes this node an array, keeping the elements of an array already here.
    func makeArray() {
        if kind != .array { reset(to: .array) }
    }

    /// Sets the member `key` of this object.
    func set(_ slot: Slot, forKey key: String) {
        makeObject()
        if let position = position(of: key) {
            slots[position] = slot
            return
        }
        positions?[key] = keys.count
        keys.append(key)
        slots.append(slot)
    }

    /// Appends an element to this array.
    func append(_ slot: Slot) {
        makeArray()
        slots.append(slot)
    }

    /// Orders this object's members by key: the members of a `Dictionary`, which has no order
    /// of its own, so that the same value always gives the same document.
    func sortMembersByKey() {
        guard kind == .object else { return }
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        keys = order.map { keys[$0] }
        slots = order.map { slots[$0] }
        positions = nil
    }

    /// The finished value. A node nothing was encoded into is an empty object, as a type
    /// without members encodes in Foundation's encoder.
    var value: JSONValue {
        switch kind {
        case .unset: .object([])
        case .scalar: scalar
        case .object: .object(zip(keys, slots).map { ($0, $1.value) })
        case .array: .array(slots.map(\.value))
        }
    }

    private func reset(to kind: Kind) {
        self.kind = kind
        scalar = .null
        keys = []
        slots = []
        positions = nil
    }

    private func position(of key: String) -> Int? {
        guard keys.count > Self.linearSearchLimit else { return keys.firstIndex(of: key) }
        if positions == nil {
            positions = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
        return positions?[key]
    }
}

extension JSONNode.Slot {
    /// The finished value of this member or element.
    var value: JSONValue {
        switch self {
        case let .value(value): value
        case let .node(node): node.value
        }
    }
}
