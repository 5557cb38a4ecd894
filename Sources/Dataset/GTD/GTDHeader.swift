import Foundation
import Support

/// Where the columns the import reads are in one GTD file, found from its header line by name,
/// so an export with columns in another order, or with extra ones, imports the same.
struct GTDHeader {
    let columnCount: Int
    let eventid: Int
    let iyear: Int
    let imonth: Int
    let iday: Int
    let countryText: Int
    let nkill: Int
    let nwound: Int
    let approxdate: Int?
    let provstate: Int?
    let city: Int?
    let latitude: Int?
    let longitude: Int?
    let summary: Int?
    let attackType: Int?
    let targetType: Int?
    let groupName: Int?
    let success: Int?
    let suicide: Int?
    let doubtterr: Int?

    /// Carried columns the file lacks; their output columns stay blank.
    static func missingCarried(in names: [String]) -> [String] {
        let present = Set(names.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        return GTDExportColumns.carried.filter { !present.contains($0.lowercased()) }
    }

    init(row: CSVRow) throws(Diagnostic) {
        let names = try row.strings()
        let location = SourceLocation(file: row.file, line: row.line, column: 1)
        if names.count == 1 {
            throw GTDHeader.singleColumnProblem(names[0], location: location)
        }
        var positions: [String: Int] = [:]
        var lowercased: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            if positions[trimmed] == nil { positions[trimmed] = index }
            if lowercased[trimmed.lowercased()] == nil { lowercased[trimmed.lowercased()] = index }
        }
        // Exact names first; a column whose case differs (INT_LOG as int_log) is still the column.
        func find(_ name: String) -> Int? { positions[name] ?? lowercased[name.lowercased()] }

        let missing = GTDExportColumns.required.filter { find($0) == nil }
        if !missing.isEmpty {
            throw GTDHeader.missingColumnsProblem(missing, names: names, location: SourceLocation(file: row.file, line: row.line))
        }
        columnCount = names.count
        eventid = find("eventid")!
        iyear = find("iyear")!
        imonth = find("imonth")!
        iday = find("iday")!
        countryText = find("country_txt")!
        nkill = find("nkill")!
        nwound = find("nwound")!
        approxdate = find("approxdate")
        provstate = find("provstate")
        city = find("city")
        latitude = find("latitude")
        longitude = find("longitude")
        summary = find("summary")
        attackType = find("attacktype1_txt")
        targetType = find("targtype1_txt")
        groupName = find("gname")
        success = find("success")
        suicide = find("suicide")
        doubtterr = find("doubtterr")
    }

    /// A header of one column: usually a file separated by something other than commas.
    private static func singleColumnProblem(_ name: String, location: SourceLocation) -> Diagnostic {
        if name.contains("\t") {
            return Diagnostic(location, "the header has no commas but has tabs: the file is tab-separated, not a GTD CSV export",
                              hint: "export the GTD as comma-separated CSV (in a spreadsheet: Save As 'CSV UTF-8'), not as tab-delimited text")
        }
        if name.contains(";") {
            return Diagnostic(location, "the header has no commas but has semicolons: the file is separated by ';', not a GTD CSV export",
                              hint: "spreadsheets in some locales save CSV with ';'; re-save it with ',' as the separator (or take START's original CSV)")
        }
        if name.contains("|") {
            return Diagnostic(location, "the header has no commas but has '|': the file is pipe-separated, not a GTD CSV export",
                              hint: "export the GTD as comma-separated CSV")
        }
        let shown = name.count > 60 ? String(name.prefix(60)) + "…" : name
        return Diagnostic(location, "the header has a single column ('\(shown)'), not GTD's \(GTDExportColumns.all.count) columns",
                          hint: "expected GTD's CSV export, whose first line starts \(GTDExportColumns.all.prefix(5).joined(separator: ","))")
    }

    private static func missingColumnsProblem(_ missing: [String], names: [String], location: SourceLocation) -> Diagnostic {
        let list = missing.map { "'\($0)'" }.joined(separator: ", ")
        let plural = missing.count == 1 ? "column" : "columns"
        // Header names GTD does not use, within two edits of a missing one ("iyaer" for "iyear").
        let unknown = Set(names).subtracting(GTDExportColumns.all)
        let suggestions = missing.compactMap { name -> String? in
            let close = unknown.map { ($0, Suggestion.editDistance($0.lowercased(), name)) }.filter { $0.1 <= 2 }.min { ($0.1, $0.0) < ($1.1, $1.0) }
            return close.map { "the header has '\($0.0)': did you mean '\(name)'?" }
        }
        let looksLikeGTD = names.contains("eventid") || names.contains("country_txt")
        let hint = !looksLikeGTD ? "this does not look like a GTD export, whose header starts \(GTDExportColumns.all.prefix(5).joined(separator: ","))"
            : suggestions.first ?? "the import needs \(GTDExportColumns.required.joined(separator: ", ")); use START's full CSV export, not a subset of its columns"
        return Diagnostic(location, "missing required \(plural) \(list) in the header", hint: hint)
    }
}

extension GTDHeader {
    /// Indices before the header is read; never used to read a row.
    static let placeholder = GTDHeader(columnCount: 0)

    private init(columnCount: Int) {
        self.columnCount = columnCount
        eventid = 0; iyear = 0; imonth = 0; iday = 0; countryText = 0; nkill = 0; nwound = 0
        approxdate = nil; provstate = nil; city = nil; latitude = nil; longitude = nil; summary = nil
        attackType = nil; targetType = nil; groupName = nil; success = nil; suicide = nil; doubtterr = nil
    }
}
