import Support

extension TableLoader {
    /// A table an import wrote, read on the strength of its stamp, with what the caller must still
    /// check against the other tables: the countries its rows name. (Every row cites the stamp's
    /// source, which `loadImported` checked.)
    struct ImportedTable {
        var table: Table
        var countryCodes: Set<String>
    }

    /// Reads a table that `ImportStamp.vouching` has matched to the file an import wrote: a typed
    /// parse of the columns asked for (`columns`, nil for all), without the per-cell messages,
    /// cell positions and duplicate-key check of `load`, which the import's own checks make
    /// redundant. Columns not asked for are skipped over in the reader's buffer, never turned
    /// into text.
    ///
    /// Nil as soon as anything is not as an import writes it (a header the catalog does not have,
    /// a ragged row, a cell the fast parser cannot decide, a row citing another source): the
    /// caller then validates the file in full with `load`, which reports the problem where it is.
    func loadImported(_ schema: TableSchema, path: String, displayName: String, columns: Set<String>?,
                      sourceID: String) -> ImportedTable? {
        // An import always names its source; an empty one is not what it wrote.
        guard !sourceID.isEmpty else { return nil }
        var fastParser = FastCellParser(columns: schema.columns)
        let source = Array(sourceID.utf8)
        let sourceCell = CellValue.text(sourceID)
        var rows: [Table.Row] = []
        var layout: Table.Layout? = nil
        var headerCount = 0
        // File column → slot for the columns read, and the file column of source_id.
        var reads: [(fileColumn: Int, schemaColumn: Int, slot: Int)] = []
        var sourceColumn = -1
        struct NotAsImported: Error {}
        do {
            let reader = try CSVReader(path: path, displayName: displayName, limits: limits)
            try reader.forEachRow { row in
                guard let layout else {
                    let names = try row.strings()
                    let (mapping, problems) = checkHeader(names, schema: schema, file: displayName, line: row.line)
                    guard problems.isEmpty else { throw NotAsImported() }
                    let kept = mapping.enumerated().compactMap { file, schemaIndex -> (Int, Int)? in
                        guard let schemaIndex, columns?.contains(schema.columns[schemaIndex].name) ?? true else { return nil }
                        return (file, schemaIndex)
                    }
                    let made = Table.Layout(schema: schema, keeping: kept.map(\.1))
                    reads = kept.enumerated().map { slot, pair in (pair.0, pair.1, slot) }
                    sourceColumn = names.firstIndex(of: "source_id") ?? -1
                    guard sourceColumn >= 0 else { throw NotAsImported() }
                    headerCount = names.count
                    layout = made
                    rows.reserveCapacity(1024)
                    return
                }
                guard row.count == headerCount, row.rawBytes(sourceColumn).elementsEqual(source) else { throw NotAsImported() }
                var values = [CellValue](repeating: .blank, count: reads.count)
                for read in reads {
                    // Every row's source_id is the stamp's (checked above): one shared cell
                    // rather than one string per row.
                    if read.fileColumn == sourceColumn {
                        values[read.slot] = sourceCell
                    } else if row.spans[read.fileColumn].hasDoubledQuotes {
                        values[read.slot] = try CellParser.parse(try row.string(read.fileColumn), as: schema.columns[read.schemaColumn])
                    } else if let value = fastParser.parse(row.rawBytes(read.fileColumn), column: read.schemaColumn) {
                        values[read.slot] = value
                    } else {
                        throw NotAsImported()
                    }
                }
                rows.append(Table.Row(line: row.line, values: values, layout: layout, cellPositions: []))
            }
        } catch {
            return nil
        }
        // An import always writes a header and at least one row; an empty table gets `load`'s message.
        guard layout != nil, !rows.isEmpty else { return nil }
        let table = Table(schema: schema, file: displayName, rows: rows, loadedColumns: columns)
        return ImportedTable(table: table, countryCodes: fastParser.countryCodesSeen)
    }
}
