import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TestSupport

/// `scobrief report` killed part-way must leave every earlier output whole, and the next run must
/// leave no temporary file behind.
///
/// The guarantee (see AtomicFile and TemporarySibling): each output file is written to
/// `.NAME.tmp-XXXXXX` beside it and renamed over it only when complete, so at every moment the
/// path holds either the earlier file or the complete new one. SIGINT and SIGTERM delete the
/// temporary file before the process ends. SIGKILL cannot be caught, so its temporary file may
/// stay; the next scobrief run that writes into the same folder deletes every such file that no
/// running scobrief holds locked.
@Suite(.serialized) struct InterruptedRunTests {
    /// Outputs are compared byte for byte across runs, so every run is dated alike.
    private static let dated = ["SOURCE_DATE_EPOCH": "1700000000"]

    private static func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "scobrief-kill-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private static func temporaries(in folder: String) -> [String] {
        let walker = FileManager.default.enumerator(atPath: folder)
        return (walker?.allObjects as? [String] ?? []).filter { ($0 as NSString).lastPathComponent.contains(".tmp-") }
    }

    private static func files(in folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where !name.contains(".tmp-") {
            result[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        }
        return result
    }

    /// Starts the real binary and sends `signal` after `delay` seconds (or lets it finish first).
    private static func runAndSignal(_ arguments: [String], after delay: Double, signal: Int32) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: CLI.packageRoot)
        process.environment = ProcessInfo.processInfo.environment.merging(dated) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(useconds_t(delay * 1_000_000))
        if process.isRunning { kill(process.processIdentifier, signal) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test(arguments: [SIGKILL, SIGTERM])
    func killedReportLeavesEarlierOutputsWhole(signal: Int32) throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pdf = folder + "/report.pdf", figures = folder + "/figures"
        let paper = ["report", "Reports/paper-figures.yaml", "-o", pdf, "--figures", figures, "--quiet"]

        // What a complete run writes, for comparison: the briefing as the earlier output at the same
        // path, the paper-figures report as the new one (both are byte-for-byte reproducible).
        let reference = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: reference) }
        let start = Date()
        #expect(try CLI.run(["report", "Reports/paper-figures.yaml", "-o", reference + "/report.pdf",
                             "--figures", reference + "/figures", "--quiet"], environment: Self.dated).status == 0)
        let duration = Date().timeIntervalSince(start)
        let newPDF = try Data(contentsOf: URL(fileURLWithPath: reference + "/report.pdf"))
        let newFigures = try Self.files(in: reference + "/figures")
        #expect(try CLI.run(["report", "-o", pdf, "--quiet"], environment: Self.dated).status == 0)
        let earlierPDF = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(earlierPDF != newPDF)

        var generator = SystemRandomNumberGenerator()
        for attempt in 0..<6 {
            let delay = Double.random(in: 0...(duration * 1.1), using: &generator)
            let status = try Self.runAndSignal(paper, after: delay, signal: signal)
            let pdfNow = try Data(contentsOf: URL(fileURLWithPath: pdf))
            #expect(pdfNow == earlierPDF || pdfNow == newPDF, "attempt \(attempt) after \(delay)s: torn report.pdf (status \(status))")
            if FileManager.default.fileExists(atPath: figures) {
                for (name, bytes) in try Self.files(in: figures) {
                    #expect(bytes == newFigures[name], "attempt \(attempt) after \(delay)s: torn \(name)")
                }
            }
            if signal == SIGTERM {
                #expect(Self.temporaries(in: folder).isEmpty, "SIGTERM left \(Self.temporaries(in: folder))")
            }
        }

        // A stale temporary file as SIGKILL leaves one, planted so the sweep is tested every time.
        try Data("half a PDF".utf8).write(to: URL(fileURLWithPath: folder + "/.report.pdf.tmp-Ab12Cd"))
        try FileManager.default.createDirectory(atPath: figures, withIntermediateDirectories: true)
        try Data("half a PNG".utf8).write(to: URL(fileURLWithPath: figures + "/.fig01-attacks-by-year.png.tmp-Zz9Yy8"))
        let finished = try CLI.run(paper, environment: Self.dated)
        #expect(finished.status == 0, "\(finished.stderr)")
        #expect(Self.temporaries(in: folder).isEmpty, "left behind: \(Self.temporaries(in: folder))")
        #expect(try Data(contentsOf: URL(fileURLWithPath: pdf)) == newPDF)
        #expect(try Self.files(in: figures) == newFigures)
    }

    /// `chart -o` stopped by SIGTERM at any moment leaves the earlier chart whole and no temporary
    /// file; a stale one a SIGKILLed run left is swept by the next chart written to the folder.
    @Test func interruptedChartLeavesNoTemporaryFile() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let chart = folder + "/chart.pdf"
        let newChart = ["chart", "attacks-per-year", "-o", chart]
        let reference = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: reference) }
        let start = Date()
        #expect(try CLI.run(["chart", "attacks-per-year", "-o", reference + "/chart.pdf"], environment: Self.dated).status == 0)
        let duration = Date().timeIntervalSince(start)
        let newPDF = try Data(contentsOf: URL(fileURLWithPath: reference + "/chart.pdf"))
        let earlier = Data("an earlier chart".utf8)
        try earlier.write(to: URL(fileURLWithPath: chart))

        var generator = SystemRandomNumberGenerator()
        for attempt in 0..<6 {
            let delay = Double.random(in: 0...(duration * 1.1), using: &generator)
            let status = try Self.runAndSignal(newChart, after: delay, signal: SIGTERM)
            let now = try Data(contentsOf: URL(fileURLWithPath: chart))
            #expect(now == earlier || now == newPDF, "attempt \(attempt) after \(delay)s: torn chart.pdf (status \(status))")
            #expect(Self.temporaries(in: folder).isEmpty, "SIGTERM left \(Self.temporaries(in: folder))")
            try earlier.write(to: URL(fileURLWithPath: chart))
        }

        try Data("half a PDF".utf8).write(to: URL(fileURLWithPath: folder + "/.chart.pdf.tmp-Ab12Cd"))
        let finished = try CLI.run(newChart, environment: Self.dated)
        #expect(finished.status == 0, "\(finished.stderr)")
        #expect(Self.temporaries(in: folder).isEmpty, "left behind: \(Self.temporaries(in: folder))")
        #expect(try Data(contentsOf: URL(fileURLWithPath: chart)) == newPDF)
    }

    /// A temporary file that a running scobrief holds locked is not stale, and is left alone.
    @Test func aLockedTemporaryFileIsNotSwept() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let live = folder + "/.out.svg.tmp-Live01"
        let fd = open(live, O_CREAT | O_RDWR, 0o600)
        #expect(fd >= 0)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX) == 0)
        try Data("stale".utf8).write(to: URL(fileURLWithPath: folder + "/.old.svg.tmp-Dead01"))
        let result = try CLI.run(["chart", "attacks-per-year", "-o", folder + "/out.svg"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: live))
        #expect(!FileManager.default.fileExists(atPath: folder + "/.old.svg.tmp-Dead01"))
    }
}
