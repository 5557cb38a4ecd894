import ArgumentParser
import Foundation
import RenderCairo
import Support

@main
struct SCOBrief: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scobrief",
        abstract: "Statistics, charts and briefing reports on SCO counter-terrorism cooperation.",
        version: Version.text,
        subcommands: [DatasetsCommand.self, ImportCommand.self, TrendCommand.self, CompareCommand.self, ChartCommand.self, ReportCommand.self, Version.self]
    )

    /// Catches a mistyped subcommand before ArgumentParser, which would only say "2 unexpected
    /// arguments", and names the closest command instead; everything else is parsed as usual.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, let message = unknownCommandMessage(first) {
            Terminal.error(message)
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        main(arguments)
    }

    /// The names a first argument may be: each subcommand, and ArgumentParser's own `help`.
    static var commandNames: [String] {
        configuration.subcommands.map { $0._commandName } + ["help"]
    }

    /// The error for a first argument that is neither an option nor a command, or nil.
    static func unknownCommandMessage(_ word: String) -> String? {
        guard !word.hasPrefix("-"), !commandNames.contains(word) else { return nil }
        let suggestion = Suggestion.closest(to: word, in: commandNames).map { " (did you mean '\($0)'?)" } ?? ""
        return "scobrief: error: '\(word)' is not a command\(suggestion); the commands are "
            + "\(commandNames.joined(separator: ", ")); see scobrief --help"
    }
}

struct Version: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the versions of SCOBrief and its graphics libraries.")

    /// What `scobrief version` and `scobrief --version` print.
    static var text: String {
        "scobrief 0.1.0 (cairo \(GraphicsLibraries.cairoVersion), pango \(GraphicsLibraries.pangoVersion))"
    }

    func run() {
        print(Self.text)
    }
}
