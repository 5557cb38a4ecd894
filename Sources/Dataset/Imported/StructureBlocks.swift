import CByteMasks

/// The separators of CSV data — commas and line ends outside quoted cells — found 64 bytes at a
/// time, as bits of one word per block (SSE2 compares in `CByteMasks`), and handed out in order:
/// one at a time for the columns a reader parses, or counted up to the next line end for the
/// columns it skips. Quoted cells are found with the prefix XOR of the quote bits (a doubled
/// quote toggles twice); a separator inside one is not a separator.
///
/// The data must start at a row's start (outside quotes). Whatever the general CSV reader might
/// refuse, or `StampedAttacksReader` does not accept, is recorded in `firstRefusal`: a quote that
/// opens a cell anywhere but at its start, a closing quote followed by anything but a separator
/// or another quote, a carriage return outside quotes, a NUL byte anywhere.
struct StructureBlocks {
    /// The bytes the buffer needs after its data: the sentinel and the rest of a last block.
    static let padding = 65

    private let buffer: UnsafeMutablePointer<UInt8>
    /// Where the data starts (a row's start).
    private let start: Int
    /// The bytes from here on are not the data's: their bits are masked off.
    private let limit: Int
    /// The current block's first byte.
    private var base: Int
    /// The current block's separators not handed out yet, bit k for byte `base + k`.
    private var separators: UInt64 = 0
    /// Those that are line ends.
    private var lineEnds: UInt64 = 0
    /// All ones when the current block ends inside a quoted cell, else zero.
    private var quotedAtEnd: UInt64 = 0
    /// The first byte seen so far that makes the data refused, `Int.max` for none.
    private(set) var firstRefusal = Int.max

    /// The blocks of `buffer[start..<limit]`. `buffer[limit]` and the 63 bytes after it must be
    /// readable; a byte `buffer[limit - 1]` that is a quote must be followed by a readable byte
    /// (the caller's sentinel).
    init(_ buffer: UnsafeMutablePointer<UInt8>, from start: Int, limit: Int) {
        self.buffer = buffer
        self.start = start
        self.limit = limit
        base = start
        if start < limit { classify() }
    }

    /// The position of the next separator, or nil when there is none before `limit`.
    @inline(__always)
    mutating func nextSeparator() -> Int? {
        while separators == 0 {
            guard advance() else { return nil }
        }
        let position = base + separators.trailingZeroBitCount
        separators &= separators &- 1
        // The line ends are among the separators: the one handed out is dropped from both.
        lineEnds &= separators
        return position
    }

    /// The position of the next line end, and the commas before it (since the last separator
    /// handed out); nil when there is none before `limit`.
    @inline(__always)
    mutating func nextLineEnd() -> (position: Int, commas: Int)? {
        var commas = 0
        while lineEnds == 0 {
            commas &+= separators.nonzeroBitCount
            guard advance() else { return nil }
        }
        let below = (lineEnds & (0 &- lineEnds)) &- 1
        commas &+= (separators & below).nonzeroBitCount
        let position = base + lineEnds.trailingZeroBitCount
        separators &= ~below << 1
        lineEnds &= lineEnds &- 1
        return (position, commas)
    }

    /// Moves to the next block; false when it would start at or past `limit`.
    @inline(__always)
    private mutating func advance() -> Bool {
        base += 64
        guard base < limit else { return false }
        classify()
        return true
    }

    /// The current block's separators and line ends, and the refusals in it.
    @inline(__always)
    private mutating func classify() {
        let masks = scobrief_byte_masks_of(buffer + base)
        let valid: UInt64 = limit - base >= 64 ? ~0 : (1 &<< UInt64(limit - base)) &- 1
        // Bit k set: byte k is inside a quoted cell, or is the quote that opens one.
        var quoted = quotedAtEnd
        let quotes = masks.quotes & valid
        if quotes != 0 {
            var parity = quotes
            parity ^= parity &<< 1
            parity ^= parity &<< 2
            parity ^= parity &<< 4
            parity ^= parity &<< 8
            parity ^= parity &<< 16
            parity ^= parity &<< 32
            quoted ^= parity
            checkQuotes(quotes, quoted)
        }
        quotedAtEnd = quoted >> 63 == 0 ? 0 : ~0
        let specials = masks.specials & valid
        if specials != 0 { checkSpecials(specials, quoted) }
        lineEnds = masks.newlines & valid & ~quoted
        separators = masks.commas & valid & ~quoted | lineEnds
    }

    /// An opening quote must start a cell (follow a separator, the data's start, or the closing
    /// quote of a doubled pair); a closing quote must end one (come before a separator, or the
    /// opening quote of a doubled pair). Quotes are few: checked one by one.
    private mutating func checkQuotes(_ quotes: UInt64, _ quoted: UInt64) {
        var remaining = quotes
        while remaining != 0 {
            let bit = remaining.trailingZeroBitCount
            remaining &= remaining &- 1
            let position = base + bit
            let neighbour: UInt8
            if (quoted >> UInt64(bit)) & 1 != 0 {
                if position == start { continue }
                neighbour = buffer[position - 1]
            } else {
                // The byte after one at `limit - 1` is the caller's sentinel, a line end.
                neighbour = buffer[position + 1]
            }
            if neighbour != UInt8(ascii: ","), neighbour != UInt8(ascii: "\n"), neighbour != UInt8(ascii: "\"") {
                refuse(at: position)
            }
        }
    }

    /// A NUL byte anywhere, a carriage return outside quotes.
    private mutating func checkSpecials(_ specials: UInt64, _ quoted: UInt64) {
        var remaining = specials
        while remaining != 0 {
            let bit = remaining.trailingZeroBitCount
            remaining &= remaining &- 1
            if buffer[base + bit] == 0 || (quoted >> UInt64(bit)) & 1 == 0 { refuse(at: base + bit) }
        }
    }

    private mutating func refuse(at position: Int) {
        firstRefusal = min(firstRefusal, position)
    }
}
