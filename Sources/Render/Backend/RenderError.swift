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
    /// The backend does not write this format (e.g. the SVG backend asked for a PNG).
    case unsupportedFormat(ImageFormat, backend: String)

    /// The reason in a sentence, for error messages.
    public var description: String {
        switch self {
        case .cairo(let message): return "cairo: \(message)"
        case .invalidSize(let size): return "invalid figure size \(size.width) × \(size.height) pt"
        case .io(let message): return message
        case .pngEncoding(let message): return "PNG encoding: \(message)"
        case .unsupportedFormat(let format, let backend): return "the \(backend) backend does not write \(format.rawValue) files"
        }
    }
}
