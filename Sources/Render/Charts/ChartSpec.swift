import Foundation

/// A chart described as data, for building charts from YAML or JSON files. One flat mapping: the
/// `kind` (any name in `ChartKinds`), optional `theme` ("paper", "briefing"), size (`width`/`height`
/// as "85mm", or `column: singleColumn|doubleColumn`), the title fields, and the kind's own fields.
/// Fields with defaults may be left out. Example (YAML):
///
/// ```yaml
/// kind: bar
/// theme: paper
/// column: singleColumn
/// title: Attacks fell by half after 2014
/// categories: ["2013", "2014", "2015"]
/// values: [120, 180, 90]
/// valueTitle: Attacks
/// ```
public struct ChartSpec: Decodable, Sendable {
    /// The chart itself, of whichever kind.
    public var content: any ChartKind
    /// "paper" or "briefing"; nil is paper.
    public var theme: String?
    /// The figure's width; nil takes `column`, else the theme's default.
    public var width: Length?
    /// The figure's height; nil lets the theme choose from the width.
    public var height: Length?
    /// A journal column width preset.
    public var column: PaperWidth?
    /// Whether `height` is a starting height the figure may exceed to label every category (a
    /// report's default height), rather than one the user fixed. Not part of the spec's file form.
    public var heightGrows = false

    /// A spec for `content` with the given theme and size.
    public init(_ content: any ChartKind, theme: String? = nil, width: Length? = nil, height: Length? = nil, column: PaperWidth? = nil) {
        self.content = content
        self.theme = theme
        self.width = width
        self.height = height
        self.column = column
    }

    /// The kind's name, e.g. "bar".
    public var kind: String { type(of: content).name }

    /// The title, subtitle, source and caption of whichever chart the spec holds.
    public var text: ChartText {
        get { content.text }
        set { content.text = newValue }
    }

    /// Why a spec cannot become a figure.
    public enum SpecError: Error, CustomStringConvertible {
        case unknownTheme(String)
        case unknownKind(String)
        /// What is wrong and what is expected.
        public var description: String {
            switch self {
            case .unknownTheme(let name): return "unknown theme \"\(name)\" (expected paper or briefing)"
            case .unknownKind(let name): return "unknown chart kind \"\(name)\" (expected \(ChartKinds.names.joined(separator: ", ")))"
            }
        }
    }

    /// The figure this spec describes. The width is `width`, else the `column` preset, else the
    /// theme's default.
    public func figure() throws -> Figure {
        let themeName = theme ?? "paper"
        guard let theme = Theme.named(themeName) else { throw SpecError.unknownTheme(themeName) }
        var figure = content.figure(theme: theme, width: width ?? column?.length, height: height)
        if heightGrows { figure.heightIsFixed = false }
        return figure
    }



    private enum Keys: String, CodingKey { case kind, theme, width, height, column }

    /// Reads the flat mapping: `kind` picks the type from `ChartKinds`, which reads its own fields.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let name = try c.decode(String.self, forKey: .kind)
        guard let kind = ChartKinds.named(name) else { throw SpecError.unknownKind(name) }
        content = try kind.init(from: decoder)
        theme = try c.decodeIfPresent(String.self, forKey: .theme)
        width = try c.decodeIfPresent(Length.self, forKey: .width)
        height = try c.decodeIfPresent(Length.self, forKey: .height)
        column = try c.decodeIfPresent(PaperWidth.self, forKey: .column)
    }
}

extension KeyedDecodingContainer {
    /// The value for `key`, or `fallback` when the key is absent, so specs can leave out defaults.
    func value<T: Decodable>(_ key: Key, or fallback: @autoclosure () -> T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? fallback()
    }
}
