/// Why a backend could not draw or write a figure.
public enum RenderError: Error, CustomStringConvertible {
    /// The drawing library reported an error (its own message).
    case cairo(String)
    /// A figure or page whose width or height is zero, negative or not finite.
    case invalidSize(Size)
    /// Writing the output failed.
    case io(String)
    /// The PNG encoder failed.
    case pngEncoding(String)
    /// A fixed height too short to label every category (countries, lanes): labels are never
    /// dropped, so the figure needs at least `needed`.
    /// `shrunkTo` is the type size the labels were shrunk to (the minimum) before giving up.
    case categoriesDoNotFit(height: Length, needed: Length, shrunkTo: Double? = nil)
    /// Category names along the horizontal axis that do not fit the width even reading upwards.
    case categoriesDoNotFitAcross(width: Length, needed: Length, shrunkTo: Double? = nil)
    /// The backend does not write this format (e.g. the SVG backend asked for a PNG).
    case unsupportedFormat(ImageFormat, backend: String)

    /// The reason in a sentence, for error messages.
    public var description: String {
        switch self {
        case .cairo(let message): return "cairo: \(message)"
        case .invalidSize(let size): return "invalid figure size \(size.width) × \(size.height) pt"
        case .io(let message): return message
        case .pngEncoding(let message): return "PNG encoding: \(message)"
        case .categoriesDoNotFit(let height, let needed, let shrunk):
            let asked = String(format: "%.1f", height.millimetres), wanted = String(format: "%.0f", needed.millimetres.rounded(.up))
            return "the chart's category labels do not all fit at a height of \(asked) mm\(Self.shrunk(shrunk)); every category keeps its label, "
                + "so the chart needs a height of at least \(wanted) mm (give that height, or leave the height out to let the chart grow)"
        case .categoriesDoNotFitAcross(let width, let needed, let shrunk):
            let asked = String(format: "%.1f", width.millimetres), wanted = String(format: "%.0f", needed.millimetres.rounded(.up))
            return "the chart's category labels do not all fit across a width of \(asked) mm, even reading upwards\(Self.shrunk(shrunk)); every category "
                + "keeps its label, so the chart needs a width of at least \(wanted) mm (or lay the categories down the side: orientation horizontal)"
        case .unsupportedFormat(let format, let backend): return "the \(backend) backend does not write \(format.rawValue) files"
        }
    }

    /// ", even with the labels shrunk to the 6 pt minimum", when they were.
    private static func shrunk(_ size: Double?) -> String {
        guard let size else { return "" }
        return ", even with the labels shrunk to the \(String(format: "%g", size)) pt minimum"
    }
}
