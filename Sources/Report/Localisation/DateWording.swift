import Dataset

extension Localiser {
    /// Russian month names in the genitive, as a day's date uses them ("9 июня 2017 г.").
    private static let russianGenitiveMonths = ["января", "февраля", "марта", "апреля", "мая", "июня",
                                                "июля", "августа", "сентября", "октября", "ноября", "декабря"]
    /// Russian month names in the nominative, as a month on its own is written ("июнь 2017 г.").
    private static let russianMonths = ["январь", "февраль", "март", "апрель", "май", "июнь",
                                        "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"]

    /// A date in running text, in CLDR's long forms: "2017-06-09" (en keeps the ISO form the
    /// tables use), "9 июня 2017 г." / "июнь 2017 г." / "2017 г." (ru), "2017年6月9日" /
    /// "2017年6月" / "2017年" (zh). Text that is not a date comes back unchanged.
    public func date(_ text: String) -> String {
        guard language != .english, let date = try? PartialDate(parsing: text) else { return text }
        return self.date(date)
    }

    /// `date` in the language's long form (see `date(_:)`).
    public func date(_ date: PartialDate) -> String {
        switch language {
        case .english:
            return date.description
        case .russian:
            guard let month = date.month else { return "\(date.year) г." }
            guard let day = date.day else { return "\(Self.russianMonths[month - 1]) \(date.year) г." }
            return "\(day) \(Self.russianGenitiveMonths[month - 1]) \(date.year) г."
        case .chinese:
            guard let month = date.month else { return "\(date.year)年" }
            guard let day = date.day else { return "\(date.year)年\(month)月" }
            return "\(date.year)年\(month)月\(day)日"
        }
    }

    /// A day in the language's long form ("2017-06-09", "9 июня 2017 г.", "2017年6月9日").
    public func date(_ day: DayDate) -> String {
        date(day.description)
    }

    /// A run of months not covered ("1993", "2021–2024", "2020-12..2021-03", "2024-03") as the
    /// language writes it: whole years as a period, months as dates or a range of dates.
    public func span(_ span: UncoveredSpan) -> String {
        let text = span.description
        guard language != .english else { return text }
        if let dots = text.range(of: "..") {
            return self.text("range", ["from": date(String(text[..<dots.lowerBound])), "to": date(String(text[dots.upperBound...]))])
        }
        return text.contains("-") ? date(text) : period(text)
    }
}
