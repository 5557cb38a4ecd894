import Testing
import Support

/// The collector behind "one pass reports every mistake": order by place, duplicates said once, a limit.
@Suite struct DiagnosticCollectorTests {
    private func at(_ file: String, _ line: Int?, _ column: Int?, _ message: String) -> Diagnostic {
        Diagnostic(SourceLocation(file: file, line: line, column: column), message)
    }

    @Test func sortsByFileAsFirstMetThenLineAndColumn() {
        let problems = DiagnosticCollector()
        problems.report(at("spec.yaml", 9, 3, "c"))
        problems.report(at("survey.csv", 2, 1, "d"))
        problems.report(at("spec.yaml", 4, 7, "b"))
        problems.report(at("spec.yaml", nil, nil, "a"))
        problems.report(at("spec.yaml", 4, 7, "b"))
        let list = try! #require(problems.list())
        #expect(list.diagnostics.map(\.message) == ["a", "b", "c", "d"])
        #expect(list.omitted == 0)
        #expect(problems.errorCount == 5, "the collector keeps every report; only the list says each once")
    }

    @Test func attemptRecordsTheFailureAndGoesOn() {
        let problems = DiagnosticCollector()
        let failed: Int? = problems.attempt { () throws(Diagnostic) -> Int in throw Diagnostic(SourceLocation(file: "f"), "bad") }
        let passed = problems.attempt { () throws(Diagnostic) -> Int in 7 }
        #expect(failed == nil && passed == 7)
        #expect(problems.diagnostics.map(\.message) == ["bad"])
    }

    @Test func aLimitKeepsTheFirstAndCountsTheRest() {
        let list = DiagnosticList(sortingAndLimiting: (1...4).reversed().map { (line: Int) in at("f", line, 1, "line \(line)") }, limit: 3)
        #expect(list.diagnostics.map(\.message) == ["line 1", "line 2", "line 3"])
        #expect(list.lines.last == "and 1 more error")
        #expect(DiagnosticCollector().list() == nil)
    }
}
