import ArgumentParser
import Dataset
import Foundation
import Support

/// Prints errors the way compilers do (`file:line:col: error: ...`) on stderr and exits 1.
/// Every command runs its body through this, so no error reaches the user as a stack trace
/// or as ArgumentParser's generic "Error:" line.
func reportingFailures(_ body: () throws -> Void) throws {
    // Ctrl-C or SIGTERM part-way through a write deletes the unfinished temporary file.
    InterruptCleanup.install()
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as Diagnostic {
        Terminal.error(error.description)
        throw ExitCode.failure
    } catch let error as DiagnosticList {
        for line in error.lines { Terminal.error(line) }
        throw ExitCode.failure
    } catch let error as CustomStringConvertible {
        Terminal.error("scobrief: error: \(error.description)")
        throw ExitCode.failure
    } catch {
        Terminal.error("scobrief: error: \(error)")
        throw ExitCode.failure
    }
}

enum Terminal {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Output for the user on stdout, written in one piece.
    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
