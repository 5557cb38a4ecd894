/// "Did you mean" suggestions for misspelt names, by edit distance.
public enum Suggestion {
    /// The closest candidate within a distance that still looks like a typo, or nil.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let lowered = word.lowercased()
        var best: (String, Int, Int)?
        for candidate in candidates {
            let distance = typoDistance(lowered, candidate.lowercased())
            // Ties go to the longer shared beginning ("RUX" → RUS, not LUX), then to alphabetical
            // order, so the hint does not depend on a set's iteration order.
            let prefix = zip(lowered, candidate.lowercased()).prefix { $0 == $1 }.count
            if let current = best, (distance, -prefix, candidate) >= (current.1, -current.2, current.0) { continue }
            best = (candidate, distance, prefix)
        }
        guard let (candidate, distance, _) = best else { return nil }
        // Allow about one edit per three characters: "contry" → "country", but not "x" → "id".
        let allowed = max(1, min(3, word.count / 3))
        return distance <= allowed ? candidate : nil
    }

    /// Edit distance in which swapping two neighbouring characters is one edit ("titel" → "title"),
    /// the commonest typing slip (optimal string alignment distance, over Unicode scalars).
    public static func typoDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }

    /// Levenshtein distance over Unicode scalars.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
