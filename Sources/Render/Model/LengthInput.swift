import Foundation

/// Why a length typed by a person was refused; `message` says what to write instead.
public enum LengthInputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not a number with a unit at all, e.g. "wide".
    case notALength(String)
    /// A number without a unit, e.g. "85": points, millimetres and inches differ too much to guess.
    case missingUnit(String)
    /// A length outside the sane range, e.g. "3mm" or "-5mm".
    case outOfRange(String, range: ClosedRange<Length>)

    /// The reason and the fix, without the option's name (the caller adds where the length came from).
    public var message: String {
        switch self {
        case .notALength(let text):
            return "'\(text)' is not a length; write a number with a unit (mm, cm, in, pt), e.g. 85mm or 6in"
        case .missingUnit(let text):
            return "'\(text)' needs a unit (mm, cm, in, pt), e.g. \(text)mm"
        case .outOfRange(let text, let range):
            return "'\(text)' is outside the range a chart can be drawn at; give a length from "
                + "\(Length.wholeMillimetres(range.lowerBound)) mm to \(Length.wholeMillimetres(range.upperBound)) mm, e.g. 85mm"
        }
    }

    /// The same as `message`.
    public var description: String { message }
}

extension Length {
    /// The sizes a figure may be given: below 10 mm nothing is readable, above a metre is a poster
    /// no backend or viewer handles well.
    public static let saneRange: ClosedRange<Length> = .mm(10) ... .mm(1000)

    /// Parses a length a person typed, more strictly than `init?(parsing:)`: the unit is required
    /// (mm, cm, in or pt) and the length must lie in `range`. A negative length parses (so "-5mm"
    /// gets the range message, not a syntax one) and is then refused by the range.
    public init(checking text: String, range: ClosedRange<Length> = Length.saneRange) throws(LengthInputError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(suffix: String, make: (Double) -> Length)] = [
            ("mm", Length.mm), ("cm", Length.cm), ("in", Length.inches), ("pt", Length.pt),
        ]
        if let bare = Double(trimmed), bare.isFinite { throw .missingUnit(text.trimmingCharacters(in: .whitespaces)) }
        guard let unit = units.first(where: { trimmed.hasSuffix($0.suffix) }),
              let value = Double(trimmed.dropLast(unit.suffix.count).trimmingCharacters(in: .whitespaces)), value.isFinite else {
            throw .notALength(text)
        }
        let length = unit.make(value)
        guard range.contains(length) else { throw .outOfRange(text, range: range) }
        self = length
    }

    /// Millimetres rounded to a whole number, for messages.
    static func wholeMillimetres(_ length: Length) -> Int { Int(length.millimetres.rounded()) }
}
