import Analysis
import Dataset
import Render
import Foundation

/// Every fixed word a report writes, in the report's language: messages from the language's
/// catalog (English for a key it lacks), country names from the corpus's Russian and Chinese
/// columns, and numbers in the language's CLDR conventions.
public struct Localiser: Sendable {
    /// The report's language.
    public let language: ReportLanguage
    private let messages: [String: String]
    /// English country name → the name in `language` (countries.csv's name_ru / name_zh).
    private let countries: [String: String]
    /// Country code → the name in `language` (English names for English).
    private let countryCodes: [String: String]
    /// The named attacks, to name a row for a reader where a note would print its id.
    private let attacks: [Attack]

    /// A localiser for `language`; country names come from `corpus` when one is given.
    public init(language: ReportLanguage, corpus: Corpus? = nil) {
        self.language = language
        messages = MessageCatalog.english.merging(MessageCatalog.entries(for: language)) { _, translated in translated }
        var countries: [String: String] = [:], codes: [String: String] = [:]
        for country in corpus?.countries ?? [] {
            let name = language == .russian ? country.nameRussian : language == .chinese ? country.nameChinese : country.nameEnglish
            guard let name, !name.isEmpty else { continue }
            codes[country.code] = name
            if language != .english { countries[country.nameEnglish] = name }
        }
        self.countries = countries
        countryCodes = codes
        attacks = corpus?.attacks ?? []
    }

    /// A row of the attacks table named for a reader ("Iran, 2024"; "Moscow, Russia, 2024-03-22"),
    /// not by its id; an id the table lacks stays as it is.
    public func rowName(id: String) -> String {
        guard let attack = attacks.first(where: { $0.id == id }) else { return id }
        return ([attack.place, countryCodes[attack.country] ?? attack.country].compactMap { $0 } + [date(attack.date)])
            .joined(separator: text("caveat.list-separator"))
    }

