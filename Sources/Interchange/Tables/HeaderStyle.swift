/// The header row and enumerated values a writer uses.
public enum HeaderStyle: String, Sendable, CaseIterable {
    /// Official Chinese headers (学校标识码) and values (小学, 是): for people and Excel.
    case chinese
    /// English keys (`school_code`) and values (`primary`, `yes`): for scripts.
    case english
}
