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
}
