import Foundation
import Testing
import TestSupport

/// A figure set's share, cadence, indicators (RATS) and membership tables as a script reads them:
/// one CSV a table, snake_case headers, numbers as numbers at full precision, dates as ISO text,
/// unknown as blank. Each value is read back and checked against its own arithmetic, the
/// shipped dataset, and the rounded Markdown table beside it.
@Suite struct FigureSetTableCSVTests {
    static let spec = """
    report:
      title: "Typed tables"
    body:
      - table:
          id: tab-share
          analysis: share
          table: attacks
          caption: "Named attacks in member states as a share of all named attacks."
      - table:
          id: tab-cadence
          analysis: cadence
          table: exercises
          caption: "Gaps between named exercises."
      - table:
          id: tab-rats
          analysis: indicators
          caption: "RATS results as reported."
      - table:
          id: tab-membership
          analysis: membership
          caption: "States by status."
      - table:
          id: tab-attacks
          analysis: attacks
          caption: "Attacks named in the sources."
      - table:
          id: tab-exercises
          analysis: exercises
          caption: "Exercises named in the sources."
      - table:
          id: tab-documents
          analysis: documents
          caption: "Documents named in the sources."
      - chart:
          id: fig-rats
          preset: rats-results
          caption: "RATS results as reported."
      - chart:
          id: fig-membership
          preset: membership-by-status
          caption: "States by status."
    """

