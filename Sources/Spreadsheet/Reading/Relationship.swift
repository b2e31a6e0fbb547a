/// One `<Relationship>` of a `.rels` part: how a part finds the parts it uses.
struct Relationship: Equatable {
    /// `rId1`…
    let id: String
    /// The relationship type URI; compared by its last path component so that both the
    /// transitional and the strict (ISO) namespaces work.
    let type: String
    /// The package path of the target, already resolved against the source part.
    let target: String

    /// Whether the type ends with `/kind`, e.g. `officeDocument`, `worksheet`, `sharedStrings`.
    func isKind(_ kind: String) -> Bool {
        type.hasSuffix("/" + kind)
    }
}
