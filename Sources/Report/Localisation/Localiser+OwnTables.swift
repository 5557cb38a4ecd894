import Analysis

extension Localiser {
    /// A note about a user's own table in the report's language (its `own.note.*` message, with
    /// numbers in the language's conventions); English prints the note as the command line does.
    public func note(_ note: OwnTableNote) -> String {
        language == .english ? note.description : numbers(in: text(note.key, note.arguments))
    }
}
