/// The interface language. Chinese (zh-CN) is the default; official terms stay verbatim.
public enum Language: String, CaseIterable, Sendable, Codable {
    /// 简体中文 (zh-CN)
    case chinese = "zh"
    /// English
    case english = "en"

    /// Picks between the two texts of a message.
    @inlinable
    public func pick(_ chinese: String, _ english: String) -> String {
        self == .chinese ? chinese : english
    }
}
