/// A type whose keyed encoding follows no order of its own — a `Dictionary` — so the encoder
/// writes its members sorted by key, and the same value always gives the same bytes.
protocol UnorderedKeys {}

extension Dictionary: UnorderedKeys {}
