import Foundation
import Testing
@testable import Support
import TestSupport

/// Atomic writes: the temporary file's naming, the sweep of stale ones, and refusals that leave
/// the target alone. (The kill test in CLITests drives the same code through the real binary.)
@Suite struct AtomicFileTests {
    @Test func temporaryNamesAreRecognisedExactly() {
        #expect(TemporarySibling.isTemporaryName(".briefing.pdf.tmp-Ab12Cd"))
        #expect(TemporarySibling.isTemporaryName(".a.tmp-b.tmp-XXXXXX"))
        #expect(!TemporarySibling.isTemporaryName("briefing.pdf.tmp-Ab12Cd"))   // no leading dot: a user's file
        #expect(!TemporarySibling.isTemporaryName(".briefing.pdf.tmp-Ab12"))    // not mkstemp's six characters
        #expect(!TemporarySibling.isTemporaryName("..tmp-Ab12Cd"))              // no name
        #expect(!TemporarySibling.isTemporaryName(".notes.tmp-Ab12C_"))
    }

    @Test func aWriteSweepsStaleTemporariesAndNothingElse() throws {
        let folder = try TemporaryFolder()
        try folder.write(".old.csv.tmp-Qw3Er5", "left by a killed run")
        try folder.write("notes.tmp-Qw3Er5", "the user's own file")
        try folder.write(".hidden", "the user's own file")
        try AtomicFile.write("a,b\n", to: folder.path + "/out.csv")
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(names == ["out.csv", "notes.tmp-Qw3Er5", ".hidden"])
    }

    @Test func refusalsLeaveTheTargetAlone() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/dir", withIntermediateDirectories: false)
        #expect(throws: Diagnostic.self) { try AtomicFile.write("x", to: folder.path + "/dir") }
        #expect(throws: Diagnostic.self) { try AtomicFile.write("x", to: folder.path + "/missing/out.csv") }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names == ["dir"])
    }

    @Test func anAbandonedStreamingWriteLeavesNothing() throws {
        let folder = try TemporaryFolder()
        let target = try folder.write("attacks.csv", "earlier")
        do {
            let writer = try AtomicFileWriter(path: target, flushThreshold: 4)
            writer.append("id,date\nx,2001\n")
            try writer.flush()
            writer.abandon()
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "earlier")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["attacks.csv"])
    }
}
