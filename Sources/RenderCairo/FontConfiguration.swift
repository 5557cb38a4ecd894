import CCairo
import Foundation

/// fontconfig, set up once per process from a small configuration of SCOBrief's own instead of the
/// system's `/etc/fonts/fonts.conf`.
///
/// Why: the system configuration includes every file in `conf.d` (about 35 on Debian, most of them
/// family aliases and per-language preferences), and parsing them is most of fontconfig's start-up:
/// about 8 ms of CPU against under 1 ms for this one, on every `scobrief` command that draws. The
/// charts name their families ("Liberation Sans, DejaVu Sans, Noto Sans CJK SC", see `Theme`), so
/// the aliases are never consulted for them.
///
/// What is kept: the system's font directories and caches (the same ones `fonts.conf` lists, so a
/// character none of the named families has still finds any installed font that has it), and the
/// rules that change how a chosen face is drawn: synthetic oblique and bold for faces that have no
/// italic or bold (Noto Sans CJK has no italic) and the antialiasing and hinting defaults, written
/// out here as Debian's `conf.d` states them so that the output does not depend on which of those
/// files a machine has. Left out: the user's own configuration, so a figure's bytes do not depend
/// on who draws it.
///
/// `SCOBRIEF_FONTCONFIG=system` (or setting `FONTCONFIG_FILE` / `FONTCONFIG_PATH`) keeps the
/// system configuration, as does any failure to build this one or a configuration that finds none
/// of the theme's families.
public enum FontConfiguration {
    /// Which configuration this process uses; set up on first use, before the first font map.
    public enum Choice: String, Sendable {
        /// SCOBrief's narrowed configuration.
        case narrowed
        /// The system's, as fontconfig loads it by default.
        case system
    }

    /// Sets fontconfig up (once per process) and says which configuration is in use. Call before
    /// anything that touches fontconfig: creating a Pango font map does.
    @discardableResult
    public static func ensure() -> Choice { installed }

    /// The families the narrowed configuration must find, else the system's is used: the themes'
    /// and the report's sans and serif faces.
    static let requiredFamilies = ["Liberation Sans", "DejaVu Sans", "Liberation Serif", "DejaVu Serif"]

    // A static let is initialised once, thread-safely, on first use.
    private static let installed: Choice = install()

    private static func install() -> Choice {
        let environment = ProcessInfo.processInfo.environment
        if environment["SCOBRIEF_FONTCONFIG"] == "system" || environment["FONTCONFIG_FILE"] != nil
            || environment["FONTCONFIG_PATH"] != nil {
            return .system
        }
        guard let config = FcConfigCreate() else { return .system }
        let loaded = configurationXML.withCString { xml in
            xml.withMemoryRebound(to: FcChar8.self, capacity: configurationXML.utf8.count + 1) {
                FcConfigParseAndLoadFromMemory(config, $0, FcTrue) == FcTrue
            }
        }
        guard loaded, FcConfigBuildFonts(config) == FcTrue, requiredFamilies.allSatisfy({ has($0, in: config) }),
              FcConfigSetCurrent(config) == FcTrue else {
            FcConfigDestroy(config)
            return .system
        }
        // The configuration stays current for the life of the process; fontconfig holds it.
        return .narrowed
    }

    /// Whether `config` has a face of `family`.
    private static func has(_ family: String, in config: OpaquePointer) -> Bool {
        guard let pattern = FcPatternCreate() else { return false }
        defer { FcPatternDestroy(pattern) }
        _ = family.withCString { name in
            name.withMemoryRebound(to: FcChar8.self, capacity: family.utf8.count + 1) { FcPatternAddString(pattern, FC_FAMILY, $0) }
        }
        guard let objects = FcObjectSetCreate() else { return false }
        defer { FcObjectSetDestroy(objects) }
        _ = FcObjectSetAdd(objects, FC_FAMILY)
        guard let fonts = FcFontList(config, pattern, objects) else { return false }
        defer { FcFontSetDestroy(fonts) }
        return fonts.pointee.nfont > 0
    }

    /// The configuration: `fonts.conf`'s directories and caches, and the drawing rules of Debian's
    /// `10-hinting-slight`, `10-yes-antialias`, `11-lcdfilter-default`, `20-unhint-small-dejavu-*`,
    /// `70-no-bitmaps` and `90-synthetic`.
    static let configurationXML = """
        <?xml version="1.0"?>
        <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
        <fontconfig>
          <dir>/usr/share/fonts</dir>
          <dir>/usr/local/share/fonts</dir>
          <dir prefix="xdg">fonts</dir>
          <dir>~/.fonts</dir>
          <selectfont><rejectfont><glob>*.dpkg-tmp</glob></rejectfont></selectfont>
          <selectfont><rejectfont><glob>*.dpkg-new</glob></rejectfont></selectfont>
          <cachedir>/var/cache/fontconfig</cachedir>
          <cachedir prefix="xdg">fontconfig</cachedir>
          <cachedir>~/.fontconfig</cachedir>
          <match target="pattern"><edit name="hintstyle" mode="append"><const>hintslight</const></edit></match>
          <match target="pattern"><edit name="antialias" mode="append"><bool>true</bool></edit></match>
          <match target="pattern"><edit name="lcdfilter" mode="append"><const>lcddefault</const></edit></match>
          <selectfont><rejectfont><pattern><patelt name="scalable"><bool>false</bool></patelt></pattern></rejectfont></selectfont>
          <match target="font">
            <test name="family"><string>DejaVu Sans</string></test>
            <test compare="less" name="pixelsize"><double>7.5</double></test>
            <edit name="hinting"><bool>false</bool></edit>
          </match>
          <match target="font">
            <test name="family"><string>DejaVu Serif</string></test>
            <test compare="less" name="pixelsize"><double>7.5</double></test>
            <edit name="hinting"><bool>false</bool></edit>
          </match>
          <match target="font">
            <test name="slant"><const>roman</const></test>
            <test target="pattern" name="slant" compare="not_eq"><const>roman</const></test>
            <edit name="matrix" mode="assign">
              <times><name>matrix</name><matrix><double>1</double><double>0.2</double><double>0</double><double>1</double></matrix></times>
            </edit>
            <edit name="slant" mode="assign"><const>oblique</const></edit>
            <edit name="embeddedbitmap" mode="assign"><bool>false</bool></edit>
          </match>
          <match target="font">
            <test name="weight" compare="less_eq"><const>medium</const></test>
            <test target="pattern" name="weight" compare="more_eq"><const>bold</const></test>
            <edit name="embolden" mode="assign"><bool>true</bool></edit>
            <edit name="weight" mode="assign"><const>bold</const></edit>
          </match>
        </fontconfig>
        """
}