    /// The message `key` with each `{name}` replaced by its argument; the key itself if no catalog has it.
    public func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        var message = messages[key] ?? key
        for (name, value) in arguments { message = message.replacingOccurrences(of: "{\(name)}", with: value) }
        return message
    }

    /// A fixed label a chart or table shows ("Killed (where stated)", "period", a country's English
    /// name) in the report's language; unknown labels (data, such as a place name) stay as they are.
    public func label(_ english: String) -> String {
        if language == .english { return english }
        if let country = countries[english] { return country }
        if let message = messages["label:" + english] { return message }
        return english
    }

    /// A table cell: a label, else each comma-separated part that is a label ("Moscow, Russia" →
    /// "Moscow, Россия"), with its numbers set in the language's conventions.
    public func cell(_ english: String) -> String {
        if language == .english { return english }
        let whole = label(english)
        if whole != english { return whole }
        // "more than 1,300": a reported quantity.
        for qualifier in Qualifier.allCases where qualifier != .exact && english.hasPrefix(qualifier.prefix) {
            let rest = english.dropFirst(qualifier.prefix.count)
            if rest.first?.isNumber == true { return qualifierPrefix(qualifier) + numbers(in: String(rest)) }
        }
        // "2017-12-28" or "2012-08": a date, in CLDR's long form ("28 декабря 2017 г.", "2017年12月28日").
        // A bare year stays as it is: year columns read "2017", not "2017 г.".
        // Each pattern is tried only when the cell can match it (a digit first, a fixed prefix):
        // most cells are numbers or names, and a ru/zh briefing has thousands of them.
        let leadingDigit = english.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
        if leadingDigit, english.wholeMatch(of: Patterns.isoDate) != nil { return date(english) }
        // "2002-10-10 to 2002-10-11": a span of dates.
        if leadingDigit, let match = english.wholeMatch(of: Patterns.dateSpan) {
            return text("range", ["from": cellDate(match.1), "to": cellDate(match.2)])
        }
        // "period not stated (reported 2017-12-28)"
        if english.hasPrefix("period not stated"), let match = english.wholeMatch(of: Patterns.periodNotStated) {
            return text("period.not-stated", ["date": cellDate(match.1)])
        }
        let parts = english.components(separatedBy: ", ")
        let translated = parts.count > 1 ? parts.map { verdict($0) ?? label($0) }.joined(separator: ", ") : verdict(english) ?? english
        return numbers(in: translated)
    }

    /// A date inside a cell in the long form; a bare year unchanged.
    private func cellDate(_ iso: Substring) -> String {
        iso.contains("-") ? date(String(iso)) : String(iso)
    }

    /// "increasing at α = 0.05" (the Mann–Kendall verdict) or "dispersion = 1.02" (a count
    /// model's): a trend table's detail cell in the report's language; nil for any other text.
    private func verdict(_ english: String) -> String? {
        if english.hasPrefix("dispersion = "), let match = english.wholeMatch(of: Patterns.dispersion) {
            return text("cell.dispersion", ["value": String(match.1)])
        }
        guard english.contains(" at α = "), let match = english.wholeMatch(of: Patterns.verdict) else { return nil }
        let key = match.1 == "no trend" ? "cell.verdict.no-trend" : "cell.verdict.\(match.1)"
        return text(key, ["alpha": String(match.2)])
    }

    /// `value` grouped by thousands: "1,300" (en, zh), "1 300" (ru, with a narrow no-break space).
    public func grouped(_ value: Int) -> String {
        numbers(in: NumberText.grouped(value))
    }

    /// Numbers written the English way inside `text` ("1,300", "2.45", "[0.42, 1.31]", "5.3%")
    /// rewritten in the language's CLDR conventions. Russian: a decimal comma, a narrow no-break
    /// space between thousands, a semicolon between two numbers of an interval, and a no-break
    /// space before a percent sign. Chinese keeps the English forms.
    public func numbers(in text: String) -> String {
        guard language == .russian, text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return text }
        var result = text
        // "[1.62, 3.57]" → "[1.62; 3.57]": once the decimal point is a comma, a comma cannot separate numbers.
        for (pattern, replacement) in Patterns.russianNumbers {
            result = pattern.stringByReplacingMatches(in: result, range: NSRange(result.startIndex..., in: result), withTemplate: replacement)
        }
        return result
    }

    /// A reported quantity ("more than 1,300") in the language: the qualifier from the catalog, the number localised.
    public func quantity(_ quantity: Quantity) -> String {
        guard let value = quantity.value else { return quantity.description }
        let number = value == value.rounded() && abs(value) < 1e15 ? grouped(Int(value)) : numbers(in: String(value))
        return qualifierPrefix(quantity.qualifier) + number
    }

    /// The words before a qualified number ("more than "), as the language writes them; "" for an exact figure.
    public func qualifierPrefix(_ qualifier: Qualifier) -> String {
        qualifier == .exact ? "" : text("qualifier." + qualifier.rawValue)
    }

    /// `text` with every whole sentence the catalog translates replaced by its translation, and
    /// its numbers localised: for notes the analyses write in English from fixed sentences.
    public func sentences(in text: String) -> String {
        guard language != .english else { return text }
        var result = text
        for (key, translation) in messages where key.hasPrefix("label:") && key.hasSuffix(".") && key.count > 24 {
            result = result.replacingOccurrences(of: String(key.dropFirst(6)), with: translation)
        }
        return numbers(in: result)
    }

    /// The country a code names ("RUS" → "Russia", "Россия", "俄罗斯"); nil for a code the corpus lacks.
    public func countryName(code: String) -> String? { countryCodes[code] }

    /// "Figure 3" in the language.
    public func figureLabel(_ number: Int) -> String { text("figure.label", ["n": String(number)]) }

    /// "Table 2" in the language.
    public func tableLabel(_ number: Int) -> String { text("table.label", ["n": String(number)]) }

    /// A caption's lead before its text: "Figure 3. " (en, ru), "图3　" (zh).
    public func captionLead(_ label: String) -> String { text("caption.lead", ["label": label]) }
}

