import Domain
import Foundation
import HTTPTypes
@testable import Interchange
@testable import Spreadsheet
import Testing
@testable import Web

/// Issue 13 (1, 2): a workbook that once stopped the whole server (a 20-digit shared-string
/// index), or inflated to a gibibyte, sent by an ordinary account: refused with its place,
/// and the server goes on serving.
@Suite("Hostile uploads")
struct HostileUploadTests {
    static let main = #"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#

    /// A workbook of one sheet "S" whose sheet data and shared strings are as given.
    static func workbook(sheetData: String, sharedStrings: String = "") throws -> [UInt8] {
        try XLSXWriter.zip([
            ("[Content_Types].xml", PackageParts.contentTypes(sheetCount: 1)),
            ("_rels/.rels", PackageParts.packageRelationships),
            ("xl/_rels/workbook.xml.rels", PackageParts.workbookRelationships(sheetCount: 1)),
            ("xl/sharedStrings.xml", Array("<sst \(main)><si><t>学校标识码</t></si>\(sharedStrings)</sst>".utf8)),
            ("xl/workbook.xml", PackageParts.workbook([.init(name: "S", hidden: false, filterRange: nil)])),
            ("xl/worksheets/sheet1.xml", Array("<worksheet \(main)><sheetData>\(sheetData)</sheetData></worksheet>".utf8)),
        ])
    }

    static let overflowingIndex = #"<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>99999999999999999999</v></c></row>"#

    @Test func clerksImportOfACrashingWorkbookIsRefused() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var clerk = try await Browser.signedIn(client, as: "clerk")
            let before = try await fixture.trailCount()
            let refused = try await clerk.postImport(schools: ("crash.xlsx", try Self.workbook(sheetData: Self.overflowingIndex)))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("crash.xlsx:S:2:A: "))
            let api = try await clerk.apiImport("kind=schools&filename=crash.xlsx", bytes: try Self.workbook(sheetData: Self.overflowingIndex),
                                                contentType: "application/octet-stream")
            #expect(api.status == .unprocessableContent && api.errorCode == "invalid_data")
            #expect(try await fixture.trailCount() == before)
            #expect(try await clerk.send("/health").status == .ok)
        }
    }

    @Test func supervisorsRotationUploadOfABombIsRefused() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var supervisor = try await Browser.signedIn(client, as: "supervisor")
            // 8 MB of blank cells: ~10 KB compressed, far beyond any sheet's compression ratio.
            let bomb = try Self.workbook(sheetData: #"<row r="1">"# + String(repeating: "<c/>", count: 2_000_000) + "</row>")
            #expect(bomb.count < 100_000)
            let refused = try await supervisor.postRotate("/api/counties/\(fixture.countyA)/rotate", teachers: ("bomb.xlsx", bomb))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("bomb.xlsx:1:1: "))
            // Not the supervisor's county: refused before the upload is read.
            var other = try await Browser.signedIn(client, as: "supervisorB")
            let forbidden = try await other.postRotate("/api/counties/\(fixture.countyA)/rotate", teachers: ("bomb.xlsx", bomb))
            #expect(forbidden.status == .forbidden)
        }
    }
}
