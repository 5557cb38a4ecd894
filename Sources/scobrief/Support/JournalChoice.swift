import ArgumentParser
import Render
import Support

/// `--journal NAME` and `--column NAME`, shared by `chart` and `report --figures` so both read
/// the one preset table and refuse the same conflicts with the same words: a width beside a
/// journal (the journal sets it), a dpi below what the guideline asks for, a height above its
/// tallest figure, an unknown journal or column (with the closest name).
enum JournalChoice {
    /// The preset called `name`, or a usage error naming the closest one and the list.
    static func preset(_ name: String) throws -> JournalPreset {
        guard let preset = JournalPreset.named(name) else {
            let names = JournalPreset.all.map(\.name)
            let suggestion = Suggestion.closest(to: name.lowercased(), in: names).map { " (did you mean '\($0)'?)" } ?? ""
            throw ValidationError("--journal: no preset '\(name)'\(suggestion); the presets are \(names.joined(separator: ", "))")
        }
        return preset
    }

    /// The columns `text` names for `preset`: one name, or (when `several` is allowed) "both" for
    /// single and double, "all" for every column. Nil text is `fallback`.
    static func columns(_ text: String?, of preset: JournalPreset, several: Bool, fallback: [String]) throws -> [String] {
        guard let text else { return fallback }
        let word = text.lowercased()
        if several && word == "both" { return ["single", "double"] }
        if several && word == "all" { return preset.columns.map(\.name) }
        if let column = preset.column(named: word) { return [column.name] }
        let names = preset.columns.map(\.name)
        let choices = several ? names + ["both", "all"] : names
        if !several && (word == "both" || word == "all") {
            throw ValidationError("--column \(word): a chart is one file at one width; give one of \(names.joined(separator: ", ")), or use report --figures for several")
        }
        let suggestion = Suggestion.closest(to: word, in: choices).map { " (did you mean '\($0)'?)" } ?? ""
        throw ValidationError("--column: \(preset.name) has no column '\(text)'\(suggestion); it has \(choices.joined(separator: ", "))")
    }

    /// Refuses a dpi below the least the guideline asks for colour artwork.
    static func check(dpi: Double, for preset: JournalPreset) throws {
        guard dpi >= preset.halftoneDPI else {
            throw ValidationError("--dpi \(format(dpi)) is below the \(format(preset.halftoneDPI)) dpi \(preset.name)'s guidelines ask for; leave --dpi out for \(format(preset.figureDPI)) dpi, or give at least \(format(preset.halftoneDPI))")
        }
    }

    /// Refuses a height above the journal's tallest figure.
    static func check(height: Length, for preset: JournalPreset) throws {
        if let problem = preset.heightProblem(height) { throw ValidationError("--height: \(problem)") }
    }

    /// The refusal of `--width` beside `--journal`.
    static let widthConflict = ValidationError("--width and --journal both set the width; the journal's --column sets it. Leave one out")

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
