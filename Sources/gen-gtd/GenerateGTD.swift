import ArgumentParser
import Dataset
import Foundation
import GTDSynthetic

/// `gen-gtd`: writes a synthetic file in the Global Terrorism Database's CSV export layout,
/// for tests and benchmarks (the real GTD is available only on request and may not be shared).
@main
struct GenerateGTD: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gen-gtd",
        abstract: "Write a deterministic synthetic GTD export (135 columns, GTD's conventions).",
        discussion: "The same seed and options always give the same bytes. --truth writes the counts by year and expected country code, recorded while generating.")

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The CSV file to write.", valueName: "file"))
    var output: String

    @Option(help: "Number of incidents.")
    var rows = 200_000

    @Option(help: "Seed of the pseudo-random generator.")
    var seed: UInt64 = 1

    @Option(help: "Text encoding: utf-8 or windows-1252 (older GTD releases).")
    var encoding = "utf-8"

    @Flag(help: "End lines with CRLF, as Windows exports do.")
    var crlf = false

    @Option(name: .customLong("decimal-casualties"), help: ArgumentHelp("Share of casualty figures written as floats (3.0).", valueName: "fraction"))
    var decimalCasualties = 0.0

    @Option(help: ArgumentHelp("Also write year,country,incidents,killed,killed_unknown,wounded,wounded_unknown as generated.", valueName: "file"))
    var truth: String?

    func run() throws {
        guard let textEncoding = GTDTextEncoding(rawValue: encoding.lowercased()) else {
            throw ValidationError("--encoding must be utf-8 or windows-1252, not '\(encoding)'")
        }
        guard rows >= 0 else { throw ValidationError("--rows must be 0 or more") }
        var options = GTDSyntheticOptions()
        options.rows = rows
        options.seed = seed
        options.encoding = textEncoding
        options.lineEnding = crlf ? .crlf : .lf
        options.decimalCasualtyRate = decimalCasualties
        var totals: [String: [Int]] = [:]
        try GTDSyntheticGenerator(options: options).write(to: output) { record in
            guard truth != nil else { return }
            let key = "\(record.year),\(record.expectedCode ?? "unmapped")"
            var cell = totals[key] ?? [0, 0, 0, 0, 0]
            cell[0] += 1
            if let killed = record.killed { cell[1] += killed } else { cell[2] += 1 }
            if let wounded = record.wounded { cell[3] += wounded } else { cell[4] += 1 }
            totals[key] = cell
        }
        if let truth {
            var text = "year,country,incidents,killed,killed_unknown,wounded,wounded_unknown\n"
            for key in totals.keys.sorted() { text += key + "," + totals[key]!.map(String.init).joined(separator: ",") + "\n" }
            try text.write(toFile: truth, atomically: true, encoding: .utf8)
        }
    }
}
