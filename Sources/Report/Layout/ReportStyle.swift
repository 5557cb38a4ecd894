import Render

/// Type sizes, faces and colours of a report page. Body text is set in a serif face for long
/// reading; headings, captions, tables and notes in the charts' sans face so figures and text match.
struct ReportStyle {
    static let sans = Theme.defaultFontFamily
    static let serif = "Liberation Serif, DejaVu Serif, Noto Serif CJK SC"

    var body: FontSpec
    var bodyLeading: Double
    var paragraphSpacing: Double
    var headings: [Int: FontSpec]
    var headingSpaceAbove: [Int: Double]
    var caption: FontSpec
    var captionLabel: FontSpec
    var note: FontSpec
    var table: FontSpec
    var tableHeader: FontSpec
    var header: FontSpec
    var keyValue: FontSpec
    var keyLabel: FontSpec
    var titlePageTitle: FontSpec
    var titlePageSubtitle: FontSpec
    var text = Color(rgb: 0x1A1A1A)
    var secondary = Color(rgb: 0x5A5A5A)
    var accent = Color(rgb: 0x0072B2)
    var rule = Color(rgb: 0x333333)
    var keyBackground = Color(rgb: 0xEEF4F9)

    /// The characters a body line aims at: within the 45–75 readers find comfortable, near the
    /// 66 typographers recommend; Chinese lines, of full-width characters, hold about 36.
    static func charactersPerLine(_ language: String) -> Double { language == "zh" ? 36 : 66 }
    /// Ordinary prose in the report's language whose average character width stands for the body face's.
    static func measureSample(_ language: String) -> String {
        switch language {
        case "ru": return "Каждое число в этом обзоре вычислено по корпусу данных с указанием источников, и каждый рисунок называет свои строки."
        case "zh": return "本简报中的每个数字均根据附有出处的语料库计算得出，每幅图都注明其所用数据行的出处。"
        default: return "Every number in this briefing is computed from its sourced corpus, and each figure names the rows it uses."
        }
    }

    /// The characters a caption line aims at: about 68, so a caption under a full-width figure is
    /// read as comfortably as the body (a caption at the full 170 mm ran past 110); Chinese about 38.
    static func captionCharactersPerLine(_ language: String) -> Double { language == "zh" ? 38 : 68 }

    /// The width of `captionCharactersPerLine` average characters of prose in the caption face and `language`.
    func captionMeasure(_ measurer: TextMeasurer, language: String) -> Double {
        let sample = Self.measureSample(language)
        return (measurer.measure(sample, font: caption).width / Double(sample.count) * Self.captionCharactersPerLine(language)).rounded(.up)
    }

    /// The width of `charactersPerLine` average characters of prose in the body face and `language`.
    func measure(_ measurer: TextMeasurer, language: String) -> Double {
        let sample = Self.measureSample(language)
        return (measurer.measure(sample, font: body).width / Double(sample.count) * Self.charactersPerLine(language)).rounded(.up)
    }

    static func named(_ theme: String) -> ReportStyle {
        let paper = theme == "paper"
        let bodySize = paper ? 9.5 : 10.5
        return ReportStyle(
            body: FontSpec(family: serif, size: bodySize),
            bodyLeading: 1.18,
            paragraphSpacing: bodySize * 0.6,
            headings: [1: FontSpec(family: sans, size: paper ? 13 : 16, weight: .bold),
                       2: FontSpec(family: sans, size: paper ? 11 : 12.5, weight: .bold),
                       3: FontSpec(family: sans, size: paper ? 9.5 : 10.5, weight: .bold)],
            headingSpaceAbove: [1: 16, 2: 12, 3: 8],
            caption: FontSpec(family: sans, size: paper ? 8 : 9),
            captionLabel: FontSpec(family: sans, size: paper ? 8 : 9, weight: .bold),
            note: FontSpec(family: sans, size: paper ? 7 : 7.5),
            table: FontSpec(family: sans, size: paper ? 7.5 : 8.5),
            tableHeader: FontSpec(family: sans, size: paper ? 7.5 : 8.5, weight: .bold),
            header: FontSpec(family: sans, size: 7.5),
            keyValue: FontSpec(family: sans, size: 22, weight: .bold),
            keyLabel: FontSpec(family: sans, size: 8.5),
            titlePageTitle: FontSpec(family: sans, size: 26, weight: .bold),
            titlePageSubtitle: FontSpec(family: sans, size: 14))
    }
}
