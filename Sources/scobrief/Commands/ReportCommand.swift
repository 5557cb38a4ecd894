import ArgumentParser
import Dataset
import Foundation
import Render
import RenderCairo
import RenderSVG
import Report
import Support

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Build a briefing PDF (and optionally a numbered figure set) from a report spec.",
        discussion: """
        With no SPEC, builds Reports/briefing.yaml into Reports/out/briefing.pdf.
        Examples:
          scobrief report
          scobrief report Reports/paper-figures.yaml --figures Reports/out/figures
          scobrief report my-spec.yaml -o my-briefing.pdf --quiet
        """
    )

    @Argument(help: ArgumentHelp("The report spec (YAML).", valueName: "spec"))
    var spec: String?

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The PDF to write.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Also write every figure (PDF, PNG, SVG) and table (CSV, Markdown, LaTeX) here, with manifest.json.", valueName: "dir"))
    var figures: String?

    @Option(help: SVGTextOption.help)
    var svgText: SVGTextMode?

    @Flag(help: "Print nothing while working.")
    var quiet = false

    @OptionGroup var data: DataOptions

    func validate() throws {
        if svgText != nil && figures == nil {
            throw ValidationError("--svg-text applies only to the SVG files of a figure set; add --figures DIR or leave the option out")
        }
    }

    func run() throws {
        try reportingFailures {
            let progress = Progress(quiet: quiet)
            let datasets = try DataLocation.datasetsDirectory(explicit: data.directory)
            let root = (datasets as NSString).deletingLastPathComponent
            let specPath = spec ?? (root as NSString).appendingPathComponent("Reports/briefing.yaml")
            let outputPath = output ?? ReportCommand.defaultOutput(for: specPath, root: root)
            progress.stage("reading \(specPath)")
            let reportSpec = try SpecReader(limits: data.limits.yaml).read(path: specPath, displayName: spec ?? "Reports/briefing.yaml")
            try OutputPath.check(outputPath)
            progress.stage("loading the corpus")
            let corpus = try data.loadCorpus(folder: reportSpec.metadata.data.map { ReportCommand.resolve($0, besideSpec: specPath) })
            progress.stage("computing figures and tables")
            let built = try ReportBuilder(corpus: corpus).build(reportSpec)
            progress.stage("laying out \(built.figures.count) figures and \(built.tables.count) tables")
            let pdf = try BriefingWriter(report: built, corpus: corpus, backends: .cairo()).pdf()
            try AtomicFile.write(pdf, to: outputPath)
            progress.stage("wrote \(outputPath)")
            if let figures {
                let written = try FigureSetWriter(report: built, corpus: corpus, backends: Backends.cairo().svgText(svgText ?? .text)).write(to: figures)
                progress.stage("wrote \(written) files and manifest.json to \(figures)")
            }
        }
    }

    /// A path written in a spec is relative to the spec's folder, not to where scobrief runs.
    static func resolve(_ path: String, besideSpec spec: String) -> String {
        if path.hasPrefix("/") { return path }
        let folder = (spec as NSString).deletingLastPathComponent
        return ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(path)
    }

    /// Reports/out/NAME.pdf beside the shipped specs, or NAME.pdf next to a spec elsewhere.
    static func defaultOutput(for spec: String, root: String) -> String {
        let name = ((spec as NSString).lastPathComponent as NSString).deletingPathExtension + ".pdf"
        let folder = (root as NSString).appendingPathComponent("Reports/out")
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return (folder as NSString).appendingPathComponent(name)
    }
}

/// One line on stderr per stage, so a user sees where the time goes; silent with --quiet.
struct Progress {
    let quiet: Bool
    private let start = DispatchTime.now()

    func stage(_ text: String) {
        guard !quiet else { return }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        Terminal.error(String(format: "[%5.2fs] ", elapsed) + text)
    }
}
