/// One file handed to a use case: its bytes, the name the person gave it (used in every
/// message) and the worksheet to read when it is a workbook. An upload on the web, a path
/// read by the command.
public struct UploadedFile: Sendable {
    /// The name shown in messages.
    public var name: String
    /// The file's bytes.
    public var bytes: [UInt8]
    /// The worksheet to read in a workbook; `nil` for the first.
    public var sheet: String?

    /// A file called `name` (its first line, at most 200 characters; "upload" when blank).
    public init(name: String, bytes: [UInt8], sheet: String? = nil) {
        // The name only labels messages and the audit note; keep it one short line.
        let line = name.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        self.name = line.isEmpty ? "upload" : String(line.prefix(200))
        self.bytes = bytes
        self.sheet = sheet.flatMap { $0.isEmpty ? nil : $0 }
    }
}
