// libFuzzer target: the report spec parser (YAML limits, libyaml, the spec's keys and types,
// placeholder syntax) over arbitrary bytes. Every input must give a spec, a Diagnostic or a
// DiagnosticList (a spec's errors collected in one pass).
import Dataset
import Report
import Support

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpec(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Smaller limits than the CLI's, so alias bombs and deep nesting hit them quickly.
    let limits = YAMLLimits(maxNodes: 5_000, maxDepth: 32, maxBytes: 64 << 10)
    do {
        let document = try YAMLDocument(bytes: bytes, file: "fuzz.yaml", limits: limits)
        _ = try SpecReader(limits: limits).read(document)
    } catch let list as DiagnosticList {
        _ = list.description
    } catch let diagnostic as Diagnostic {
        _ = diagnostic.description
    } catch {
        // The reader promises located diagnostics; any other error is a finding.
        fatalError("the spec reader threw \(type(of: error)), not a Diagnostic: \(error)")
    }
    return 0
}
