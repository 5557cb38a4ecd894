import Foundation
import Testing
import TestSupport

/// The README's own-data examples run as written: every `scobrief` line of the code blocks under
/// "Your own data" and "Trends and comparisons on your own data" is taken from README.md and run by
/// the real binary in a folder holding CSVs of the shapes the README describes.
@Suite struct ReadmeOwnDataTests {
    /// The `scobrief …` lines of the first `sh` block after `heading`, without their comments.
    static func commands(after heading: String) throws -> [[String]] {
        let readme = try String(contentsOfFile: CLI.packageRoot + "/README.md", encoding: .utf8)
        let section = try #require(readme.range(of: "\n" + heading + "\n"))
        let rest = readme[section.upperBound...]
        let start = try #require(rest.range(of: "```sh\n"))
        let end = try #require(rest[start.upperBound...].range(of: "```"))
        return rest[start.upperBound..<end.lowerBound].split(separator: "\n").compactMap { line in
            let command = line.split(separator: "#", maxSplits: 1).first.map(String.init) ?? ""
            let words = command.split(separator: " ").map(String.init)
            return words.first == "scobrief" ? Array(words.dropFirst()) : nil
        }
    }

    /// The files the README's examples name, with the columns it says they have.
    static func folder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder(prefix: "scobrief-readme")
        let regions = ["North", "South", "East"]
        var my = ["year,region,value"], sectors = ["year,region,sector,value"], survey = ["year,region,incidents"]
        for year in 2010...2020 {
            for (r, region) in regions.enumerated() {
                my.append("\(year),\(region),\(Double(year - 2000 + r * 3) * 1.5)")
                for (s, sector) in ["public", "private"].enumerated() { sectors.append("\(year),\(region),\(sector),\(year - 2000 + r + s * 4)") }
                if r < 2 { survey.append("\(year),\(region),\((year * 7 + r * 5) % 23 + 2)") }
            }
        }
        var events = ["date,place"]
        for i in 0..<150 { events.append("\(2008 + i % 15)-\(String(format: "%02d", i % 12 + 1))-\(String(format: "%02d", i % 28 + 1)),P\(i)") }
        let files = [
            "my.csv": my, "sectors.csv": sectors, "survey.csv": survey, "events.csv": events,
            "rates.csv": ["period,region,rate", "2001-2011,North,2.5", "2001-2011,South,1.2", "2024,North,4", "2024,South,0.5"],
            "wide.csv": ["region,y2001,y2024", "North,2.5,4", "South,1.2,0.5", "East,3,3.5"],
        ]
        for (name, lines) in files { try folder.write(name, Array((lines.joined(separator: "\n") + "\n").utf8)) }
        return folder
    }

    @Test func everyOwnDataCommandOfTheReadmeRunsAsWritten() throws {
        let charts = try Self.commands(after: "### Your own data")
        let analyses = try Self.commands(after: "### Trends and comparisons on your own data")
        #expect(charts.count >= 7 && analyses.count >= 3, "\(charts) \(analyses)")
        let folder = try Self.folder()
        for arguments in charts + analyses {
            let result = try CLI.run(arguments, in: folder.path)
            #expect(result.status == 0, "scobrief \(arguments.joined(separator: " ")): \(result.stderr)")
            if let o = arguments.firstIndex(of: "-o") {
                #expect(FileManager.default.fileExists(atPath: folder.file(arguments[o + 1])), "\(arguments) wrote nothing")
            } else {
                #expect(!result.stdout.isEmpty, "\(arguments) printed nothing")
            }
        }
    }
}
