import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
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
}