    /// RFC 4180 records: quoted fields may hold commas, doubled quotes and newlines.
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = "", quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else { field.append(character) }
            } else if character == "\"" { quoted = true
            } else if character == "," { record.append(field); field = ""
            } else if character == "\n" { record.append(field); records.append(record); record = []; field = ""
            } else { field.append(character) }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }

    /// The body rows of a Markdown table, cells trimmed.
    static func markdownRows(_ text: String) -> [[String]] {
        text.split(separator: "\n").filter { $0.hasPrefix("| ") }.dropFirst().map { line in
            line.dropFirst(2).dropLast(2).components(separatedBy: " | ").map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    /// A displayed number agrees with the full value to the digits it shows.
    static func displays(_ shown: String, _ value: Double) -> Bool {
        let plain = shown.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "\u{2212}", with: "-")
        guard let number = Double(plain) else { return false }
        let decimals = plain.split(separator: ".").dropFirst().first?.count ?? 0
        return abs(number - value) <= 0.5 * pow(10, -Double(decimals)) + 1e-12
    }

    private func figureSet() throws -> (folder: TemporaryFolder, read: (String) throws -> String) {
        let folder = try TemporaryFolder()
        let spec = try folder.write("typed.yaml", Self.spec)
        let result = try CLI.run(["report", spec, "-o", folder.file("typed.pdf"), "--figures", folder.file("set"), "--formats", "pdf", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        return (folder, { try String(contentsOfFile: folder.file("set/" + $0), encoding: .utf8) })
    }

    @Test func shareIsCountsAndAFullPrecisionPercentage() throws {
        let (_, read) = try figureSet()
        let rows = Self.records(try read("tab01-share.csv"))
        #expect(rows.first == ["year", "all", "in_sco_states", "share_percent"])
        let display = Self.markdownRows(try read("tab01-share.md"))
        #expect(rows.count - 1 == display.count && display.count > 5)
        for (row, shown) in zip(rows.dropFirst(), display) {
            let year = try #require(Int(row[0])), all = try #require(Int(row[1])), part = try #require(Int(row[2]))
            #expect(shown[0] == String(year) && part <= all)
            if all == 0 {
                #expect(row[3] == "", "no events in \(year): the share is unknown, not 0")
            } else {
                let share = try #require(Double(row[3]))
                #expect(abs(share - 100 * Double(part) / Double(all)) <= 1e-12 * share, "\(row)")
                #expect(Self.displays(shown[3], share), "\(shown[3]) shows \(share)")
            }
        }
    }

    @Test func cadenceHasGapsInMonthsAndISODates() throws {
        let (_, read) = try figureSet()
        let rows = Self.records(try read("tab02-cadence.csv"))
        #expect(rows.first == ["events", "n", "median_gap_months", "longest_gap_months", "longest_gap_start", "longest_gap_end"])
        let display = Self.markdownRows(try read("tab02-cadence.md"))
        #expect(rows.count - 1 == display.count && rows.dropFirst().first?.first == "all")
        for (row, shown) in zip(rows.dropFirst(), display) {
            #expect(row[0] == shown[0] && Int(row[1]) == Int(shown[1]))
            let median = try #require(Double(row[2])), longest = try #require(Double(row[3]))
            #expect(median <= longest && Self.displays(shown[2], median) && Self.displays(shown[3], longest), "\(row) vs \(shown)")
            #expect(row[4].range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil && row[4] < row[5])
            #expect(shown[4] == "\(row[4]) to \(row[5])")
        }
    }

    /// Every reported figure is the dataset's value as a number, its qualifier apart.
    @Test func indicatorsCarryTheDatasetsValuesAndQualifiers() throws {
        let (_, read) = try figureSet()
        let rows = Self.records(try read("tab03-rats.csv"))
        #expect(rows.first == ["indicator", "period_start", "period_end", "reported_on", "value", "qualifier", "unit", "scope", "source_id", "source"])
        let dataset = Self.records(try String(contentsOfFile: PackagePaths.datasets + "/indicators.csv", encoding: .utf8))
        let header = dataset[0]
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name)) }
        let (indicator, start, value, qualifier, source) = (try column("indicator"), try column("period_start"), try column("value"),
                                                             try column("qualifier"), try column("source_id"))
        #expect(rows.count == dataset.count && rows.count > 3)
        for row in rows.dropFirst() {
            let original = try #require(dataset.dropFirst().first { $0[indicator] == row[0] && $0[start] == row[1] && $0[source] == row[8] },
                                        "\(row) is in Datasets/indicators.csv")
            #expect(Double(row[4]) == Double(original[value]), "\(row[0]): \(row[4]) vs \(original[value])")
            #expect(row[5] == (original[qualifier].isEmpty ? "exact" : original[qualifier]))
            #expect(!row[9].isEmpty)
        }
        #expect(rows.contains { Double($0[4]) == 1300 && $0[5] == "more-than" }, "\"more than 1,300\" is 1300 with its qualifier, not text")
    }

    @Test func membershipIsWholeNumbersByYear() throws {
        let (_, read) = try figureSet()
        let rows = Self.records(try read("tab04-membership.csv"))
        #expect(rows.first == ["year", "members", "observers", "dialogue_partners"])
        let display = Self.markdownRows(try read("tab04-membership.md"))
        #expect(rows.count - 1 == display.count && display.count > 3)
        for (row, shown) in zip(rows.dropFirst(), display) {
            #expect(row.allSatisfy { Int($0) != nil }, "\(row)")
            #expect(row == shown, "the counts are whole numbers, the same in both")
        }
    }

    /// The rows of a shipped dataset, by its id column.
    private func dataset(_ name: String) throws -> (header: [String], rows: [String: [String]]) {
        let records = Self.records(try String(contentsOfFile: PackagePaths.datasets + "/\(name).csv", encoding: .utf8))
        let id = try #require(records[0].firstIndex(of: "id"))
        return (records[0], Dictionary(uniqueKeysWithValues: records.dropFirst().map { ($0[id], $0) }))
    }

    /// Each attack's casualties are the dataset's numbers, qualifier apart; dates and codes as stored.
    @Test func attacksExercisesAndDocumentsAreTheDatasetsFields() throws {
        let (_, read) = try figureSet()
        let attacks = Self.records(try read("tab05-attacks.csv"))
        #expect(attacks.first == ["id", "date", "country", "country_name", "place", "killed", "killed_qualifier", "wounded",
                                  "wounded_qualifier", "description", "source_id"])
        let stored = try dataset("attacks")
        func field(_ row: [String], _ name: String) throws -> String { row[try #require(stored.header.firstIndex(of: name), "\(name)")] }
        #expect(attacks.count - 1 == stored.rows.count)
        for row in attacks.dropFirst() {
            let original = try #require(stored.rows[row[0]])
            let (date, country) = (try field(original, "date"), try field(original, "country"))
            let (killed, wounded) = (try field(original, "killed"), try field(original, "wounded"))
            #expect(row[1] == date && row[2] == country)
            #expect(Double(row[5]) == Double(killed), "\(row[0]) killed")
            #expect(Double(row[7]) == Double(wounded), "\(row[0]) wounded")
            let qualifier = try field(original, "killed_qualifier")
            #expect(row[6] == (row[5].isEmpty ? "" : qualifier.isEmpty ? "exact" : qualifier), "\(row[0]) killed qualifier")
        }
        let exercises = Self.records(try read("tab06-exercises.csv"))
        #expect(exercises.first == ["id", "exercise", "start", "end", "hosts", "host_names", "kind", "source_id"])
        #expect(exercises.dropFirst().allSatisfy { $0[4].split(separator: ";").allSatisfy { $0.count == 3 && $0.uppercased() == $0 } })
        #expect(exercises.dropFirst().allSatisfy { $0[3].isEmpty || $0[2] <= $0[3] }, "the end is not before the start")
        let documents = Self.records(try read("tab07-documents.csv"))
        #expect(documents.first == ["id", "date", "document", "type", "place", "sources_disagree", "source_id"])
        #expect(documents.dropFirst().allSatisfy { ["true", "false"].contains($0[5]) && !$0[2].hasSuffix("†") })
        #expect(documents.dropFirst().contains { $0[5] == "true" })
    }

    /// A chart's data beside it is typed too: the RATS figures as numbers, membership by year.
    @Test func chartDataIsTyped() throws {
        let (_, read) = try figureSet()
        let rats = Self.records(try read("fig01-rats-data.csv"))
        #expect(rats.first?.prefix(6) == ["indicator", "period_start", "period_end", "reported_on", "value", "qualifier"])
        #expect(rats.count > 2 && rats.dropFirst().allSatisfy { Double($0[4]) != nil })
        #expect(rats.contains { Double($0[4]) == 1300 && $0[5] == "more-than" })
        let membership = Self.records(try read("fig02-membership-data.csv"))
        #expect(membership.first == ["year", "members", "observers", "dialogue_partners"])
        #expect(membership.count > 10 && membership.dropFirst().allSatisfy { $0.allSatisfy { Int($0) != nil } })
    }
}
