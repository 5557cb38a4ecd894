import Foundation
import Testing
import TestSupport

/// The shipped spec `Reports/periods-2001-2011-vs-2024.yaml`, built as its header tells a user to,
/// from the generators' output: gen-gtd through `import gtd`, gen-events through `import ucdp-ged`
/// and `import acled` with the terrorism selections. The PDF's text must hold each source's counts
/// (checked against the generators' truth) and the refusals with their reasons.
@Suite(.serialized) struct PeriodsSpecTests {
    static let members2024: Set<String> = ["CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB", "IND", "PAK", "IRN", "BLR"]

    static func runTool(_ name: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: (CLI.binary as NSString).deletingLastPathComponent + "/" + name)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(name) \(arguments)")
    }

    /// Events in the ten states of 2024 in `years`, of the truth's types `types`, from gen-events' --truth.
    static func truthCount(_ path: String, years: ClosedRange<Int>, types: Set<String>) throws -> Int {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst()
        var total = 0
        for line in lines {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard let year = Int(cells[0]), years.contains(year), members2024.contains(cells[1]), types.contains(cells[2]) else { continue }
            total += Int(cells[3])!
        }
        return total
    }

    @Test func shippedSpecComparesEachSourceAndRefusesWhereItDoesNotCover() throws {
        let folder = try TemporaryFolder(prefix: "scobrief-periods-spec")
        for sub in ["gtd", "ucdp", "acled"] {
            try FileManager.default.createDirectory(atPath: folder.file(sub), withIntermediateDirectories: true)
        }
        try Self.runTool("gen-gtd", ["-o", folder.file("gtd.csv"), "--rows", "6000", "--seed", "11"])
        try Self.runTool("gen-events", ["ucdp-ged", "-o", folder.file("ged.csv"), "--rows", "6000", "--seed", "11", "--truth", folder.file("ged-truth.csv")])
        try Self.runTool("gen-events", ["acled", "-o", folder.file("acled.csv"), "--rows", "6000", "--seed", "11", "--truth", folder.file("acled-truth.csv")])

        var run = try CLI.run(["import", "gtd", folder.file("gtd.csv"), "-o", folder.file("gtd/attacks.csv"), "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        run = try CLI.run(["import", "ucdp-ged", folder.file("ged.csv"), "--type-of-violence", "3", "-o", folder.file("ucdp/attacks.csv"), "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        run = try CLI.run(["import", "acled", folder.file("acled.csv"), "--event-type", "Explosions/Remote violence",
                           "--sub-event-type", "Suicide bomb,Remote explosive/landmine/IED", "-o", folder.file("acled/attacks.csv"), "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")

        let pdf = folder.file("periods.pdf")
        let report = try CLI.run(["report", "Reports/periods-2001-2011-vs-2024.yaml",
                                  "--input", "attacks=\(folder.file("gtd/attacks.csv"))",
                                  "--input", "attacks+=\(folder.file("ucdp/attacks.csv"))",
                                  "--input", "attacks+=\(folder.file("acled/attacks.csv"))", "-o", pdf, "--quiet"])
        #expect(report.status == 0, "\(report.stderr)")
        // Valid, and every piece of content tagged or an artifact (PDF/UA 7.1).
        _ = try PDFStructure(path: pdf)
        let audit = try PDFContentAudit(path: pdf)
        #expect(audit.untaggedSummary.isEmpty, "\(audit.untaggedSummary)")
        // pdftotext keeps table cells in reading order; joining lines makes the checks independent of wrapping.
        let text = try ExternalTool.run("pdftotext", ["-layout", pdf, "-"])
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")

        // UCDP covers both periods: its counts are there, as the generator made them.
        let ucdpEarly = try Self.truthCount(folder.file("ged-truth.csv"), years: 2001...2011, types: ["3"])
        let ucdp2024 = try Self.truthCount(folder.file("ged-truth.csv"), years: 2024...2024, types: ["3"])
        #expect(ucdpEarly > 0 && ucdp2024 > 0)
        #expect(flat.contains("ucdp-ged 2001–2011 \(ucdpEarly.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US"))))"), "\(flat)")
        #expect(flat.contains("ucdp-ged 2024 \(ucdp2024.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US"))))"), "\(flat)")
        #expect(flat.contains("ucdp-ged rate ratio"), "\(flat)")

        // The GTD ends in 2020: 2024 is refused, with the data's last date.
        #expect(flat.contains("gtd not compared"), "\(flat)")
        #expect(flat.contains("gtd: 2001-2011 and 2024 not compared: 2024 (after the data end) is outside this source's coverage (the data cover 1970-"), "\(flat)")
        // ACLED starts in 2010–2018 in these states: 2001–2011 is refused.
        #expect(flat.contains("acled not compared"), "\(flat)")
        #expect(flat.contains("acled: 2001-2011 and 2024 not compared: 2001–2009 (before coverage of BLR, CHN, IND, IRN, KAZ, KGZ, PAK, RUS, TJK, UZB starts)"), "\(flat)")
        #expect(!flat.contains("acled rate ratio"), "\(flat)")
    }

    @Test func aSourceTheTableDoesNotHoldIsAnErrorAtTheSpec() throws {
        let folder = try TemporaryFolder(prefix: "scobrief-periods-bad")
        try FileManager.default.createDirectory(atPath: folder.file("ucdp"), withIntermediateDirectories: true)
        try Self.runTool("gen-events", ["ucdp-ged", "-o", folder.file("ged.csv"), "--rows", "500", "--seed", "3"])
        let run = try CLI.run(["import", "ucdp-ged", folder.file("ged.csv"), "-o", folder.file("ucdp/attacks.csv"), "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let spec = folder.file("spec.yaml")
        try """
        report: {title: T}
        body:
          - table: {id: tab-p, analysis: compare, sources: [ucdp-ged, acledd], periods: [2001-2011, 2024], caption: C}
        """.write(toFile: spec, atomically: true, encoding: .utf8)
        let report = try CLI.run(["report", spec, "--input", "attacks=\(folder.file("ucdp/attacks.csv"))", "-o", folder.file("p.pdf")])
        #expect(report.status == 1)
        #expect(report.stderr.contains("spec.yaml:3:"), "\(report.stderr)")
        #expect(report.stderr.contains("no row of the attacks table comes from source 'acledd'"), "\(report.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("p.pdf")))
    }
}
