/// What ``XMLScanner/next()`` found.
enum XMLToken: Equatable {
    /// `<name …>`: an element opens.
    case start
    /// `<name …/>`: an element opens and closes.
    case empty
    /// `</name>`.
    case end
    /// Character data or a CDATA section inside the root element.
    case text
    /// The end of a well-formed document.
    case done
}
