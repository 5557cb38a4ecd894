/// A part of a tagged document's logical structure: what a screen reader announces and the order
/// it reads in. The cases are PDF's standard structure types (ISO 32000-1, 14.8.4).
public enum StructureElement: Hashable, Sendable {
    /// A heading of level 1 to 6 (H1…H6).
    case heading(level: Int)
    /// A paragraph (P).
    case paragraph
    /// A figure (Figure) with its alternative text, read out in place of the picture.
    case figure(alt: String)
    /// A figure's or table's caption (Caption).
    case caption
    /// A table (Table), its rows (TR), header cells (TH) and data cells (TD).
    case table, tableRow, tableHeaderCell, tableDataCell
    /// A list (L), an item (LI), the item's bullet (Lbl) and its text (LBody).
    case list, listItem, listLabel, listBody
    /// A table of contents (TOC) and one of its entries (TOCI).
    case contents, contentsItem
    /// A generic block that groups others, such as a boxed message (Div).
    case division
    /// A piece of text inside a block (Span).
    case span

    /// The PDF structure type's name ("H2", "Figure", "TD").
    public var tag: String {
        switch self {
        case .heading(let level): return "H\(min(6, max(1, level)))"
        case .paragraph: return "P"
        case .figure: return "Figure"
        case .caption: return "Caption"
        case .table: return "Table"
        case .tableRow: return "TR"
        case .tableHeaderCell: return "TH"
        case .tableDataCell: return "TD"
        case .list: return "L"
        case .listItem: return "LI"
        case .listLabel: return "Lbl"
        case .listBody: return "LBody"
        case .contents: return "TOC"
        case .contentsItem: return "TOCI"
        case .division: return "Div"
        case .span: return "Span"
        }
    }
}
