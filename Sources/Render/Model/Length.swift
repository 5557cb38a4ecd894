import Foundation

/// A physical length. Stored in PostScript points (1/72 in) because that is the unit of the drawing
/// backends: with Pango at 72 dpi, a font size in points equals the same number of cairo units.
public struct Length: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The length in PostScript points (1/72 in).
    public var points: Double

    /// A length in points.
    public init(points: Double) { self.points = points }

    /// A length in points.
    public static func pt(_ value: Double) -> Length { Length(points: value) }
    /// A length in millimetres.
    public static func mm(_ value: Double) -> Length { Length(points: value * 72 / 25.4) }
    /// A length in centimetres.
    public static func cm(_ value: Double) -> Length { Length(points: value * 720 / 25.4) }
    /// A length in inches.
    public static func inches(_ value: Double) -> Length { Length(points: value * 72) }

    /// The length in millimetres.
    public var millimetres: Double { points * 25.4 / 72 }
    /// The length in inches.
    public var inches: Double { points / 72 }

    /// Parses "85mm", "8.5 cm", "3.5in", "240pt" (a bare number is read as points).
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(suffix: String, make: (Double) -> Length)] = [
            ("mm", Length.mm), ("cm", Length.cm), ("in", Length.inches), ("pt", Length.pt), ("", Length.pt),
        ]
        for (suffix, make) in units where trimmed.hasSuffix(suffix) {
            let number = trimmed.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)
            guard let value = Double(number), value.isFinite, value >= 0 else { return nil }
            self = make(value)
            return
        }
        return nil
    }

    /// Points with the unit, e.g. "241pt".
    public var description: String { "\(formatted(points))pt" }

    /// Orders lengths by size.
    public static func < (a: Length, b: Length) -> Bool { a.points < b.points }
    /// The sum of two lengths.
    public static func + (a: Length, b: Length) -> Length { Length(points: a.points + b.points) }
    /// A length scaled by `k`.
    public static func * (a: Length, k: Double) -> Length { Length(points: a.points * k) }

    private func formatted(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(v)
    }
}

extension Length: Codable {
    /// Encoded as a string with a unit ("85mm"), so specs written by people read naturally; a bare
    /// number is accepted as points.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            self = .pt(number)
            return
        }
        let text = try container.decode(String.self)
        guard let length = Length(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Not a length: \"\(text)\" (expected e.g. 85mm, 3.5in, 240pt)")
        }
        self = length
    }

    /// Writes the length in points ("241pt").
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
