/// How a source qualified a figure: "more than 1,300" is 1300 with `.moreThan`.
public enum Qualifier: String, Sendable, Hashable, CaseIterable, Codable {
    case exact
    case moreThan = "more-than"
    case atLeast = "at-least"
    case about
    case fewerThan = "fewer-than"
    case atMost = "at-most"

    /// Reads a qualifier cell; blank means the figure is exact as stated.
    public init(cell: String?) {
        self = cell.flatMap(Qualifier.init(rawValue:)) ?? .exact
    }

    /// The words a reader expects before the number.
    public var prefix: String {
        switch self {
        case .exact: return ""
        case .moreThan: return "more than "
        case .atLeast: return "at least "
        case .about: return "about "
        case .fewerThan: return "fewer than "
        case .atMost: return "at most "
        }
    }

    /// Whether the stated number is a lower bound of the true one.
    public var isLowerBound: Bool { self == .moreThan || self == .atLeast }
}

/// A figure as a source gave it: possibly unknown (nil), possibly qualified.
public struct Quantity: Sendable, Hashable, Codable, CustomStringConvertible {
    public var value: Double?
    public var qualifier: Qualifier

    public init(value: Double?, qualifier: Qualifier = .exact) {
        self.value = value
        self.qualifier = qualifier
    }

    public static let unknown = Quantity(value: nil)

    public var isKnown: Bool { value != nil }

    /// Whole-number form for counts of people or events.
    public var count: Int? { value.map { Int($0) } }

    public var description: String {
        guard let value else { return "unknown" }
        let number = value == value.rounded() ? NumberText.grouped(Int(value)) : String(value)
        return qualifier.prefix + number
    }
}

/// Number formatting shared by tables, CLI output and reports.
public enum NumberText {
    /// 1300 → "1,300"; the English thousands separator the sources use; −5 with a true minus sign.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return value < 0 ? "\u{2212}" + result : result
    }
}
