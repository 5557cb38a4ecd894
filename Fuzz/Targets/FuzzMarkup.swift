// libFuzzer target: the text markup of `text:` blocks (paragraphs, lists, **bold**, *italic*,
// [links](...)) and the placeholder syntax ({{ ... }}) over arbitrary text.
@testable import Report  // the markup parsers are internal to Report

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkup(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = InlineMarkup.parse(text)
    _ = InlineMarkup.runs(text)
    _ = try? PlaceholderSyntax.parse(text)
    return 0
}
