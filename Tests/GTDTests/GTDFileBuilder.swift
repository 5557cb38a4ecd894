@testable import Dataset

/// Hand-made GTD files for the cases a generator should not produce: each row names only the
/// columns it needs, the others stay blank, in the export's full column layout.
struct GTDFileBuilder {
    var columns = GTDExportColumns.all
    var delimiter = ","
    var lineEnd = "\n"
    private(set) var lines: [String] = []

    init(columns: [String] = GTDExportColumns.all, delimiter: String = ",", lineEnd: String = "\n") {
        self.columns = columns
        self.delimiter = delimiter
        self.lineEnd = lineEnd
    }

    /// A plausible incident; `values` override or add columns (raw CSV field text, already quoted if needed).
    mutating func add(_ eventid: String, year: String = "2005", month: String = "3", day: String = "7", country: String = "Russia",
                      killed: String = "1", wounded: String = "2", _ values: [String: String] = [:]) {
        var fields: [String: String] = [
            "eventid": eventid, "iyear": year, "imonth": month, "iday": day, "country_txt": country, "nkill": killed, "nwound": wounded,
            "city": "Grozny", "provstate": "Chechnya", "attacktype1_txt": "Bombing/Explosion", "targtype1_txt": "Police",
            "gname": "Unknown", "success": "1", "suicide": "0", "doubtterr": "0", "latitude": "43.3", "longitude": "45.7",
        ]
        for (key, value) in values { fields[key] = value }
        lines.append(columns.map { fields[$0] ?? "" }.joined(separator: delimiter))
    }

    mutating func addRaw(_ line: String) {
        lines.append(line)
    }

    var text: String {
        ([columns.joined(separator: delimiter)] + lines).joined(separator: lineEnd) + lineEnd
    }

    var bytes: [UInt8] { Array(text.utf8) }
}
