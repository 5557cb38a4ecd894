extension Localiser {
    /// The units a number is kept with in the language (`typography.units`, separated by "|"):
    /// symbols ("mm", "%") and the words the language sets like them ("человек", "гг.").
    var units: [String] {
        text("typography.units").split(separator: "|").map { String($0) }.filter { !$0.isEmpty }
    }

    /// The words of the figure and table labels and references before their number ("Figure",
    /// "Table", "рис.", "Таблица"), from the catalog's own `figure.*` and `table.*` messages.
    var referenceWords: [String] {
        let keys = ["figure.label", "table.label", "figure.reference", "table.reference"]
        let words = keys.compactMap { key -> String? in
            let message = text(key)
            guard message.hasSuffix(" {n}") else { return nil }  // "图{n}": no space to keep
            return String(message.dropLast(4))
        }
        // Capitalised too: a reference starts a sentence as often as not ("Рис. 2 показывает").
        return Array(Set(words + words.map { $0.prefix(1).uppercased() + $0.dropFirst() }))
    }
}
