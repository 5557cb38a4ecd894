import Render

/// Styled runs turned into Pango markup, with the byte ranges of links so their areas can be made clickable.
struct MarkupText {
    var markup: String
    /// Byte offsets into the paragraph's plain text, with the link's target.
    var links: [(range: Range<Int>, target: String)]

    init(_ runs: [MarkupRun], linkColor: Color, prefix: [MarkupRun] = []) {
        var markup = ""
        var links: [(Range<Int>, String)] = []
        var plainLength = 0
        for run in prefix + runs {
            var piece = Paragraph.escaped(run.text)
            if run.bold { piece = "<b>\(piece)</b>" }
            if run.italic { piece = "<i>\(piece)</i>" }
            if let target = run.link {
                piece = "<span foreground=\"\(linkColor.hexString)\">\(piece)</span>"
                links.append((plainLength..<plainLength + run.text.utf8.count, target))
            }
            markup += piece
            plainLength += run.text.utf8.count
        }
        self.markup = markup
        self.links = links
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
