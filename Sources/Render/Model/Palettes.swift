/// Categorical palettes: distinct colours for unordered groups.
public enum CategoricalPalette: String, Codable, Sendable, CaseIterable {
    /// Okabe & Ito (2008), "Color Universal Design": distinguishable under the common colour-vision
    /// deficiencies. Ordered so that the first series also differ in lightness when printed in grey
    /// (CIE L*: blue 46, orange 71, bluish green 58, vermillion 54, ...).
    case okabeIto
    /// Shades of grey from dark to light, for strictly monochrome printing.
    case grays

    /// The palette's colours, in the order series take them.
    public var colors: [Color] {
        switch self {
        case .okabeIto:
            return [0x0072B2, 0xE69F00, 0x009E73, 0xD55E00, 0x56B4E9, 0xCC79A7, 0xF0E442, 0x000000].map { Color(rgb: $0) }
        case .grays:
            return [0.15, 0.55, 0.8, 0.35, 0.68].map { Color.gray($0) }
        }
    }

    /// Paul Tol's "muted" qualitative scheme (https://personal.sron.nl/~pault/, 9 colours, pale
    /// grey left out): the second set after Okabe–Ito's 8, so up to 17 series keep distinct
    /// colours instead of silently repeating the ninth onwards.
    public static let tolMuted: [Color] = [0xCC6677, 0x332288, 0xDDCC77, 0x117733, 0x88CCEE, 0x882255, 0x44AA99, 0x999933, 0xAA4499]
        .map { Color(rgb: $0) }

    /// How many groups get distinct colours: the palette and, for Okabe–Ito, Tol's muted set after it.
    public var distinctCount: Int { self == .okabeIto ? colors.count + Self.tolMuted.count : colors.count }

    /// The colour for the `index`-th group: the palette's colours, then (Okabe–Ito) Tol's muted set;
    /// cycles only beyond `distinctCount`, which callers that can refuse (own tables) check first.
    public func color(_ index: Int) -> Color {
        let colors = self == .okabeIto ? self.colors + Self.tolMuted : self.colors
        return colors[((index % colors.count) + colors.count) % colors.count]
    }
}

/// Continuous colour maps for sequential and diverging data.
public enum ColorMap: String, Codable, Sendable, CaseIterable {
    /// Perceptually uniform, monotonic in lightness (prints correctly in grey).
    case viridis
    /// Like viridis but designed to look the same to viewers with deuteranomaly.
    case cividis
    /// ColorBrewer RdBu, reversed so that low values are blue and high values red; for signed data
    /// around a midpoint.
    case blueRed
    /// White to dark grey, for monochrome printing.
    case grays

    /// Whether the map runs from one hue through neutral to another (for data around a midpoint).
    public var isDiverging: Bool { self == .blueRed }

    /// The colour at `t` in 0...1 (clamped), interpolated between the published table entries.
    public func color(at t: Double) -> Color {
        let stops = self.stops
        let clamped = t.isFinite ? min(max(t, 0), 1) : 0
        let position = clamped * Double(stops.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, stops.count - 1)
        return stops[lower].mixed(with: stops[upper], position - Double(lower))
    }

    var stops: [Color] {
        switch self {
        case .viridis: return ColorMap.viridisStops
        case .cividis: return ColorMap.cividisStops
        case .blueRed: return ColorMap.blueRedStops
        case .grays: return [Color.gray(0.97), Color.gray(0.12)]
        }
    }

    private static let viridisStops = PublishedColorTables.viridis.map { Color(rgb: $0) }
    private static let cividisStops = PublishedColorTables.cividis.map { Color(rgb: $0) }
    private static let blueRedStops = PublishedColorTables.redBlue.reversed().map { Color(rgb: $0) }
}
