import ArgumentParser
import Render
import Report
import Support

/// The options of a figure set (`report --figures DIR`): resolution, formats, size or a journal's
/// columns, and whether the credit line is drawn in the artwork. Each is refused without `--figures`,
/// and checked before any work.
struct FigureSetArguments: ParsableArguments {
    @Option(help: ArgumentHelp("Resolution of the PNGs, \(Int(FigureSetOptions.dpiRange.lowerBound))–\(Int(FigureSetOptions.dpiRange.upperBound)) (default 300).", valueName: "dpi"))
    var dpi: Double?

    @Option(help: ArgumentHelp("Image formats, comma-separated: \(ImageFormat.allCases.map(\.rawValue).joined(separator: ", ")) (default pdf,png,svg).", valueName: "formats"))
    var formats: String?

    @Flag(name: .customLong("source-in-figure"), help: "Draw the source line in each figure too; by default it goes in captions.md, captions.tex and each file's metadata, as journals ask.")
    var sourceInFigure = false

    /// The flag `--source-in-figure` replaced (the credit is now left out by default): refused with what to write instead.
    @Flag(name: .customLong("no-source"), help: .hidden)
    var removedNoSource = false

    @Option(parsing: .unconditional, help: ArgumentHelp("Width of every figure with a unit (mm, cm, in, pt), e.g. 89mm.", valueName: "length"))
    var width: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Height of every figure with a unit, e.g. 60mm.", valueName: "length"))
    var height: String?

    @Option(help: ArgumentHelp("Draw each figure at this journal's column widths, type sizes, line weights, dpi and formats: \(JournalPreset.all.map(\.name).joined(separator: ", ")).", valueName: "journal"))
    var journal: String?

    @Option(help: ArgumentHelp("With --journal: a column (single, double; one-and-half for Elsevier, triple for Science), both (default) or all.", valueName: "column"))
    var column: String?

    /// The first figure-set option given, by its flag, for the "needs --figures" message.
    var givenOption: String? {
        [(dpi != nil, "--dpi"), (formats != nil, "--formats"), (sourceInFigure, "--source-in-figure"), (width != nil, "--width"),
         (height != nil, "--height"), (journal != nil, "--journal"), (column != nil, "--column")].first { $0.0 }?.1
    }

    /// The options, each checked: a dpi out of range, an unknown format or journal, a width beside
    /// a journal (which sets the widths), a dpi below the journal's or a height above it, or a column
    /// without a journal is refused with the reason. With a journal, its dpi and formats are the
    /// defaults; a given --dpi or --formats wins.
    func options() throws -> FigureSetOptions {
        if removedNoSource { throw Self.noSourceRemoved }
        var options = FigureSetOptions()
        if let dpi {
            guard FigureSetOptions.dpiRange.contains(dpi) else {
                throw ValidationError("--dpi must be between \(Int(FigureSetOptions.dpiRange.lowerBound)) and \(Int(FigureSetOptions.dpiRange.upperBound)), e.g. 300 or 600 (got \(dpi))")
            }
            options.dpi = dpi
        }
        if let formats {
            var chosen: [ImageFormat] = []
            for word in formats.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
                guard let format = ImageFormat(rawValue: word) else {
                    let names = ImageFormat.allCases.map(\.rawValue)
                    let suggestion = Suggestion.closest(to: word, in: names).map { " (did you mean '\($0)'?)" } ?? ""
                    throw ValidationError("--formats: '\(word)' is not an image format\(suggestion); give some of \(names.joined(separator: ", "))")
                }
                if !chosen.contains(format) { chosen.append(format) }
            }
            guard !chosen.isEmpty else { throw ValidationError("--formats needs at least one format, e.g. pdf,png") }
            options.formats = chosen
        }
        options.includeSource = sourceInFigure
        if let width { options.width = try Self.length(width, option: "--width") }
        if let height { options.height = try Self.length(height, option: "--height") }
        if let journal {
            let preset = try JournalChoice.preset(journal)
            if self.width != nil { throw JournalChoice.widthConflict }
            if let dpi { try JournalChoice.check(dpi: dpi, for: preset) } else { options.dpi = preset.figureDPI }
            if formats == nil { options.formats = preset.formats }
            if let height = options.height { try JournalChoice.check(height: height, for: preset) }
            options.journal = preset
            options.columns = try JournalChoice.columns(column, of: preset, several: true, fallback: ["single", "double"])
        } else if column != nil {
            throw ValidationError("--column picks a journal's column; add --journal \(JournalPreset.all.map(\.name).joined(separator: "|")), or use --width")
        }
        return options
    }

    /// `report --no-source`: what a figure set now does by default, and the flag that does the opposite.
    static let noSourceRemoved = ValidationError(
        "--no-source is no longer needed: a figure set leaves the source line out of the artwork by default and sets it in "
            + "captions.md, captions.tex and each file's metadata; did you mean --source-in-figure (to draw it in the figures too)?")

    private static func length(_ text: String, option: String) throws -> Length {
        do {
            return try Length(checking: text)
        } catch {
            throw ValidationError("\(option) \(error.message)")
        }
    }
}