extension Localiser {
    /// A period of whole years as the language writes it in running text: "2001–2011" (en),
    /// "2001–2011 гг." and "2024 г." (ru), "2001–2011年" (zh). Other periods (months) stay as given.
    public func period(_ text: String) -> String {
        if text.range(of: #"^\d{4}$"#, options: .regularExpression) != nil { return self.text("period.year", ["p": text]) }
        if text.range(of: #"^\d{4}–\d{4}$"#, options: .regularExpression) != nil { return self.text("period.years", ["p": text]) }
        return text
    }
}

extension Localiser {
    /// A result table as the report shows it: column headers and fixed cell words in the report's
    /// language, country names from the corpus, numbers in the language's conventions. Data the
    /// sources word (an attack's description) stays as the corpus has it. English returns `table`.
    public func localised(_ table: ResultTable) -> ResultTable {
        guard language != .english else { return displayNames(table) }
        var result = table
        result.columns = table.columns.map { ResultTable.Column(localisedHeader($0.title), alignment: $0.alignment) }
        // Each column's precision is chosen before the cells become localised text.
        result.rows = zip(table.rows, table.displayRows()).map { row, texts in
            zip(row, texts).map { cell, text in
                switch cell {
                case .missing: return cell
                default: return .text(self.cell(text))
                }
            }
        }
        return result
    }

    /// An English table with display names where the data hold ids: a country code is its name
    /// ("CHN" → "China", as the figures write it) and a kind is its words ("joint-exercise" →
    /// "joint exercise"), so no internal id is printed.
    private func displayNames(_ table: ResultTable) -> ResultTable {
        var result = table
        result.rows = table.rows.map { row in
            row.map { cell in
                guard case .text(let text) = cell else { return cell }
                if let name = countryName(code: text) { return .text(name) }
                if let date = Self.englishDates(text) { return .text(date) }
                if let words = messages["label:" + text], words != text { return .text(words) }
                return cell
            }
        }
        return result
    }

    /// ISO dates in one English style: "2017-12-28" → "28 December 2017", "2012-08" → "August
    /// 2012", and a span "A to B" → "A – B" with an en dash; nil for any other text.
    static func englishDates(_ text: String) -> String? {
        func long(_ iso: Substring) -> String? {
            let parts = iso.split(separator: "-").compactMap { Int($0) }
            guard parts.count == iso.split(separator: "-").count, (2...3).contains(parts.count), (1...12).contains(parts[1]) else { return nil }
            let month = PartialDate.monthNames[parts[1] - 1]
            return parts.count == 3 ? "\(parts[2]) \(month) \(parts[0])" : "\(month) \(parts[0])"
        }
        if let match = text.wholeMatch(of: Patterns.isoSpan) {
            guard let from = long(match.1), let to = long(match.2) ?? (match.2.count == 4 ? String(match.2) : nil) else { return nil }
            return "\(from) – \(to)"
        }
        guard text.wholeMatch(of: Patterns.isoDate) != nil else { return nil }
        return long(Substring(text))
    }

    /// "95% CI" and "per year 2001–2011" as well as single words: a header may end in a period.
    private func localisedHeader(_ title: String) -> String {
        let whole = label(title)
        if whole != title { return whole }
        if let range = title.range(of: #" (\d{4}(–\d{4})?)$"#, options: .regularExpression) {
            let head = String(title[..<range.lowerBound])
            let translated = label(head)
            if translated != head { return translated + " " + period(String(title[range].dropFirst())) }
        }
        return numbers(in: title)
    }
}

extension Localiser {
    /// A chart's bound data with the words it draws in the report's language: category and
    /// series names (countries from the corpus), axis titles and the size legend's title.
    public func localised(_ binding: ChartBinding) -> ChartBinding {
        guard language != .english else { return binding }
        func value(_ v: ChartBinding.Value) -> ChartBinding.Value {
            if case .text(let text) = v { return .text(cell(text)) }
            return v
        }
        var result = binding
        result.rows = binding.rows.map { row in
            var row = row
            row.x = value(row.x)
            row.series = row.series.map(label)
            return row
        }
        result.xValues = binding.xValues.map(value)
        result.series = binding.series.map(label)
        result.xTitle = binding.xTitle.map(label)
        result.yTitle = label(binding.yTitle)
        result.sizeTitle = binding.sizeTitle.map(label)
        result.events = localised(binding.events)
        return result
    }

    /// Event lines' labels in the report's language ("2017: India and Pakistan join" from a
    /// preset); a user's own label, which no catalog holds, stays as written.
    public func localised(_ events: [EventNote]) -> [EventNote] {
        events.map { EventNote(x: $0.x, label: label($0.label)) }
    }
}

extension Localiser {
    /// A chart with the fixed words it draws itself (a bar chart's "n/a" and its key's labels, a
    /// timeline's "Unknown" size key) in the report's language; other kinds are returned as they are.
    public func localisedWords(_ chart: any ChartKind) -> any ChartKind {
        if var timeline = chart as? TimelineChart {
            timeline.unknownMagnitudeLabel = label("Unknown")
            return timeline
        }
        guard let bars = chart as? BarChart else { return chart }
        return localisedWords(bars)
    }

    /// A bar chart whose "n/a" mark and key labels are in the report's language.
    public func localisedWords(_ chart: BarChart) -> BarChart {
        var bars = chart
        bars.words.notReported = text("chart.not-reported")
        bars.words.notReportedKey = text("chart.not-reported.key")
        bars.words.lowerBoundKey = text("chart.lower-bound.key")
        return bars
    }
}
