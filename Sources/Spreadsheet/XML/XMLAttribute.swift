/// One `name="value"` of a tag, as byte ranges into the scanned document (nothing copied).
struct XMLAttribute {
    /// The local name (after any `prefix:`).
    let name: Range<Int>
    /// The value between the quotes, references not yet resolved.
    let value: Range<Int>
    /// Whether the value contains `&` and so must go through ``XMLText/decode(_:_:into:)``.
    let hasReferences: Bool
}
