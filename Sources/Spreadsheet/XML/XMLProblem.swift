/// Why the bytes of a package part are not the XML they should be.
public enum XMLProblem: Error, Sendable, Equatable {
    /// A `<` whose tag never ends.
    case unterminatedTag
    /// `<!--` without `-->`.
    case unterminatedComment
    /// `<![CDATA[` without `]]>`.
    case unterminatedCDATA
    /// `<?` without `?>`.
    case unterminatedProcessingInstruction
    /// `</found>` where `</expected>` was due.
    case mismatchedEndTag(expected: String, found: String)
    /// An end tag with no element open.
    case unexpectedEndTag(String)
    /// The document ended inside this element.
    case unclosedElement(String)
    /// An entity or character reference that XML does not define, e.g. `&nbsp;` or `&#0;`.
    case badReference(String)
    /// An attribute without `="value"`, or with `<` in its value.
    case badAttribute
    /// A tag without a name.
    case badName
    /// Characters before or after the root element.
    case textOutsideRoot
    /// No root element at all (e.g. an empty part).
    case noRootElement
    /// A second root element.
    case multipleRoots
    /// `<!DOCTYPE`: never used by spreadsheet packages and the door to entity bombs.
    case doctype
    /// Elements nested deeper than any spreadsheet needs.
    case tooDeep
    /// Bytes that are not UTF-8.
    case invalidUTF8
    /// A UTF-16 byte order mark: spreadsheet producers write UTF-8.
    case utf16
}
