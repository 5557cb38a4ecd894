import ArgumentParser
import RenderCairo

@main
struct SCOBrief: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scobrief",
        abstract: "Statistics, charts and briefing reports on SCO counter-terrorism cooperation.",
        subcommands: [DatasetsCommand.self, ImportCommand.self, TrendCommand.self, CompareCommand.self, ChartCommand.self, ReportCommand.self, Version.self]
    )
}

struct Version: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the versions of SCOBrief and its graphics libraries.")
    func run() {
        print("scobrief 0.1.0 (cairo \(GraphicsLibraries.cairoVersion), pango \(GraphicsLibraries.pangoVersion))")
    }
}
