import Foundation
import Testing
import TestSupport

/// The GTD path end to end, as a user with their own copy would run it: import, then the GTD report.
@Suite struct GTDReportTests {
    @Test func importedSyntheticGTDBuildsTheSCOReport() throws {
        let folder = NSTemporaryDirectory() + "scobrief-gtd-report-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let generator = (CLI.builtBinary as NSString).deletingLastPathComponent + "/gen-gtd"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: generator)
        process.arguments = ["-o", folder + "/gtd.csv", "--rows", "4000", "--seed", "7"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        let imported = try CLI.run(["import", "gtd", folder + "/gtd.csv", "-o", folder + "/attacks.csv", "--quiet"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let report = try CLI.run(["report", "Reports/gtd-sco.yaml", "--input", "attacks=\(folder)/attacks.csv", "-o", folder + "/gtd-sco.pdf", "--quiet"])
        #expect(report.status == 0, "\(report.stderr)")
        let text = try CLI.run(["compare", "attacks", "--input", "attacks=\(folder)/attacks.csv", "--period", "2001-2011", "--period", "2015-2017", "--format", "csv", "--table", "periods"])
        #expect(text.status == 0, "\(text.stderr)")
        // Complete counts from one database compare without the illustrative-list caveat.
        #expect(!text.stdout.contains("illustrative") && text.stdout.contains(",complete,"), "\(text.stdout)")

        let pdfText = try ExternalTool.run("pdftotext", [folder + "/gtd-sco.pdf", "-"])
        #expect(pdfText.contains("Terrorism in the SCO member states"))
        #expect(pdfText.contains("a complete count"))
        #expect(!pdfText.contains("named in the sources ("), "the imported table must not be described as the curated list")
        // Valid, and every piece of content tagged or an artifact (PDF/UA 7.1).
        _ = try PDFStructure(path: folder + "/gtd-sco.pdf")
        let audit = try PDFContentAudit(path: folder + "/gtd-sco.pdf")
        #expect(audit.untaggedSummary.isEmpty, "\(audit.untaggedSummary)")
    }
}
