import Domain
import Foundation

/// Where a standard comes from on the command line: a built-in key (`quality-2017`,
/// `basic-2012`) or the path of a province's own file in the same schema.
public enum StandardSource {
    /// Loads the standard named by `argument`.
    public static func load(_ argument: String) throws -> Standard {
        if Standard.builtInKeys.contains(argument) {
            return try Standard.builtIn(argument)
        }
        guard let data = FileManager.default.contents(atPath: argument) else {
            throw StandardError(
                source: argument, path: "",
                message: "neither a built-in standard (\(Standard.builtInKeys.joined(separator: ", "))) nor a readable file")
        }
        return try Standard.decode(data, source: argument)
    }
}
