import Testing
@testable import Report
import Support

@Suite struct MarkupTests {
    @Test func paragraphsAndLists() {
        let blocks = InlineMarkup.parse("First line\ncontinues.\n\n- one\n- two\n  wrapped\n\nLast.")
        #expect(blocks.count == 3)
        #expect(blocks[0] == .paragraph([MarkupRun("First line continues.")]))
        #expect(blocks[1] == .bulletList([[MarkupRun("one")], [MarkupRun("two wrapped")]]))
    }

    @Test func emphasisAndLinks() {
        #expect(InlineMarkup.runs("a **bold** and *it* [link](#fig-1).") == [
            MarkupRun("a "), MarkupRun("bold", bold: true), MarkupRun(" and "), MarkupRun("it", italic: true), MarkupRun(" "),
            MarkupRun("link", link: "#fig-1"), MarkupRun("."),
        ])
    }

    @Test func strayMarkersStayLiteral() {
        #expect(InlineMarkup.runs("2 * 3 = 6, file_name, [not a link]") == [MarkupRun("2 * 3 = 6, file_name, [not a link]")])
        #expect(InlineMarkup.runs("**unclosed") == [MarkupRun("**unclosed")])
        #expect(InlineMarkup.runs("escaped \\*star\\*") == [MarkupRun("escaped *star*")])
    }

    @Test func placeholderSyntax() throws {
        let pieces = try PlaceholderSyntax.parse("A {{ count attacks 2001-2011 country=RUS }} B")
        #expect(pieces.count == 3)
        guard case .placeholder(let p) = pieces[1] else { Issue.record("no placeholder"); return }
        #expect(p.verb == "count")
        #expect(p.arguments == ["attacks", "2001-2011"])
        #expect(p.options == ["country": "RUS"])
        #expect(throws: PlaceholderSyntaxError.self) { try PlaceholderSyntax.parse("{{ }}") }
        #expect(throws: PlaceholderSyntaxError.self) { try PlaceholderSyntax.parse("x {{ count") }
    }

    @Test func sha256MatchesFIPSVectors() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Blocks split across `update` calls (pieces of 1 to 137 bytes), and a sequence without
    /// contiguous memory, hash as the one-piece FIPS vector does.
    @Test func sha256FedInPiecesMatchesTheFIPSVector() {
        let million = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        let bytes = [UInt8](repeating: 0x61, count: 1_000_000)
        var hash = SHA256()
        var start = 0, size = 1
        while start < bytes.count {
            let end = min(bytes.count, start + size)
            hash.update(bytes[start..<end])
            start = end
            size = size % 137 + 1
        }
        #expect(hash.finalize().map { String($0 >> 4, radix: 16) + String($0 & 15, radix: 16) }.joined() == million)
        #expect(SHA256.hex(repeatElement(UInt8(0x61), count: 1_000_000)) == million)
    }
}
