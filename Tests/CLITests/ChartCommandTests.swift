import Foundation
import Testing
import TestSupport

@Suite struct ChartCommandTests {
    static let presets = ["attacks-per-year", "attacks-by-country", "killed-per-year", "attacks-timeline", "attacks-heatmap",
                          "attacks-2001-2011-vs-2024", "exercises-per-year", "exercises-timeline", "documents-cumulative",
                          "membership-by-status", "rats-results", "rats-persons"]

    @Test func listNamesEveryPreset() throws {
        let result = try CLI.run(["chart", "--list"])
        #expect(result.status == 0)
        for preset in Self.presets { #expect(result.stdout.contains(preset)) }
    }

    /// Every chart kind on the corpus: the presets, plus the kinds no preset uses.
    static let requests: [[String]] = presets.map { [$0] } + [
        ["scatter", "--table", "attacks"], ["smallMultiples", "--table", "attacks", "--from", "2001", "--to", "2011"],
        ["line", "--table", "exercises", "--by", "country"], ["heatmap", "--table", "exercises"],
        ["cumulative", "--table", "exercises", "--by", "kind"], ["timeline", "--table", "documents"],
    ]

    /// Every request, in every format, is a real file of that format.
    @Test(arguments: requests)
    func rendersInAllFormats(request: [String]) throws {
        let preset = request.joined(separator: "-")
        let folder = NSTemporaryDirectory() + "scobrief-chart-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let signatures: [String: [UInt8]] = ["png": [0x89, 0x50, 0x4E, 0x47], "pdf": Array("%PDF".utf8),
                                             "svg": Array("<?xml".utf8), "eps": Array("%!PS-Adobe-3.0 EPSF-3.0".utf8)]
        for (format, signature) in signatures {
            let path = "\(folder)/\(preset).\(format)"
            // --dpi is a PNG's resolution; a vector file refuses it.
            let result = try CLI.run(["chart"] + request + ["-o", path] + (format == "png" ? ["--dpi", "72"] : []))
            #expect(result.status == 0, "\(preset).\(format): \(result.stderr)")
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(Array(bytes.prefix(signature.count)) == signature, "\(preset).\(format) is not a \(format) file")
        }
    }

    @Test func kindWithTableAndOptions() throws {
        let folder = NSTemporaryDirectory() + "scobrief-chart-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLI.run(["chart", "bar", "--table", "exercises", "--x", "year", "--by", "country", "--theme", "paper",
                                  "--width", "85mm", "--height", "60mm", "-o", folder + "/x.pdf"])
        #expect(result.status == 0, "\(result.stderr)")
        let info = try CLI.run(["datasets", "list"])  // the binary still answers after writing
        #expect(info.status == 0)
        // 85 mm × 60 mm is 240.9 × 170.1 pt.
        let raw = String(decoding: try Data(contentsOf: URL(fileURLWithPath: folder + "/x.pdf")), as: UTF8.self)
        #expect(raw.contains("/MediaBox [ 0 0 240.94") || raw.contains("/MediaBox [0 0 240.94"), "page size is not 85 × 60 mm")
    }

    @Test(arguments: [
        (["chart", "bars", "--table", "attacks", "-o", "/tmp/x.png"], "did you mean 'bar'"),
        (["chart", "pie", "--table", "attacks", "-o", "/tmp/x.png"], "neither a chart kind nor a preset"),
        (["chart", "attacks-per-year", "-o", "/tmp/x.gif"], "end the name with .pdf, .png, .svg or .eps"),
        (["chart", "attacks-per-year", "-o", "/nonexistent-folder/x.png"], "does not exist"),
        (["chart", "attacks-per-year", "--width", "wide", "-o", "/tmp/x.png"], "is not a length"),
        (["chart", "bar", "--table", "attacks", "--x", "colour", "-o", "/tmp/x.png"], "x 'colour' is not available here"),
        (["chart", "attacks-per-year", "--from", "2030", "--to", "2031", "-o", "/tmp/x.png"], "nothing to draw"),
    ])
    func badChartRequests(arguments: [String], expected: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(expected), "\(result.stderr)")
    }
}
