import Analysis

/// The alternative text a screen reader reads in place of a chart: its label and caption, then
/// its largest values read from the chart's own data, in the report's language.
public enum FigureDescription {
    /// The description of a figure: "Figure 1. Attacks named in the sources by year, 2001–2011. Largest values: 2004: 6; 2009: 4; 2002: 3."
    public static func text(label: String, caption: String, data: ResultTable, localiser: Localiser) -> String {
        // Without a caption (a single chart), the lead's own trailing space would double the next one.
        let base = caption.isEmpty ? localiser.captionLead(label).trimmingCharacters(in: .whitespaces) : localiser.captionLead(label) + caption
        guard let largest = largestValues(data, localiser: localiser) else { return base }
        return base + (localiser.language == .chinese ? "" : " ") + localiser.text("alt.largest", ["values": largest])
    }

    /// The (up to) three rows with the largest value in the data's last column, when that column
    /// alone holds numbers: each as its other cells (country codes as names) and the value
    /// ("2004: 6"). Nil for data without one.
    public static func largestValues(_ data: ResultTable, localiser: Localiser, count: Int = 3) -> String? {
        guard let column = data.columns.indices.last, column > 0 else { return nil }
        let rows: [(label: String, value: Double)] = data.rows.compactMap { row in
            guard row.count == data.columns.count else { return nil }
            let value: Double
            switch row[column] {
            case .integer(let v): value = Double(v)
            case .number(let v, _), .estimate(let v): value = v
            default: return nil
            }
            var labels: [String] = []
            for cell in row[..<column] {
                guard case .text(let text) = cell else { return nil }
                labels.append(localiser.countryName(code: text) ?? localiser.cell(text))
            }
            return (labels.joined(separator: localiser.language == .chinese ? "，" : ", "), value)
        }
        guard rows.count == data.rows.count, !rows.isEmpty else { return nil }
        // Largest first; ties in the data's order, so the text is the same every run.
        let top = rows.enumerated().sorted { ($0.element.value, -$0.offset) > ($1.element.value, -$1.offset) }.prefix(count)
        let separator = localiser.language == .chinese ? "；" : "; "
        func number(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? localiser.grouped(Int(value)) : localiser.numbers(in: String(format: "%.2f", value))
        }
        let colon = localiser.language == .chinese ? "：" : ": "
        return top.map { "\($0.element.label)\(colon)\(number($0.element.value))" }.joined(separator: separator)
    }
}
