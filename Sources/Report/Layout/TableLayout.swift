import Analysis
import Render

/// A result table measured for a page: column widths (wrapping the widest text columns when the
/// natural widths do not fit), row heights, and the booktabs rules drawn around it.
struct TableLayout {
    struct Cell {
        var paragraph: Paragraph
        var height: Double
        /// Space kept clear right of a right-aligned number so that its decimal point lines up
        /// with the column's others (a number with fewer decimals stands further left).
        var rightInset = 0.0
    }

    /// The part of a numeric cell at and after its alignment point: the decimal point of a number
    /// ("2.45" → ".45", "1,300" → ""), the separator of an interval ("[1.62, 3.57]" → ", 3.57]");
    /// nil for text, which keeps plain right alignment.
    static func alignedTail(_ text: String) -> Substring? {
        if text.hasPrefix("["), let comma = text.firstIndex(of: ",") { return text[comma...] }
        let number = text.drop { "<>≤≥ ".contains($0) }
        guard let first = number.first, first.isNumber || first == "\u{2212}" || first == "-",
              number.allSatisfy({ $0.isNumber || ",.%\u{2212}-".contains($0) }) else { return nil }
        return number.firstIndex(of: ".").map { number[$0...] } ?? number[number.endIndex...]
    }

    var columnWidths: [Double]
    var header: [Cell]
    var headerHeight: Double
    var rows: [[Cell]]
    var rowHeights: [Double]
    static let cellPaddingX = 4.0
    static let cellPaddingY = 2.2
    private var cellPaddingX: Double { Self.cellPaddingX }
    private var cellPaddingY: Double { Self.cellPaddingY }
    var totalWidth: Double { columnWidths.reduce(0, +) }

    init(_ table: ResultTable, width available: Double, style: ReportStyle, pdf: any PagedDocument) {
        let measurer = pdf.textMeasurer
        let columnCount = table.columns.count
        let headerTexts = table.columns.map(\.title)
        // Estimates, intervals and p-values at one precision per column (ColumnPrecision).
        let cellTexts = table.displayRows()
        var natural = [Double](repeating: 0, count: columnCount)
        for (column, title) in headerTexts.enumerated() {
            natural[column] = measurer.measure(title, font: style.tableHeader).width
        }
        for row in cellTexts {
            for (column, text) in row.enumerated() {
                natural[column] = max(natural[column], measurer.measure(text, font: style.table).width)
            }
        }
        // The longest word of each column, measured only for a table too wide to set at its
        // natural widths (measuring every word of every cell was 3% of the briefing).
        func longestWords() -> [Double] {
            var longestWord = [Double](repeating: 0, count: columnCount)
            for (column, title) in headerTexts.enumerated() {
                longestWord[column] = title.split(separator: " ").map { measurer.measure(String($0), font: style.tableHeader).width }.max() ?? 0
            }
            for row in cellTexts {
                for (column, text) in row.enumerated() {
                    let word = text.split(separator: " ").map { measurer.measure(String($0), font: style.table).width }.max() ?? 0
                    longestWord[column] = max(longestWord[column], word)
                }
            }
            return longestWord
        }
        // Decimal alignment: in a right-aligned column every number's tail (its point and
        // decimals) gets the width of the widest tail, so the points stand in one vertical line.
        var insets = cellTexts.map { $0.map { _ in 0.0 } }
        for column in 0..<columnCount where table.columns[column].alignment == .right {
            let tails = cellTexts.map { Self.alignedTail($0[column]).map { measurer.measure(String($0), font: style.table).width } }
            let widest = tails.compactMap { $0 }.max() ?? 0
            for (row, tail) in tails.enumerated() {
                guard let tail else { continue }
                insets[row][column] = widest - tail
                natural[column] = max(natural[column], measurer.measure(cellTexts[row][column], font: style.table).width + widest - tail)
            }
        }
        let padding = 2 * Self.cellPaddingX
        var widths = natural.map { $0 + padding + 0.5 }
        // Too wide: every column gives up width in proportion to how much it could wrap
        // (its natural width less its longest word), as browsers lay out automatic tables.
        let excess = widths.reduce(0, +) - available
        if excess > 0 {
            let minimums = longestWords().map { $0 + padding + 1 }
            let slack = zip(widths, minimums).map { max(0, $0 - $1) }
            let totalSlack = slack.reduce(0, +)
            if totalSlack > 0 {
                let share = min(1, excess / totalSlack)
                widths = widths.indices.map { widths[$0] - slack[$0] * share }
            }
        }
        columnWidths = widths
        func cell(_ text: String, font: FontSpec, column: Int) -> Cell {
            let alignment: TextRun.Alignment = table.columns[column].alignment == .right ? .right : .left
            let paragraph = Paragraph(text: text, font: font, color: style.text, alignment: alignment, lineSpacing: 1.0)
            return Cell(paragraph: paragraph, height: pdf.measure(paragraph, width: widths[column] - padding).height)
        }
        header = headerTexts.enumerated().map { cell($1, font: style.tableHeader, column: $0) }
        headerHeight = (header.map(\.height).max() ?? 0) + 2 * Self.cellPaddingY
        rows = cellTexts.enumerated().map { index, row in
            row.enumerated().map { column, text in
                var made = cell(text, font: style.table, column: column)
                made.rightInset = insets[index][column]
                return made
            }
        }
        rowHeights = rows.map { ($0.map(\.height).max() ?? 0) + 2 * Self.cellPaddingY }
    }

    /// Height of the header and `range` of rows, with the rules.
    func height(rows range: Range<Int>) -> Double {
        headerHeight + rowHeights[range].reduce(0, +) + 3
    }

    /// Draws the header and `range` of rows with top, middle and bottom rules (booktabs).
    func draw(rows range: Range<Int>, at origin: Point, on pdf: any PagedDocument, style: ReportStyle) {
        var y = origin.y
        rule(at: y, width: 0.8, origin: origin, pdf: pdf, style: style)
        y += 1
        drawRow(header, height: headerHeight, y: y, x: origin.x, pdf: pdf, cellElement: .tableHeaderCell)
        y += headerHeight
        rule(at: y, width: 0.4, origin: origin, pdf: pdf, style: style)
        y += 1
        for index in range {
            drawRow(rows[index], height: rowHeights[index], y: y, x: origin.x, pdf: pdf, cellElement: .tableDataCell)
            y += rowHeights[index]
        }
        rule(at: y + 0.5, width: 0.8, origin: origin, pdf: pdf, style: style)
    }

    /// Draws a row as a table row (TR) of header (TH) or data (TD) cells in the PDF's structure.
    private func drawRow(_ cells: [Cell], height: Double, y: Double, x: Double, pdf: any PagedDocument, cellElement: StructureElement) {
        var left = x
        pdf.structure(.tableRow) {
            for (column, cell) in cells.enumerated() {
                pdf.structure(cellElement) {
                    pdf.draw(cell.paragraph, at: Point(x: left + cellPaddingX, y: y + cellPaddingY), width: columnWidths[column] - 2 * cellPaddingX - cell.rightInset)
                }
                left += columnWidths[column]
            }
        }
    }

    private func rule(at y: Double, width: Double, origin: Point, pdf: any PagedDocument, style: ReportStyle) {
        let path = Path.segment(Point(x: origin.x, y: y), Point(x: origin.x + totalWidth, y: y))
        pdf.draw(Scene(size: Size(width: totalWidth, height: 1), background: nil,
                       items: [.path(path, .stroke(Stroke(color: style.rule, width: width)))]), at: Point(x: 0, y: 0))
    }
}
