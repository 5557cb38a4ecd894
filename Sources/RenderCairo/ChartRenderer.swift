import CCairo
import Foundation
import Render
import Support

/// Lays out and draws figures with Cairo and Pango, to bytes in memory or to files.
///
/// Every format goes through the same `SceneRenderer`; only the surface differs. Output is
/// deterministic: identical input gives identical bytes (PDF and EPS dated by `SOURCE_DATE_EPOCH`
/// or an explicit date, SVG ids renumbered per file).
///
/// Holds a Pango font map and context: not Sendable. Create one per task or thread; instances are
/// independent.
public final class ChartRenderer: SceneBackend {
    /// Pango, configured so measuring and drawing agree.
    public let pangoMeasurer: PangoTextMeasurer
    /// Pango, as layout needs it: the same measurer that draws.
    public var textMeasurer: any TextMeasurer { pangoMeasurer }
    /// Working memory reused from one render to the next (see `ScratchMemory`).
    let scratch = ScratchMemory()
    /// libdeflate's compressors, kept for the next PNG.
    let compressors = DeflateCompressors()

    /// A renderer with its own Pango font map and context.
    public init() {
        pangoMeasurer = PangoTextMeasurer()
    }

    /// Draws a scene (from `layout`, possibly edited, or built by hand).
    public func render(_ scene: Scene, as format: ImageFormat, options: RenderOptions) throws -> Data {
        let size = scene.size
        guard size.width > 0, size.height > 0, size.width.isFinite, size.height.isFinite else { throw RenderError.invalidSize(size) }
        switch format {
        case .png: return try renderPNG(scene, options: options)
        case .pdf: return Data(try renderVector(scene, format: .pdf, options: options))
        case .svg: return Data(SVGOutput.renumberSurfaceIDs(try renderVector(scene, format: .svg, options: options)))
        case .eps: return Data(EPSOutput.fixingCreationDate(try renderVector(scene, format: .eps, options: options),
                                                            date: options.metadata.effectiveDate))
        }
    }

    /// Renders and writes to `url`, the format taken from the extension unless given. Writes through
    /// `AtomicFile` (temporary file in the same folder, fsync, rename; removed on interrupt), so a
    /// failure never leaves a partial file or replaces a good one.
    public func write(_ figure: Figure, to url: URL, format: ImageFormat? = nil, options: RenderOptions = RenderOptions()) throws {
        guard let format = format ?? ImageFormat(fileExtension: url.pathExtension) else {
            throw RenderError.io("unknown image format for \(url.lastPathComponent); use .png, .pdf, .svg or .eps")
        }
        let bytes = try render(figure, as: format, options: options)
        try AtomicFile.write(bytes, to: url.path)
    }

    /// The pixel size of a scene at `dpi`.
    public static func pixelSize(of size: Size, dpi: Double) -> (width: Int, height: Int) {
        (max(1, Int((size.width * dpi / 72).rounded())), max(1, Int((size.height * dpi / 72).rounded())))
    }

    private func renderPNG(_ scene: Scene, options: RenderOptions) throws -> Data {
        let surface = try rasterise(scene, options: options)
        // The pixels are not needed after encoding, so the filtered rows may overwrite them.
        let png = try PNGEncoder.encode(surface, dpi: options.dpi, compression: options.pngCompression, scratch: scratch,
                                        compressors: compressors, consumingPixels: true)
        // Only a description (a figure set's credit line) is written: a PNG without one keeps the bytes it always had.
        guard let description = options.metadata.subject else { return png }
        return PNGText.inserting([("Title", options.metadata.title ?? ""), ("Author", options.metadata.author ?? ""),
                                  ("Description", description)], into: png)
    }

    /// The scene drawn on an image surface whose pixels live in the renderer's scratch memory
    /// (valid until the next render).
    func rasterise(_ scene: Scene, options: RenderOptions) throws -> CairoSurface {
        let (w, h) = ChartRenderer.pixelSize(of: scene.size, dpi: options.dpi)
        let format = options.transparentBackground ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24
        // Pixels live in the renderer's scratch memory, reused from figure to figure.
        let stride = Int(cairo_format_stride_for_width(format, Int32(w)))
        let pixels = scratch.buffer("png-pixels", count: stride * h, of: UInt8.self, hugePages: true)
        var drawn = scene
        if options.transparentBackground { drawn.background = nil }
        // Reused memory holds the previous figure, or its filtered PNG rows: clear it, so that edge
        // pixels an opaque background covers only partly blend with zeros, as in fresh memory, and
        // a figure's bytes do not depend on what was drawn before. Freshly mapped memory (the first
        // 300 dpi figure of a process, the common case) comes zeroed and is not written twice.
        let zeroed = scratch.takeZeroed("png-pixels")
        if !zeroed { pixels.initialize(repeating: 0, count: stride * h) }
        let surface = CairoSurface(cairo_image_surface_create_for_data(pixels, format, Int32(w), Int32(h), Int32(stride)))
        try surface.check()
        let context = CairoContext(surface: surface)
        cairo_scale(context.pointer, Double(w) / scene.size.width, Double(h) / scene.size.height)
        let renderer = SceneRenderer(cr: context.pointer, text: pangoMeasurer, scratch: scratch)
        renderer.draw(drawn)
        try context.check()
        return surface
    }

