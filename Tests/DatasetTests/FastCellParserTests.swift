@testable import Dataset
import Testing

/// The byte-level fast path must give exactly `CellParser`'s value for every cell it accepts, and
/// leave every cell `CellParser` refuses (or might word differently) to `CellParser`.
@Suite struct FastCellParserTests {
    static let columns: [ColumnSchema] = [
        ColumnSchema(name: "id", type: .id, required: true),
        ColumnSchema(name: "text", type: .text),
        ColumnSchema(name: "ref", type: .ref),
        ColumnSchema(name: "count", type: .integer, minimum: 0, maximum: 1_000_000),
        ColumnSchema(name: "signed", type: .integer),
        ColumnSchema(name: "latitude", type: .number, minimum: -90, maximum: 90),
        ColumnSchema(name: "date", type: .date),
        ColumnSchema(name: "country", type: .country, required: true),
        ColumnSchema(name: "countries", type: .countryList),
        ColumnSchema(name: "qualifier", type: .enumeration, allowedValues: ["more-than", "about", "exact"]),
        ColumnSchema(name: "url", type: .url),
    ]

    /// Cells chosen to sit on each rule's edges: good values, blanks, spaces, signs, separators,
    /// exponents, non-ASCII digits and spaces, impossible dates, duplicates, near-miss values.
    static let cells: [String] = [
        "", " ", "a", "atk-2004-09-beslan", "Atk", "atk_1", "ÿ", "0", "7", "007", "-0", "-5", "+5", "5-", "-", "--5",
        "1300", "1,300", "1 300", "1000000", "1000001", "999999999999999999", "9999999999999999999", "١٢",
        "12.5", "-12.5", "90", "90.0", "90.5", "-91", "1.", ".5", "1e3", "1E-2", "inf", "nan", "0x10", " 12", "12 ",
        "12\u{A0}", "2004", "2004-09", "2004-09-01", "2004-02-30", "2000-02-29", "1900-02-29", "0000", "2004-13",
        "2004-9", "2004/09/01", "2004-09-01T00", "20040901", "RUS", "SUHH", "RU", "rus", "RUSS1", "RUS;CHN",
        "RUS;RUS", "RUS;", ";RUS", "RUS; CHN", "RUS,CHN", "more-than", "More-than", "about ", "exact",
        "https://example.org/a", "http://x", "ftp://x", "https://a b", "https://例え.jp", "text with \"quotes\"",
        "line\nbreak", "tab\tinside", "\tlead", "trail\t", "é", "Ünïcödé ✓", "\u{301}RUS",
    ]

    @Test func acceptedCellsGetCellParsersValueAndTheRestAreLeftToIt() throws {
        var parser = FastCellParser(columns: Self.columns)
        var accepted = 0
        for (index, column) in Self.columns.enumerated() {
            for cell in Self.cells {
                let bytes = Array(cell.utf8)
                let fast = bytes.withUnsafeBufferPointer { parser.parse($0, column: index) }
                let slow: CellValue?
                do { slow = try CellParser.parse(cell, as: column) } catch { slow = nil }
                if let fast {
                    accepted += 1
                    #expect(fast == slow, "column \(column.name), cell '\(cell)': fast \(fast), CellParser \(String(describing: slow))")
                }
            }
        }
        // The fast path must take the ordinary cells, or it speeds nothing up.
        #expect(accepted >= 60, "the fast path accepted only \(accepted) cells")
    }

    @Test func everyOrdinaryCellTakesTheFastPath() {
        var parser = FastCellParser(columns: Self.columns)
        let ordinary: [(Int, String)] = [(0, "atk-1"), (1, "Moscow, Russia"), (3, "1300"), (4, "-5"), (5, "-12.5"),
                                         (6, "2004-09-01"), (7, "SUHH"), (8, "RUS;CHN"), (9, "about"), (10, "https://x.org"), (1, "")]
        for (index, cell) in ordinary {
            let fast = Array(cell.utf8).withUnsafeBufferPointer { parser.parse($0, column: index) }
            #expect(fast != nil, "column \(Self.columns[index].name), cell '\(cell)' went to the slow path")
        }
    }
}
