import Foundation

/// A drawing backend: turns a `Scene` into the bytes of a file, and measures text exactly as it
/// will set it. This is the whole boundary between the chart model and a drawing library, after
/// plotters' `DrawingBackend` and matplotlib's `RendererBase`: layout only ever sees `textMeasurer`,
/// and every decision is in the scene, so two backends draw the same figure.
public protocol SceneBackend {
    /// Measures text as this backend sets it; layout uses it to place every label.
    var textMeasurer: any TextMeasurer { get }

    /// The scene drawn as a file of `format`. Throws `RenderError.unsupportedFormat` for a format
    /// the backend does not write.
    func render(_ scene: Scene, as format: ImageFormat, options: RenderOptions) throws -> Data
}

extension SceneBackend {
    /// The scene drawn as a file of `format` with the default options.
    public func render(_ scene: Scene, as format: ImageFormat) throws -> Data {
        try render(scene, as: format, options: RenderOptions())
    }

    /// The layout of a figure (its scene and the boxes of its parts), measured by this backend.
    public func layout(_ figure: Figure) -> LaidOutChart {
        figure.layout(measuringWith: textMeasurer).layout(figure.chart)
    }

    /// Lays out and draws a figure as a file of `format`.
    public func render(_ figure: Figure, as format: ImageFormat, options: RenderOptions = RenderOptions()) throws -> Data {
        let size = Size(width: figure.width.points, height: figure.height.points)
        guard size.width > 0, size.height > 0, size.width.isFinite, size.height.isFinite else { throw RenderError.invalidSize(size) }
        let laidOut = layout(figure)
        if let needed = laidOut.requiredHeight {
            throw RenderError.categoriesDoNotFit(height: figure.height, needed: .pt(needed), shrunkTo: laidOut.shrunkTickLabelSize)
        }
        if let needed = laidOut.requiredWidth {
            throw RenderError.categoriesDoNotFitAcross(width: figure.width, needed: .pt(needed), shrunkTo: laidOut.shrunkTickLabelSize)
        }
        return try render(options.greyscale ? laidOut.scene.greyscaled() : laidOut.scene, as: format, options: options)
    }
}
