#if canImport(Glibc)
import Glibc
#endif
import CCairo
import Foundation

/// Pango font maps reused by the renderers of a process, one at a time: a measurer takes a map
/// when it is made and gives it back when it goes away, and the next measurer made on the same
/// thread gets the same map with its fonts already loaded and its font sets already sorted. A
/// process that renders one figure after another (a test suite, `report --figures`, a server) so
/// builds one font map per thread, not one per renderer.
///
/// A map is handed on only within the thread that gave it back, and only when nothing else still
/// holds it: a Pango font map and its fonts must not be used from two threads at once, and a
/// context or layout made from the map that outlived its measurer would still reach the map's
/// fonts (and, when it goes, remove them from the map's tables) while another thread drew with it.
/// Renderers alive at the same time each hold a map of their own.
final class FontMapPool: @unchecked Sendable {
    static let shared = FontMapPool()

    private let lock = NSLock()
    /// Idle maps by the thread that gave them back, as addresses (a pointer is not Sendable); each
    /// holds one reference.
    private var idle: [UInt: [UInt]] = [:]

    private static var currentThread: UInt { UInt(bitPattern: Int(bitPattern: UInt(pthread_self()))) }

    /// A font map for one measurer's exclusive use until it is given back.
    func take() -> UnsafeMutablePointer<PangoFontMap> {
        let thread = Self.currentThread
        let reused: UInt? = lock.withLock { idle[thread]?.popLast() }
        if let reused { return UnsafeMutablePointer(bitPattern: reused)! }
        // fontconfig is set up before the first map, which would otherwise load the system's configuration.
        FontConfiguration.ensure()
        return pango_cairo_font_map_new()!
    }

    /// Returns a map taken with `take`; no context made from it may be used afterwards.
    func give(_ map: UnsafeMutablePointer<PangoFontMap>) {
        // Our reference is the only one left only when no context or layout made from the map is
        // alive; otherwise the map goes when they do, and is not reused.
        let object = UnsafeMutableRawPointer(map).assumingMemoryBound(to: GObject.self)
        guard object.pointee.ref_count == 1 else {
            g_object_unref(UnsafeMutableRawPointer(map))
            return
        }
        let thread = Self.currentThread
        lock.withLock { idle[thread, default: []].append(UInt(bitPattern: map)) }
    }
}
