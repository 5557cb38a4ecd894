import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import CCairo
import Testing
@testable import Render
@testable import RenderCairo

/// The narrowed fontconfig set-up is taken on a machine with the packages `Scripts/install-deps`
/// installs (unless the environment asks for the system's), and renderers made one after another
/// share a font map.
@Suite("Font set-up") struct FontSetupTests {
    @Test func narrowedConfigurationIsUsedWhereTheFontsAreInstalled() {
        let environment = ProcessInfo.processInfo.environment
        let expected: FontConfiguration.Choice =
            environment["SCOBRIEF_FONTCONFIG"] == "system" || environment["FONTCONFIG_FILE"] != nil || environment["FONTCONFIG_PATH"] != nil
            ? .system : .narrowed
        #expect(FontConfiguration.ensure() == expected)
    }

    @Test func theNarrowedConfigurationIsValidXML() throws {
        let document = try XMLDocument(xmlString: FontConfiguration.configurationXML.replacingOccurrences(
            of: "<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">", with: ""))
        #expect(document.rootElement()?.name == "fontconfig")
    }

    @Test func aMeasurerGivesItsFontMapToTheNext() {
        let pool = FontMapPool()
        let first = pool.take()
        pool.give(first)
        let second = pool.take()
        #expect(first == second)
        let third = pool.take()
        #expect(third != second, "a map in use is not handed out twice")
        pool.give(second)
        pool.give(third)
    }

    /// A map something else still holds (a context made from it) is not handed on: the context
    /// would reach its fonts while the next measurer draws with them.
    @Test func aMapStillHeldIsNotReused() {
        let pool = FontMapPool()
        let map = pool.take()
        let context = pango_font_map_create_context(map)!
        pool.give(map)
        let next = pool.take()
        #expect(next != map)
        g_object_unref(UnsafeMutableRawPointer(context))
        pool.give(next)
    }

    /// A map given back on one thread is not handed to another.
    @Test func aMapStaysOnItsThread() {
        let pool = FontMapPool()
        let given = UnsafeSendableAddress()
        let done = DispatchSemaphore(value: 0)
        Thread(block: {
            let map = pool.take()
            given.value = UInt(bitPattern: map)
            pool.give(map)
            done.signal()
        }).start()
        done.wait()
        let here = pool.take()
        #expect(UInt(bitPattern: here) != given.value)
        pool.give(here)
    }
}

/// An address written by one thread and read by another after it finished.
private final class UnsafeSendableAddress: @unchecked Sendable {
    var value: UInt = 0
}
