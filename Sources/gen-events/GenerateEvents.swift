import ArgumentParser
import Dataset
import EventSynthetic
import Foundation

/// `gen-events`: writes a synthetic file in UCDP GED's or ACLED's CSV export layout, for tests
/// and benchmarks (ACLED's terms forbid sharing its data; GED is shareable but large).
@main
struct GenerateEvents: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gen-events",
        abstract: "Write a deterministic synthetic UCDP GED or ACLED export.",
        discussion: "The same seed and options always give the same bytes. --truth writes year,country,type,events,killed as generated (country 'unknown' for codes the import must report).")

    @Argument(help: "ucdp-ged or acled.")
    var source: String

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The CSV file to write.", valueName: "file"))
    var output: String

    @Option(help: "Number of events.")
    var rows = 100_000

    @Option(help: "Seed of the pseudo-random generator.")
    var seed: UInt64 = 1

    @Flag(name: .customLong("text-dates"), help: "ACLED: write event_date as 22 March 2024, as older exports do.")
    var textDates = false

    @Option(help: ArgumentHelp("Also write the counts by year, country and type, as generated.", valueName: "file"))
    var truth: String?

    func run() throws {
        guard rows >= 0 else { throw ValidationError("--rows must be 0 or more") }
        var options = EventSyntheticOptions()
        options.rows = rows
        options.seed = seed
        options.textDates = textDates
        var totals: [String: [Int]] = [:]
        let count = { (record: EventSyntheticRecord) in
            let key = "\(record.date.year),\(record.expectedCode ?? "unknown"),\(record.type)"
            var cell = totals[key] ?? [0, 0]
            cell[0] += 1
            cell[1] += record.killed
            totals[key] = cell
        }
        switch source {
        case "ucdp-ged": try UCDPSyntheticGenerator(options: options).write(to: output, record: count)
        case "acled": try ACLEDSyntheticGenerator(options: options).write(to: output, record: count)
        default: throw ValidationError("the source must be ucdp-ged or acled, not '\(source)'")
        }
        if let truth {
            var text = "year,country,type,events,killed\n"
            for key in totals.keys.sorted() { text += key + "," + totals[key]!.map(String.init).joined(separator: ",") + "\n" }
            try text.write(toFile: truth, atomically: true, encoding: .utf8)
        }
    }
}
