import Dataset
import Foundation

/// The event tables of one corpus, each read once. A report asks for the same table for
/// every placeholder, chart and table it holds; on an imported GTD file of 200,000 rows
/// rebuilding it each time would cost more than everything else the report does.
public final class EventTableStore: @unchecked Sendable {
    public let corpus: Corpus
    // Reports are built on one thread; the lock only keeps the cache sound if that changes.
    private let lock = NSLock()
    private var tables: [String: EventTable] = [:]

    public init(corpus: Corpus) {
        self.corpus = corpus
    }

    public func table(named name: String) throws(AnalysisInputError) -> EventTable {
        lock.lock()
        defer { lock.unlock() }
        if let table = tables[name] { return table }
        let table = try EventTables.table(named: name, in: corpus)
        tables[name] = table
        return table
    }
}
