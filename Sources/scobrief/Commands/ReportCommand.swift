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
        With no SPEC, builds Reports/briefing.yaml from the current folder (and nowhere else) into
        Reports/out/briefing.pdf. Without -o the PDF goes inside the current folder: Reports/out/NAME.pdf
        when it has Reports/, else NAME.pdf. The output must end in .pdf.
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

    @OptionGroup(title: "Figure set (with --figures)") var figureSet: FigureSetArguments
    @Option(help: ArgumentHelp("The language of the report's fixed words and numbers (en, ru, zh); overrides the spec's `language:`.",
                               valueName: "code"))
    var language: ReportLanguage?

    @Flag(help: "Print nothing while working.")
    var quiet = false

    @OptionGroup var data: DataOptions

    func validate() throws {
        if svgText != nil && figures == nil {
            throw ValidationError("--svg-text applies only to the SVG files of a figure set; add --figures DIR or leave the option out")
        }
        if figures == nil, let option = figureSet.givenOption {
            throw ValidationError("\(option) applies only to a figure set; add --figures DIR or leave the option out")
        }
        let options = try figureSet.options()
        if svgText != nil && !options.formats.contains(.svg) {
            throw ValidationError("--svg-text applies only to SVG files, and --formats leaves SVG out; add svg to --formats or leave --svg-text out")
        }
    }

    func run() throws {
        try reportingFailures {
            let progress = Progress(quiet: quiet)
            if let output { try OutputPath.check(output, extensions: ["pdf"], what: "the report") }
            let specPath = try spec ?? ReportCommand.defaultSpec()
            let outputPath = output ?? ReportCommand.defaultOutput(for: specPath)
            progress.stage("reading \(specPath)")
            var reportSpec = try SpecReader(limits: data.limits.yaml).read(path: specPath, displayName: specPath)
            if let language { reportSpec.metadata.language = language.rawValue }
            progress.stage("loading the corpus")
            let corpus = try data.loadCorpus(folder: reportSpec.metadata.data.map { ReportCommand.resolve($0, besideSpec: specPath) })
            progress.stage("computing figures and tables")
            let built = try ReportBuilder(corpus: corpus).build(reportSpec)
            progress.stage("laying out \(built.figures.count) figures and \(built.tables.count) tables")
            let pdf = try BriefingWriter(report: built, corpus: corpus, backends: .cairo()).pdf()
            // The default folder is made only now, when there is a report to put in it.
            // (NAME.pdf in the current folder has no folder to make.)
            let folder = (outputPath as NSString).deletingLastPathComponent
            if output == nil && !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            try AtomicFile.write(pdf, to: outputPath)
            progress.stage("wrote \(outputPath)")
            if let figures {
                let written = try FigureSetWriter(report: built, corpus: corpus, backends: Backends.cairo().svgText(svgText ?? .text))
                    .write(to: figures, options: try figureSet.options())
                progress.stage("wrote \(written) files and manifest.json to \(figures)")
            }
        }
    }

    /// The spec used when none is named: Reports/briefing.yaml in the current folder, and nowhere
    /// else, so a run never reaches into the checkout the binary was built from.
    static func defaultSpec() throws(Diagnostic) -> String {
        let path = "Reports/briefing.yaml"
        guard FileManager.default.fileExists(atPath: path) else {
            let here = FileManager.default.currentDirectoryPath
            throw Diagnostic(SourceLocation(file: path), "no report spec named, and there is no \(path) in the current folder (\(here))",
                             hint: "name a spec (scobrief report my-spec.yaml) or run from a folder that has Reports/briefing.yaml")
        }
        return path
    }

    /// A path written in a spec is relative to the spec's folder, not to where scobrief runs.
    static func resolve(_ path: String, besideSpec spec: String) -> String {
        if path.hasPrefix("/") { return path }
        let folder = (spec as NSString).deletingLastPathComponent
        return ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(path)
    }

    /// Where a report goes without -o: always inside the current folder, as Reports/out/NAME.pdf
    /// when the current folder has Reports/ (as the checkout does), else NAME.pdf.
    static func defaultOutput(for spec: String) -> String {
        let name = ((spec as NSString).lastPathComponent as NSString).deletingPathExtension + ".pdf"
        var isDirectory: ObjCBool = false
        let hasReports = FileManager.default.fileExists(atPath: "Reports", isDirectory: &isDirectory) && isDirectory.boolValue
        return hasReports ? "Reports/out/" + name : name
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

extension ReportLanguage: ExpressibleByArgument {}
