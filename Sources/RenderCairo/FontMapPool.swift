import CCairo
import Foundation

/// Pango font maps shared by every renderer in the process, one at a time: a measurer takes a map
/// when it is made and gives it back when it goes away, and the next measurer gets the same map
/// with its fonts already loaded and its font sets already sorted. A process that renders one
/// figure after another (a test suite, `report --figures`, a server) so builds one font map,
/// not one per renderer; renderers alive at the same time, as on separate threads, each hold a
/// map of their own, because a Pango font map must not be used from two threads at once.
final class FontMapPool: @unchecked Sendable {
    static let shared = FontMapPool()

    private let lock = NSLock()
    /// Idle maps, as addresses (a pointer is not Sendable); each holds one reference.
    private var idle: [UInt] = []

    /// A font map for one measurer's exclusive use until it is given back.
    func take() -> UnsafeMutablePointer<PangoFontMap> {
        let reused: UInt? = lock.withLock { idle.popLast() }
        if let reused { return UnsafeMutablePointer(bitPattern: reused)! }
        // fontconfig is set up before the first map, which would otherwise load the system's configuration.
        FontConfiguration.ensure()
        return pango_cairo_font_map_new()!
    }

    /// Returns a map taken with `take`; no context made from it may be used afterwards.
    func give(_ map: UnsafeMutablePointer<PangoFontMap>) {
        lock.withLock { idle.append(UInt(bitPattern: map)) }
    }
}
