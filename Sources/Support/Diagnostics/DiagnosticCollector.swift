/// Gathers the problems of one pass over an input, so a reader reports every mistake at once, as a
/// compiler does, instead of stopping at the first.
///
/// A reader records what it can step over (an unknown key, a bad value, a missing key) and goes on;
/// only a problem after which nothing sensible can be read (a block that is not a mapping) ends the
/// part being read, and then the reader moves on to the next part.
public final class DiagnosticCollector {
    /// Every problem recorded, in the order found.
    public private(set) var diagnostics: [Diagnostic] = []

    /// An empty collector.
    public init() {}

    /// Records `diagnostic`.
    public func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Records every problem of `list`.
    public func report(_ list: DiagnosticList) {
        diagnostics += list.diagnostics
    }

    /// How many errors have been recorded; a reader compares it before and after a part to know
    /// whether that part was read cleanly.
    public var errorCount: Int { diagnostics.count(where: { $0.severity == .error }) }

    /// Runs `body`, recording its error and returning nil when it fails, so reading goes on.
    public func attempt<T>(_ body: () throws(Diagnostic) -> T) -> T? {
        do {
            return try body()
        } catch {
            report(error)
            return nil
        }
    }

    /// Every problem, sorted by where it is and cut to `limit`, or nil when nothing was recorded.
    public func list(limit: Int = DiagnosticList.defaultLimit) -> DiagnosticList? {
        diagnostics.isEmpty ? nil : DiagnosticList(sortingAndLimiting: diagnostics, limit: limit)
    }
}

extension DiagnosticList {
    /// How many problems a pass over a spec shows before it says only how many more there are:
    /// enough to fix in one go, few enough that the first ones are not scrolled away.
    public static let defaultLimit = 20

    /// `diagnostics` in the order of their place (files in the order first met, then line and column;
    /// problems about a whole file first), the first `limit` of them, and the count of the rest.
    public init(sortingAndLimiting diagnostics: [Diagnostic], limit: Int = DiagnosticList.defaultLimit) {
        var fileOrder: [String: Int] = [:]
        for diagnostic in diagnostics where fileOrder[diagnostic.location.file] == nil {
            fileOrder[diagnostic.location.file] = fileOrder.count
        }
        let sorted = diagnostics.enumerated().sorted { a, b in
            let left = a.element.location, right = b.element.location
            let leftKey = [fileOrder[left.file]!, left.line ?? 0, left.column ?? 0, a.offset]
            let rightKey = [fileOrder[right.file]!, right.line ?? 0, right.column ?? 0, b.offset]
            return leftKey.lexicographicallyPrecedes(rightKey)
        }.map(\.element)
        // Two readers may meet the same problem (a value checked at reading and at building): say it once.
        var seen = Set<Diagnostic>()
        let unique = sorted.filter { seen.insert($0).inserted }
        self.init(Array(unique.prefix(limit)))
        omitted = max(0, unique.count - limit)
    }
}
