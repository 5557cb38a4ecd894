import Support

/// The one reader of a block's `table:` for chart and table blocks alike: a table of the spec's
/// `tables:` or a corpus table, with the keys that belong to the other kind refused, since they
/// would be ignored.
extension OwnTableStore {
    /// A block key given in the spec, with where it is written (nil: at the block).
    struct BlockKey {
        var name: String
        var location: SourceLocation?
    }

    /// The own table `name` names, or nil for a corpus table. `ownKeys` are the keys given that
    /// only an own table reads (`time:`, `color:`); on a corpus table the first is an error saying
    /// what it reads (`reads`). `corpusKeys` are those given that only the corpus reads (`countries:`);
    /// on an own table the first is an error saying what it does (`does`), with `ownHint`.
    func blockTable(_ name: String?, at location: SourceLocation, ownKeys: [BlockKey], reads: (String) -> String, corpusHint: String,
                    corpusKeys: [String], does: (String) -> String, ownHint: String) throws(Diagnostic) -> String? {
        guard let name, table(named: name) != nil else {
            if let key = ownKeys.first {
                throw Diagnostic(key.location ?? location, "\(reads(key.name)) a table of the spec's tables:; '\(name ?? "attacks")' is a corpus table",
                                 hint: corpusHint)
            }
            return nil
        }
        if let key = corpusKeys.first {
            throw Diagnostic(location, "\(does(key)); '\(name)' is your own table", hint: ownHint)
        }
        return name
    }
}
