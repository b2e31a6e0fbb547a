import Domain
import Foundation
import Interchange
import Reports
import Testing

/// Renders a demo county's report in headless Chromium and checks a screenshot comes out —
/// the real test that the page draws. Skipped when no Chromium is installed (Debian:
/// `apt-get install chromium fonts-noto-cjk`; without the CJK fonts Chinese draws as boxes).
///
/// Set `JUNHENG_REPORT_KEEP=DIR` to keep `report.html`, `report.png` and `report.pdf` in DIR
/// (how `docs/report-screenshot.png` is made).
@Suite("HTML report in Chromium")
struct HTMLReportChromiumTests {
    /// The first Chromium found on PATH.
    static let chromium: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for directory in path.split(separator: ":") {
                let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }()

    @Test("a demo county's report renders to a screenshot", .enabled(if: chromium != nil, "no chromium, chromium-browser or google-chrome on PATH"), .timeLimit(.minutes(1)))
    func screenshot() throws {
        let keep = ProcessInfo.processInfo.environment["JUNHENG_REPORT_KEEP"]
        let directory = keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("junheng-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: directory) } }

        // The county with the most failed rules shows the most of the report.
        let county = HTMLReportFixture.results.max { $0.findings.count(where: \.isFailure) < $1.findings.count(where: \.isFailure) }!
        let html = EvaluationReport(standard: HTMLReportFixture.standard, language: .chinese)
            .printableDocument([county], schools: HTMLReportFixture.schools, title: nil)
        let page = directory.appendingPathComponent("report.html")
        try html.write(to: page, atomically: true, encoding: .utf8)

        let png = directory.appendingPathComponent("report.png")
        try run(["--screenshot=\(png.path)", "--window-size=1240,1754", "--hide-scrollbars", page.absoluteString])
        let size = try FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int ?? 0
        #expect(size > 20_000, "screenshot of \(size) bytes")
        if keep != nil {
            try run(["--print-to-pdf=\(directory.appendingPathComponent("report.pdf").path)", "--no-pdf-header-footer", page.absoluteString])
        }
    }

    /// Runs headless Chromium with `arguments`, killing it after 45 s.
    func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = Self.chromium
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(45)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            Issue.record("chromium did not finish within 45 s")
        }
        process.waitUntilExit()
    }
}
