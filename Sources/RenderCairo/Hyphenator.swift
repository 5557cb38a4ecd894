import CHyphen
import Foundation

/// Where words may break, from the TeX patterns libhyphen reads (the dictionaries LibreOffice
/// uses: Debian's hyphen-en-us and hyphen-ru). Pango 1.50 breaks a word only at a soft hyphen
/// (U+00AD), drawing a hyphen there, so hyphenating a paragraph means putting soft hyphens at
/// the points the patterns allow. Chinese needs none: it breaks between any two characters.
final class Hyphenator: @unchecked Sendable {
    /// Where Debian installs the pattern files.
    static let folder = "/usr/share/hyphen"
    /// The pattern file of each language the reports are written in that hyphenates.
    static let files = ["en": "hyph_en_US.dic", "ru": "hyph_ru_RU.dic"]
    /// Shorter words are never broken: a break in a five-letter word saves too little to be worth it.
    static let shortestWord = 6

    private let dictionary: OpaquePointer
    /// The pattern file's character set, named on its first line: "UTF-8" (hyph_en_US) or "KOI8-R" (hyph_ru_RU).
    private let charset: String
    /// Letters kept before and after a break: 2 and 3 in English (as Chicago and TeX's
    /// \lefthyphenmin/\righthyphenmin), 2 and 2 in Russian; the pattern file may ask for more.
    private let leftMinimum: Int32, rightMinimum: Int32
    /// libhyphen's dictionary is read-only after loading, but one lock keeps the C calls simple to reason about.
    private let lock = NSLock()

    private init?(path: String, leftMinimum: Int32, rightMinimum: Int32) {
        guard let dictionary = hnj_hyphen_load(path),
              let head = FileManager.default.contents(atPath: path)?.prefix(32),
              let firstLine = String(decoding: head, as: UTF8.self).split(whereSeparator: \.isNewline).first else { return nil }
        self.dictionary = OpaquePointer(dictionary)
        charset = firstLine.trimmingCharacters(in: .whitespaces).uppercased()
        self.leftMinimum = leftMinimum
        self.rightMinimum = rightMinimum
    }

    deinit { hnj_hyphen_free(UnsafeMutablePointer(dictionary)) }

    private static let cacheLock = NSLock()
    nonisolated(unsafe) private static var cache: [String: Hyphenator?] = [:]

    /// The hyphenator of a BCP 47 language ("en", "ru-RU"), loaded once; nil for a language with
    /// no pattern file here (Chinese, or a machine without the hyphen packages).
    static func forLanguage(_ tag: String) -> Hyphenator? {
        let language = String(tag.lowercased().prefix { $0.isLetter })
        cacheLock.lock()
        defer { cacheLock.unlock() }
        if let cached = cache[language] { return cached }
        let loaded = files[language].flatMap { file in
            Hyphenator(path: folder + "/" + file, leftMinimum: 2, rightMinimum: language == "en" ? 3 : 2)
        }
        cache[language] = loaded
        return loaded
    }

    /// The character offsets inside `word` after which it may break ("hyphenation" → 2, 6: hy-phen-ation).
    func breaks(in word: String) -> [Int] {
        let characters = Array(word)
        guard characters.count >= Self.shortestWord, characters.allSatisfy(\.isLetter) else { return [] }
        // The patterns are lower case; lowering Latin or Cyrillic letters keeps their number.
        let lowered = word.lowercased()
        guard lowered.count == characters.count else { return [] }
        guard let bytes = encoded(lowered) else { return [] }
        // libhyphen looks for the dictionary's NOHYPHEN strings with strstr, so the word must end
        // in a NUL even though its length is passed (AddressSanitizer caught the read past the end).
        let terminated = bytes + [0]
        var hyphens = [CChar](repeating: 0, count: bytes.count + 5)
        var rep: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        var pos: UnsafeMutablePointer<Int32>? = nil
        var cut: UnsafeMutablePointer<Int32>? = nil
        lock.lock()
        let status = terminated.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { word in
                hnj_hyphen_hyphenate3(UnsafeMutablePointer(dictionary), word.baseAddress, Int32(bytes.count), &hyphens, nil,
                                      &rep, &pos, &cut, leftMinimum, rightMinimum, 2, 2)
            }
        }
        lock.unlock()
        defer {
            // Non-standard breaks (a letter changed at the break: German "Schiff=fahrt") are not used,
            // but libhyphen allocates their tables; en and ru patterns have none.
            if let rep {
                for index in 0..<bytes.count { free(rep[index]) }
                free(rep)
            }
            free(pos)
            free(cut)
        }
        guard status == 0, rep == nil else { return [] }
        // The vector is indexed by character: libhyphen folds a UTF-8 word's bytes, and KOI8-R has one byte a letter.
        let count = characters.count
        return (1..<count).filter { hyphens[$0 - 1] & 1 == 1 && $0 >= Int(leftMinimum) && count - $0 >= Int(rightMinimum) }
    }

    /// `word` in the pattern file's character set; nil for a letter the set lacks (a Latin word
    /// against the Russian patterns), which is then not hyphenated.
    private func encoded(_ word: String) -> [UInt8]? {
        switch charset {
        case "UTF-8": return Array(word.utf8)
        case "KOI8-R":
            var bytes: [UInt8] = []
            for scalar in word.unicodeScalars {
                guard let byte = Self.koi8r[scalar] else { return nil }
                bytes.append(byte)
            }
            return bytes
        default: return nil
        }
    }

    /// The lower-case Russian letters in KOI8-R (RFC 1489), the set Debian's hyph_ru_RU.dic is written in.
    private static let koi8r: [Unicode.Scalar: UInt8] = {
        let letters = "юабцдефгхийклмнопярстужвьызшэщчъ"
        var table: [Unicode.Scalar: UInt8] = ["ё": 0xA3]
        for (offset, letter) in letters.unicodeScalars.enumerated() { table[letter] = UInt8(0xC0 + offset) }
        return table
    }()

    /// `text` with a soft hyphen at every allowed break of each of its words.
    func hyphenated(_ text: String) -> String {
        var result = ""
        var word = ""
        func flush() {
            guard !word.isEmpty else { return }
            let breaks = Set(breaks(in: word))
            for (offset, character) in word.enumerated() {
                if breaks.contains(offset) { result.append("\u{00AD}") }
                result.append(character)
            }
            word = ""
        }
        for character in text {
            if character.isLetter { word.append(character) } else { flush(); result.append(character) }
        }
        flush()
        return result
    }
}