    private func renderVector(_ scene: Scene, format: ImageFormat, options: RenderOptions) throws -> [UInt8] {
        let sink = ByteSink()
        let surface: CairoSurface
        switch format {
        case .pdf:
            surface = CairoSurface(cairo_pdf_surface_create_for_stream(ByteSink.write, sink.opaque, scene.size.width, scene.size.height))
            PDFMetadata.apply(options.metadata, to: surface.pointer)
        case .svg:
            surface = CairoSurface(cairo_svg_surface_create_for_stream(ByteSink.write, sink.opaque, scene.size.width, scene.size.height))
            cairo_svg_surface_set_document_unit(surface.pointer, CAIRO_SVG_UNIT_PT)
        case .eps:
            surface = CairoSurface(cairo_ps_surface_create_for_stream(ByteSink.write, sink.opaque, scene.size.width, scene.size.height))
            cairo_ps_surface_set_eps(surface.pointer, 1)
            if let title = options.metadata.title {
                cairo_ps_surface_dsc_comment(surface.pointer, "%%Title: " + EPSOutput.dscText(title))
            }
        case .png:
            fatalError("PNG is not a vector format")
        }
        try surface.check()
        do {
            let context = CairoContext(surface: surface)
            // A PDF is tagged: one Figure in a Document, so a screen reader finds the figure and its
            // description (PDF/UA); the description, /Lang and DisplayDocTitle come in the update below.
            if format == .pdf {
                cairo_tag_begin(context.pointer, "Document", "")
                cairo_tag_begin(context.pointer, "Figure", "")
            }
            SceneRenderer(cr: context.pointer, text: pangoMeasurer, scratch: scratch).draw(scene)
            if format == .pdf {
                cairo_tag_end(context.pointer, "Figure")
                cairo_tag_end(context.pointer, "Document")
            }
            try context.check()
        }
        try surface.finish()
        let bytes = withExtendedLifetime(sink) { sink.bytes }
        guard format == .pdf else { return bytes }
        let metadata = options.metadata
        let alternate = options.alternateText ?? metadata.title ?? "Chart"
        return Array(try PDFAccessibilityUpdate(language: metadata.language, figureAlternates: [alternate],
                                                displayTitle: metadata.title != nil).applied(to: bytes))
    }
}

enum PDFMetadata {
    static func apply(_ metadata: DocumentMetadata, to surface: OpaquePointer) {
        if let title = metadata.title { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title) }
        if let author = metadata.author { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, author) }
        if let subject = metadata.subject { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, subject) }
        if !metadata.keywords.isEmpty {
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords.joined(separator: ", "))
        }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, metadata.creator)
        // Without an explicit date cairo stamps the current time and no two files are alike.
        let date = DocumentMetadata.isoString(metadata.effectiveDate)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date)
    }
}

enum SVGOutput {
    /// Cairo numbers SVG surfaces per process ("surface5" for the fifth), so two renders in one
    /// process differ. Renumbers every `surfaceN` in order of first appearance.
    static func renumberSurfaceIDs(_ bytes: [UInt8]) -> [UInt8] {
        let needle = Array("surface".utf8)
        var mapping: [ArraySlice<UInt8>: Int] = [:]
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == needle[0], i + needle.count < bytes.count, bytes[i..<(i + needle.count)].elementsEqual(needle) {
                var j = i + needle.count
                while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39 { j += 1 }
                if j > i + needle.count {
                    let digits = bytes[(i + needle.count)..<j]
                    let number = mapping[digits] ?? (mapping.count + 1)
                    mapping[digits] = number
                    out += needle
                    out += Array(String(number).utf8)
                    i = j
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }
}

enum EPSOutput {
    /// Cairo's PostScript surface writes the current time as `%%CreationDate`; replace it with the
    /// document date so EPS output is reproducible too.
    static func fixingCreationDate(_ bytes: [UInt8], date: Date) -> [UInt8] {
        let key = Array("%%CreationDate:".utf8)
        guard let start = bytes.firstRange(of: key)?.lowerBound,
              let end = bytes[start...].firstIndex(of: 0x0A) else { return bytes }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE MMM d HH:mm:ss yyyy"
        let line = Array("%%CreationDate: \(formatter.string(from: date))".utf8)
        return Array(bytes[..<start]) + line + Array(bytes[end...])
    }

    /// DSC comment text: one line, printable ASCII.
    static func dscText(_ s: String) -> String {
        String(s.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F ? Character($0) : "?" })
    }
}
