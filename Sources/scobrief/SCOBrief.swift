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
        if let command = parsedDirectly(arguments) {
            var command = command
            do {
                try command.run()
            } catch {
                exit(withError: error)
            }
            return
        }
        main(arguments)
    }

    /// The words that make ArgumentParser print help, a version or completions rather than run a
    /// command; `parsedDirectly` leaves arguments holding any of them to the full parse.
    static let builtInWords: Set<String> = ["help", "-h", "--help", "-help", "--version", "--experimental-dump-help"]

    /// The subcommand parsed as a root command of its own, skipping the root's parse: that parse
    /// builds the subcommand's argument set by reflection once more (to look for pass-through
    /// arguments), a tenth of a one-chart process. Nil when the first argument names no
    /// subcommand, when a built-in word (help, version, completions) appears, or when the parse
    /// fails: the caller then parses from the root as before, so every message, usage line and
    /// exit code is the full parse's own.
    static func parsedDirectly(_ arguments: [String]) -> ParsableCommand? {
        guard let first = arguments.first,
              let subcommand = configuration.subcommands.first(where: { $0._commandName == first }),
              subcommand.configuration.subcommands.isEmpty,
              !arguments.contains(where: { builtInWords.contains($0) || $0.hasPrefix("--generate-completion") }) else { return nil }
        return try? subcommand.parseAsRoot(Array(arguments.dropFirst()))
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
    // Named here so that finding the command by name does not demangle the type's name.
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the versions of SCOBrief and its graphics libraries.")

    /// What `scobrief version` and `scobrief --version` print.
    static var text: String {
        "scobrief 0.1.0 (cairo \(GraphicsLibraries.cairoVersion), pango \(GraphicsLibraries.pangoVersion))"
    }

    func run() {
        print(Self.text)
    }
}
