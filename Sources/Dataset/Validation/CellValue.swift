/// A cell after parsing by its column's type. Blank is its own case: unknown is never 0.
public enum CellValue: Sendable, Hashable {
    case blank
    case text(String)
    case integer(Int)
    case number(Double)
    case date(PartialDate)
    case countries([String])

    public var isBlank: Bool { self == .blank }

    public var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    public var integer: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }

    public var number: Double? {
        switch self {
        case .number(let value): return value
        case .integer(let value): return Double(value)
        default: return nil
        }
    }

    public var date: PartialDate? {
        if case .date(let value) = self { return value }
        return nil
    }

    public var countries: [String] {
        if case .countries(let value) = self { return value }
        return []
    }
}
