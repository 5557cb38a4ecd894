import Foundation

/// An sRGB colour with straight (not premultiplied) alpha, components in 0...1.
public struct Color: Hashable, Sendable {
    /// Red, 0...1.
    public var red: Double
    /// Green, 0...1.
    public var green: Double
    /// Blue, 0...1.
    public var blue: Double
    /// Opacity, 0 (transparent) ... 1 (opaque).
    public var alpha: Double

    /// A colour from components in 0...1.
    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// 0xRRGGBB.
    public init(rgb: UInt32, alpha: Double = 1) {
        self.init(
            red: Double((rgb >> 16) & 0xFF) / 255, green: Double((rgb >> 8) & 0xFF) / 255,
            blue: Double(rgb & 0xFF) / 255, alpha: alpha)
    }

    /// "#RRGGBB", "#RRGGBBAA", "RRGGBB" or "#RGB".
    public init?(hex: String) {
        var digits = Substring(hex.trimmingCharacters(in: .whitespaces))
        if digits.hasPrefix("#") { digits = digits.dropFirst() }
        if digits.count == 3 { digits = Substring(digits.map { "\($0)\($0)" }.joined()) }
        guard digits.count == 6 || digits.count == 8, let value = UInt32(digits, radix: 16) else { return nil }
        if digits.count == 8 {
            self.init(rgb: value >> 8, alpha: Double(value & 0xFF) / 255)
        } else {
            self.init(rgb: value)
        }
    }

    /// A neutral grey: 0 is black, 1 is white.
    public static func gray(_ level: Double) -> Color { Color(red: level, green: level, blue: level) }
    /// Black.
    public static let black = Color(rgb: 0x000000)
    /// White.
    public static let white = Color(rgb: 0xFFFFFF)

    /// The same colour with another opacity (bands, translucent points).
    public func withAlpha(_ alpha: Double) -> Color { Color(red: red, green: green, blue: blue, alpha: alpha) }

    /// "#RRGGBB", or "#RRGGBBAA" when not opaque; how specs and SVG write colours.
    public var hex: String {
        func byte(_ v: Double) -> Int { Int((min(max(v, 0), 1) * 255).rounded()) }
        let rgb = String(byte(red) * 65536 + byte(green) * 256 + byte(blue), radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: 6 - rgb.count) + rgb
        if alpha >= 1 { return "#" + padded }
        let a = String(byte(alpha), radix: 16, uppercase: true)
        return "#" + padded + (a.count == 1 ? "0" + a : a)
    }

    /// WCAG relative luminance; decides whether text drawn on this colour should be dark or light.
    public var relativeLuminance: Double {
        func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// Linear interpolation in sRGB between two colours; `t` in 0...1.
    public func mixed(with other: Color, _ t: Double) -> Color {
        Color(
            red: red + (other.red - red) * t, green: green + (other.green - green) * t,
            blue: blue + (other.blue - blue) * t, alpha: alpha + (other.alpha - alpha) * t)
    }
}

extension Color: Codable {
    /// Reads a colour written as hex ("#0072B2").
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let color = Color(hex: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not a colour: \"\(text)\"")
        }
        self = color
    }

    /// Writes the colour as hex.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
