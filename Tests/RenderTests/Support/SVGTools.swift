import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Render
@testable import RenderCairo
import TestSupport

/// The parts of an SVG file the tests check, read with Foundation's XMLParser (so a file that is
/// not well-formed XML fails to parse).
struct ParsedSVG {
    /// Each `<text>` element's content, its `<tspan>` lines joined by a space.
    var texts: [String] = []
    /// Every `<text>` element's attributes, in document order.
    var textAttributes: [[String: String]] = []
    /// Every `id` attribute, in document order.
    var ids: [String] = []
    /// The root element's attributes.
    var root: [String: String] = [:]
    var elementCounts: [String: Int] = [:]

    struct Failure: Error, CustomStringConvertible { var description: String }

    init(_ data: Data) throws {
        final class Delegate: NSObject, XMLParserDelegate {
            var result = ParsedSVG(empty: ())
            var currentText: [String]? = nil
            var currentLine = ""

            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                if result.elementCounts.isEmpty { result.root = attributes }
                result.elementCounts[name, default: 0] += 1
                if let id = attributes["id"] { result.ids.append(id) }
                if name == "text" {
                    currentText = []
                    currentLine = ""
                    result.textAttributes.append(attributes)
                } else if name == "tspan" {
                    currentLine = ""
                }
            }

            func parser(_ parser: XMLParser, foundCharacters string: String) {
                if currentText != nil { currentLine += string }
            }

            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if name == "tspan" {
                    currentText?.append(currentLine)
                    currentLine = ""
                } else if name == "text", let lines = currentText {
                    result.texts.append((lines.isEmpty ? [currentLine] : lines).joined(separator: " "))
                    currentText = nil
                }
            }
        }
        let parser = XMLParser(data: data)
        let delegate = Delegate()
        parser.delegate = delegate
        guard parser.parse() else {
            throw Failure(description: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown error") at line \(parser.lineNumber)")
        }
        self = delegate.result
    }

    private init(empty: Void) {}
}

enum SVGRaster {
    /// Draws SVG bytes to PNG at exactly `width` × `height` pixels with librsvg's rsvg-convert.
    static func rasterize(svg: Data, width: Int, height: Int) throws -> Data {
        let folder = try ExternalTool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.svg"), output = folder.appendingPathComponent("out.png")
        try svg.write(to: input)
        try ExternalTool.run("rsvg-convert", ["-w", String(width), "-h", String(height), "-f", "png", "-o", output.path, input.path])
        return try Data(contentsOf: output)
    }

    /// Root-mean-square difference over the RGB channels of two same-size images composited on
    /// white, in 0…255 levels.
    static func rms(_ a: RasterImage, _ b: RasterImage) -> Double {
        precondition(a.width == b.width && a.height == b.height, "images differ in size")
        var sum = 0.0
        for i in stride(from: 0, to: a.rgba.count, by: 4) {
            let alphaA = Double(a.rgba[i + 3]) / 255, alphaB = Double(b.rgba[i + 3]) / 255
            for c in 0..<3 {
                let va = Double(a.rgba[i + c]) * alphaA + 255 * (1 - alphaA)
                let vb = Double(b.rgba[i + c]) * alphaB + 255 * (1 - alphaB)
                sum += (va - vb) * (va - vb)
            }
        }
        return (sum / Double(a.width * a.height * 3)).squareRoot()
    }

    /// On a failed comparison: both PNGs and a picture of where they differ (white = same, red =
    /// different; binary PPM, which any viewer opens) in a folder under the temporary directory.
    /// Returns the folder.
    @discardableResult
    static func saveFailure(name: String, cairo: Data, svg: Data, _ a: RasterImage, _ b: RasterImage) -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("render-failures/svg-\(name)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? cairo.write(to: folder.appendingPathComponent("cairo.png"))
        try? svg.write(to: folder.appendingPathComponent("svg.png"))
        var ppm = Data("P6\n\(a.width) \(a.height)\n255\n".utf8)
        for i in stride(from: 0, to: a.rgba.count, by: 4) {
            var worst = 0
            for c in 0..<3 { worst = max(worst, abs(Int(a.rgba[i + c]) - Int(b.rgba[i + c]))) }
            let level = UInt8(255 - min(255, worst * 2))
            ppm.append(contentsOf: [255, level, level])
        }
        try? ppm.write(to: folder.appendingPathComponent("difference.ppm"))
        return folder
    }
}

extension Scene {
    /// The scene without its text runs: what must match exactly between backends.
    var withoutText: Scene {
        func strip(_ items: [SceneItem]) -> [SceneItem] {
            items.compactMap { item in
                switch item {
                case .text: return nil
                case .clipped(let r, let inner): return .clipped(r, strip(inner))
                case .group(let name, let inner): return .group(name, strip(inner))
                default: return item
                }
            }
        }
        return Scene(size: size, background: background, items: strip(items))
    }

    /// The scene with every text run moved by (dx, dy) points: a deliberate layout error.
    func movingText(dx: Double, dy: Double) -> Scene {
        func move(_ items: [SceneItem]) -> [SceneItem] {
            items.map { item in
                switch item {
                case .text(var run):
                    run.position = Point(x: run.position.x + dx, y: run.position.y + dy)
                    return .text(run)
                case .clipped(let r, let inner): return .clipped(r, move(inner))
                case .group(let name, let inner): return .group(name, move(inner))
                default: return item
                }
            }
        }
        return Scene(size: size, background: background, items: move(items))
    }
}
