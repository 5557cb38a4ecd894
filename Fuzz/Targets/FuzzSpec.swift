// libFuzzer target: the report spec parser (YAML limits, libyaml, the spec's keys and types,
// placeholder syntax) over arbitrary bytes. Every input must give a spec or a Diagnostic.
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
    } catch {
        _ = error.description
    }
    return 0
}
