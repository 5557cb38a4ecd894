import CCairo
import Render

extension Paragraph {
    /// The spans as Pango markup: how the Cairo backend hands styled text to Pango in one layout.
    var pangoMarkup: String {
        spans.map { span in
            var piece = Paragraph.escaped(span.text)
            if span.bold { piece = "<b>\(piece)</b>" }
            if span.italic { piece = "<i>\(piece)</i>" }
            if let color = span.color { piece = "<span foreground=\"\(color.hexString)\">\(piece)</span>" }
            return piece
        }.joined()
    }

    /// Text escaped for Pango markup. One pass over the UTF-8 bytes: a briefing escapes every
    /// paragraph each time it is measured and drawn, and Foundation's `replacingOccurrences`
    /// (through NSString) was most of that time.
    static func escaped(_ text: String) -> String {
        let special: (UInt8) -> Bool = { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }
        guard text.utf8.contains(where: special) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Color {
    /// "#0072B2", the form Pango markup takes.
    var hexString: String {
        func byte(_ value: Double) -> String {
            let text = String(Int((value * 255).rounded()), radix: 16, uppercase: true)
            return text.count == 1 ? "0" + text : text
        }
        return "#" + byte(red) + byte(green) + byte(blue)
    }
}

extension ParagraphMetrics {
    /// The line extents of a laid-out Pango paragraph.
    init(layout: PangoLayoutHandle) {
        var tops: [Double] = [], bottoms: [Double] = []
        let iter = pango_layout_get_iter(layout.pointer)
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, nil, &logical)
            tops.append(Double(logical.y) / Double(PANGO_SCALE))
            bottoms.append(Double(logical.y + logical.height) / Double(PANGO_SCALE))
        } while pango_layout_iter_next_line(iter) != 0
        pango_layout_iter_free(iter)
        self.init(lineTops: tops, lineBottoms: bottoms)
    }
}
