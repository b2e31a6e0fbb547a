import Foundation

/// The basemap's tile address template (``WebConfiguration/mapTiles``) as the pages' content
/// security policy needs it: the origin the tiles come from.
enum MapTiles {
    /// The origin (`https://host[:port]`) of an http or https `template`; none for anything
    /// else, or for a template that names no host (the map draws no tiles then either).
    static func origin(of template: String?) -> [String] {
        guard let template else { return [] }
        // The placeholders are not URL characters: replace them before parsing.
        let filled = template.replacingOccurrences(of: "{z}", with: "0").replacingOccurrences(of: "{x}", with: "0")
            .replacingOccurrences(of: "{y}", with: "0")
        guard let components = URLComponents(string: filled), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty,
              host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }) else { return [] }
        return ["\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")]
    }
}
