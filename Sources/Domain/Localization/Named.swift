/// A thing of the domain with an official Chinese name and an English one — a stage, a
/// resource, an indicator, a county fact, a standard — which names itself the same way in
/// every report, page and message.
///
/// ```swift
/// Stage.junior.name(in: .chinese)   // "初中"
/// Stage.junior.name(in: .english)   // "junior secondary"
/// ```
public protocol Named {
    /// The official Chinese name.
    var chineseName: String { get }
    /// The English name.
    var englishName: String { get }
}

extension Named {
    /// The name in `language`.
    public func name(in language: Language) -> String {
        language.pick(chineseName, englishName)
    }
}
