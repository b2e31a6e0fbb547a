extension String {
    /// The text with its first letter in upper case, for English names that start a heading
    /// (e.g. "primary" → "Primary"); Chinese text is unchanged.
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
