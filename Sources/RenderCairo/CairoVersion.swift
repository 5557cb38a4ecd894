import CCairo

/// The Cairo and Pango versions this build is linked against.
/// Calling them at start-up makes a missing system library fail at link time, not at first draw.
public enum GraphicsLibraries {
    /// The cairo version, e.g. "1.16.0".
    public static var cairoVersion: String { String(cString: cairo_version_string()) }
    /// The Pango version, e.g. "1.50.12".
    public static var pangoVersion: String { String(cString: pango_version_string()) }
}
