import ArgumentParser
import RenderSVG

extension SVGTextMode: ExpressibleByArgument {}

/// `--svg-text`, shared by the commands that write SVG. A bad value is rejected by the argument
/// parser with the allowed values named.
enum SVGTextOption {
    static let help = ArgumentHelp(
        "How SVG files set text: text (editable <text> elements, the default) or outlines (glyph outlines, as Cairo draws them).",
        valueName: "text|outlines")
}
