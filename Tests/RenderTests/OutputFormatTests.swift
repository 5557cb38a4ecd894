import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Render
@testable import RenderCairo
import TestSupport

@Suite("Output formats") struct OutputFormatTests {
    let figure = SampleCharts.lineWithBand.figure(theme: .paper)

    @Test func pngRecordsResolutionInPHYsRightAfterIHDR() throws {
        let png = [UInt8](try ChartRenderer().render(figure, as: .png, options: RenderOptions(dpi: 300)))
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let chunks = PNGChunks.parse(png)
        #expect(chunks.map(\.type).prefix(2) == ["IHDR", "pHYs"])
        #expect(chunks.last?.type == "IEND")
        for chunk in chunks { #expect(chunk.crcIsValid, "bad CRC in \(chunk.type)") }
        let phys = chunks[1].data
        let perMetreX = phys[0..<4].reduce(0) { $0 << 8 | UInt32($1) }
        let perMetreY = phys[4..<8].reduce(0) { $0 << 8 | UInt32($1) }
        #expect(perMetreX == 11811 && perMetreY == 11811)
        #expect(phys[8] == 1, "unit must be metres")
        // 85 mm at 300 dpi is 1004 pixels.
        let width = chunks[0].data[0..<4].reduce(0) { $0 << 8 | UInt32($1) }
        #expect(width == 1004)
    }

    @Test func identicalInputGivesIdenticalBytes() throws {
        // A fixed date: without SOURCE_DATE_EPOCH the two renders could straddle a second.
        let options = RenderOptions(metadata: DocumentMetadata(date: DocumentMetadata.fixedCreationDate))
        for format in [ImageFormat.png, .pdf, .svg, .eps] {
            let first = try ChartRenderer().render(figure, as: format, options: options)
            let renderer = ChartRenderer()
            _ = try renderer.render(SampleCharts.heatMap.figure(), as: format)  // advance cairo's per-process counters
            let second = try renderer.render(figure, as: format, options: options)
            #expect(first == second, "\(format) output differs between renders")
        }
    }

    @Test func pdfEmbedsEveryFontAndCarriesMetadata() throws {
        let metadata = DocumentMetadata(title: "Attacks per year", author: "SCOBrief team", subject: "Counter-terrorism",
                                        keywords: ["SCO", "RATS"], date: Date(timeIntervalSince1970: 1_700_000_000))
        let pdf = try ChartRenderer().render(SampleCharts.multilingual.figure(), as: .pdf, options: RenderOptions(metadata: metadata))
        let fonts = try ExternalTool.inspect(pdf: pdf, with: "pdffonts")
        let rows = fonts.split(separator: "\n").dropFirst(2)
        #expect(rows.count >= 2, "expected a Latin/Cyrillic and a CJK font:\n\(fonts)")
        for row in rows {
            let columns = row.split(separator: " ", omittingEmptySubsequences: true)
            // name type [encoding...] emb sub uni object ID: "emb" is the fifth column from the end.
            #expect(columns.count >= 7 && columns[columns.count - 5] == "yes", "font not embedded: \(row)")
        }
        #expect(fonts.contains("NotoSansCJK"), "Chinese labels need the CJK face:\n\(fonts)")
        let output = try ExternalTool.inspect(pdf: pdf, with: "pdfinfo", ["-isodates"])
        var info: [String: String] = [:]
        for line in output.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            info[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        #expect(info["Title"] == "Attacks per year")
        #expect(info["Author"] == "SCOBrief team")
        #expect(info["Subject"] == "Counter-terrorism")
        #expect(info["Keywords"] == "SCO, RATS")
        #expect(info["Creator"] == "SCOBrief")
        #expect(info["CreationDate"]?.hasPrefix("2023-11-14T22:13:20") == true, "\(output)")
    }

    @Test func creationDateComesFromSourceDateEpoch() {
        #expect(DocumentMetadata.creationDate(environment: ["SOURCE_DATE_EPOCH": "1700000000"]) == Date(timeIntervalSince1970: 1_700_000_000))
        // Without it, the current time to the second: a file's creation date is when it was made.
        let now = Date(timeIntervalSince1970: 1_764_540_000.75)
        #expect(DocumentMetadata.creationDate(environment: [:], now: now) == Date(timeIntervalSince1970: 1_764_540_000))
        #expect(DocumentMetadata.isoString(DocumentMetadata.fixedCreationDate) == "2000-01-01T00:00:00Z")
    }

    @Test func pdfPixelsMatchTheReferenceAndThePNG() throws {
        let renderer = ChartRenderer()
        let pdf = try renderer.render(figure, as: .pdf)
        let pixels = try ExternalTool.rasterize(pdf: pdf, dpi: 110)
        try References.check(pixels, named: "pdf-line-band.png")
        // Poppler and cairo anti-alias differently, but the same layout must land in the same place.
        let png = try renderer.render(figure, as: .png, options: RenderOptions(dpi: 110))
        let fromPDF = try RasterImage(png: pixels), direct = try RasterImage(png: png)
        // pdftoppm rounds the page size up, cairo to the nearest pixel: compare the common area.
        #expect(abs(fromPDF.width - direct.width) <= 1 && abs(fromPDF.height - direct.height) <= 1)
        let w = min(fromPDF.width, direct.width), h = min(fromPDF.height, direct.height)
        let difference = ImageDifference(fromPDF.cropped(width: w, height: h).downsampled(by: 3),
                                         direct.cropped(width: w, height: h).downsampled(by: 3), channelTolerance: 64)
        #expect(difference.differingFraction < 0.02, "PDF and PNG layouts disagree: \(difference)")
    }

    @Test func svgIsWellFormedXML() throws {
        let svg = try ChartRenderer().render(figure, as: .svg)
        let parser = XMLParser(data: svg)
        let delegate = RootElementRecorder()
        parser.delegate = delegate
        #expect(parser.parse(), "SVG does not parse: \(String(describing: parser.parserError))")
        #expect(delegate.root == "svg")
        // The page is the figure's size in points (the paper theme's 85 mm = 240.944882 pt), written with a unit.
        for (attribute, length) in [("width", figure.width), ("height", figure.height)] {
            let value = try #require(delegate.rootAttributes[attribute], "no \(attribute) on <svg>")
            #expect(value.hasSuffix("pt"), "\(attribute)=\(value)")
            let points = try #require(Double(value.dropLast(2)), "\(attribute)=\(value)")
            #expect(abs(points - length.points) < 1e-6, "\(attribute)=\(value), figure \(length.points) pt")
        }
        #expect(!String(decoding: svg, as: UTF8.self).contains("surface0"), "surface ids start at 1 after renumbering")
    }

    @Test func epsHasTheEPSFHeaderAndBoundingBox() throws {
        // An explicit date, so the check holds whether or not SOURCE_DATE_EPOCH is set.
        let options = RenderOptions(metadata: DocumentMetadata(date: DocumentMetadata.fixedCreationDate))
        let eps = try ChartRenderer().render(figure, as: .eps, options: options)
        let text = String(decoding: eps.prefix(600), as: UTF8.self)
        #expect(text.hasPrefix("%!PS-Adobe-3.0 EPSF-3.0"))
        #expect(text.contains("%%BoundingBox: 0 0 241 176"), "\(text)")
        #expect(text.contains("%%CreationDate: Sat Jan 1 00:00:00 2000"), "\(text)")
    }

    @Test func scenesOfInvalidSizeAreRejected() {
        let scene = Scene(size: Size(width: 0, height: 10), background: .white, items: [])
        #expect(throws: RenderError.self) { try ChartRenderer().render(scene, as: .png) }
    }
}

/// Records the root element of an XML document.
final class RootElementRecorder: NSObject, XMLParserDelegate {
    var root: String?
    var rootAttributes: [String: String] = [:]

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if root == nil {
            root = name
            rootAttributes = attributes
        }
    }
}

/// PNG chunks, for checking the file structure.
struct PNGChunks {
    var type: String
    var data: [UInt8]
    var crc: UInt32
    var raw: [UInt8]

    var crcIsValid: Bool { CRC32.checksum(Array(type.utf8) + data) == crc }

    static func parse(_ png: [UInt8]) -> [PNGChunks] {
        var chunks: [PNGChunks] = []
        var i = 8
        while i + 12 <= png.count {
            let length = Int(png[i..<(i + 4)].reduce(0) { $0 << 8 | UInt32($1) })
            let type = String(decoding: png[(i + 4)..<(i + 8)], as: UTF8.self)
            let data = Array(png[(i + 8)..<(i + 8 + length)])
            let crc = png[(i + 8 + length)..<(i + 12 + length)].reduce(0) { $0 << 8 | UInt32($1) }
            chunks.append(PNGChunks(type: type, data: data, crc: crc, raw: Array(png[i..<(i + 12 + length)])))
            i += 12 + length
        }
        return chunks
    }
}
