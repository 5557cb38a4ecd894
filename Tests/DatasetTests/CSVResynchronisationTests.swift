import Testing
@testable import Dataset
import TestSupport
import Support

/// After a record broken by its quotes, the reader reports it and goes on at the next line that
/// starts a plausible record.
@Suite struct CSVResynchronisationTests {
    private func read(_ text: String, chunkSize: Int? = nil) throws -> (rows: [[String]], broken: [Diagnostic]) {
        var rows: [[String]] = []
        var broken: [Diagnostic] = []
        let bytes = Array(text.utf8)
        let reader: CSVReader
        let folder = try TemporaryFolder()
        if let chunkSize {
            reader = try CSVReader(path: try folder.write("t.csv", bytes), displayName: "t.csv", chunkSize: chunkSize)
        } else {
            reader = CSVReader(bytes: bytes, file: "t.csv")
        }
        try reader.forEachRow(resynchronising: { broken.append($0) }) { rows.append(try $0.strings()) }
        return (rows, broken)
    }

    @Test(arguments: [nil, 16])
    func anUnclosedQuoteLosesOnlyItsRecord(chunkSize: Int?) throws {
        let text = "id,text,n\n1,\"fine, quoted\",1\n2,\"left open,2\n3,plain,3\n4,\"next, quoted\",4\n5,x,5\n"
        let (rows, broken) = try read(text, chunkSize: chunkSize)
        #expect(rows.map { $0[0] } == ["id", "1", "3", "4", "5"])
        #expect(rows[3] == ["4", "next, quoted", "4"])
        let problem = try #require(broken.first)
        #expect(broken.count == 1)
        #expect(problem.location.file == "t.csv")
        #expect(problem.location.line == 3)
        #expect(problem.location.column == 3, "the quote left open")
        #expect(problem.message.contains("never closed"))
    }

    @Test func swallowedContinuationLinesAreNotRecords() throws {
        // Record 2 spans two lines and loses its closing quote: its second line is not a record.
        let text = "id,text,n\n1,a,1\n2,\"first line\nsecond line,2\n3,b,3\n4,\"c\",4\n"
        let (rows, broken) = try read(text)
        #expect(rows.map { $0[0] } == ["id", "1", "3", "4"])
        #expect(broken.count == 1)
        #expect(broken.first?.location.line == 3)
    }

    @Test func aStrayQuoteInsideAFieldIsOneBrokenRecord() throws {
        let (rows, broken) = try read("a,b\n1,ab\"c\n2,d\n")
        #expect(rows == [["a", "b"], ["2", "d"]])
        #expect(broken.count == 1)
        #expect(broken.first?.location.line == 2)
        #expect(broken.first?.location.column == 5)
    }

    @Test func aFileCutOffInsideQuotesStillStops() throws {
        do {
            _ = try read("a,b\n1,x\n2,\"cut off here")
            Issue.record("a file that ends inside quotes with no record after is truncated, not one bad record")
        } catch let error as Diagnostic {
            #expect(error.message.contains("unterminated quoted field"))
            #expect(error.location.line == 3)
            #expect(error.location.column == 3)
        }
    }

    @Test func withoutResynchronisingTheFirstErrorStops() throws {
        let reader = CSVReader(bytes: Array("id,t\n1,\"open\n2,x\n3,\"y\"z\n".utf8), file: "t.csv")
        #expect(throws: Diagnostic.self) { try reader.forEachRow { _ in } }
    }
}
