/// One file handed to a use case: its bytes, the name the person gave it (used in every
/// message) and the worksheet to read when it is a workbook. An upload on the web, a path
/// read by the command.
public struct UploadedFile: Sendable {
    public var name: String
    public var bytes: [UInt8]
    public var sheet: String?

    public init(name: String, bytes: [UInt8], sheet: String? = nil) {
        // The name only labels messages and the audit note; keep it one short line.
        let line = name.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        self.name = line.isEmpty ? "upload" : String(line.prefix(200))
        self.bytes = bytes
        self.sheet = sheet.flatMap { $0.isEmpty ? nil : $0 }
    }
}
