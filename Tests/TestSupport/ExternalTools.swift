import Foundation

/// Runs poppler's command-line tools (installed by Scripts/install-deps) on files.
public enum ExternalTool {
    /// A tool that is missing or exited non-zero.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong, with the tool's standard error.
        public var description: String
    }

    /// Runs `tool` (a name looked up in the usual bin folders, or a path) with `arguments`;
    /// returns standard output, throws on a non-zero exit.
    @discardableResult
    public static func run(_ tool: String, _ arguments: [String], in directory: String? = nil) throws -> String {
        let process = Process()
        let candidates = tool.contains("/") ? [tool] : ["/usr/bin/\(tool)", "/usr/local/bin/\(tool)", "/opt/homebrew/bin/\(tool)"]
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw Failure(description: "\(tool) not found; run Scripts/install-deps")
        }
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(tool) failed: \(String(decoding: errorData, as: UTF8.self))\(String(decoding: data, as: UTF8.self).suffix(3000))")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A fresh temporary folder, removed by the caller.
    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("render-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The first page of a PDF as PNG at `dpi`, through pdftoppm.
    public static func rasterize(pdf: Data, dpi: Int) throws -> Data {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.pdf")
        try pdf.write(to: input)
        try run("pdftoppm", ["-png", "-r", String(dpi), "-singlefile", input.path, folder.appendingPathComponent("page").path])
        return try Data(contentsOf: folder.appendingPathComponent("page.png"))
    }

    /// Runs a poppler tool on PDF bytes.
    public static func inspect(pdf: Data, with tool: String, _ arguments: [String] = []) throws -> String {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.pdf")
        try pdf.write(to: input)
        return try run(tool, arguments + [input.path] + (tool == "pdftotext" ? ["-"] : []))
    }
}
