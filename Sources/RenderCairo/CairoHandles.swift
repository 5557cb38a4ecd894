import CCairo
import Render

/// Owns a cairo surface.
final class CairoSurface {
    let pointer: OpaquePointer

    init(_ surface: OpaquePointer) { pointer = surface }
    deinit { cairo_surface_destroy(pointer) }

    func check() throws {
        let status = cairo_surface_status(pointer)
        if status != CAIRO_STATUS_SUCCESS { throw RenderError.cairo(String(cString: cairo_status_to_string(status))) }
    }

    func finish() throws {
        cairo_surface_finish(pointer)
        try check()
    }
}

/// Owns a cairo drawing context; keeps its surface alive (cairo also holds a reference).
final class CairoContext {
    let pointer: OpaquePointer
    let surface: CairoSurface

    init(surface: CairoSurface) {
        self.surface = surface
        pointer = cairo_create(surface.pointer)
    }

    deinit { cairo_destroy(pointer) }

    func check() throws {
        let status = cairo_status(pointer)
        if status != CAIRO_STATUS_SUCCESS { throw RenderError.cairo(String(cString: cairo_status_to_string(status))) }
    }
}


/// Collects bytes that cairo writes to a stream surface.
final class ByteSink {
    var bytes: [UInt8] = []

    /// A C callback for `cairo_*_surface_create_for_stream`; the closure argument is this sink.
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }

    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}
