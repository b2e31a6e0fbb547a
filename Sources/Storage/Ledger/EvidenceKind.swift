/// The kinds of evidence file a ledger accepts (佐证材料): documents and scans a bureau
/// actually sends — PDF, PNG, JPEG, and Word or Excel files — told by their first bytes and
/// their name's extension together, so a renamed program or page is refused.
public enum EvidenceKind: String, Sendable, Hashable, CaseIterable, Codable {
    case pdf, png, jpeg, docx, xlsx

    /// The most bytes one file may hold.
    public static let maximumBytes = 5 << 20

    /// The type a download is served as.
    public var contentType: String {
        switch self {
        case .pdf: "application/pdf"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }

    /// The extensions a name may end with.
    var extensions: [String] {
        switch self {
        case .pdf: ["pdf"]
        case .png: ["png"]
        case .jpeg: ["jpg", "jpeg"]
        case .docx: ["docx"]
        case .xlsx: ["xlsx"]
        }
    }

    /// The kind of `bytes` named `fileName`, or `nil` when the name's extension and the bytes
    /// do not agree on an accepted kind.
    public init?(fileName: String, bytes: [UInt8]) {
        let ext = fileName.split(separator: ".").last.map { $0.lowercased() } ?? ""
        guard let kind = Self.allCases.first(where: { $0.extensions.contains(ext) }) else { return nil }
        let magic: [UInt8] = switch kind {
        case .pdf: Array("%PDF-".utf8)
        case .png: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        case .jpeg: [0xFF, 0xD8, 0xFF]
        case .docx, .xlsx: [0x50, 0x4B, 0x03, 0x04]
        }
        guard bytes.starts(with: magic) else { return nil }
        self = kind
    }
}
