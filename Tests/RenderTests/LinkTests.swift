import Testing
@testable import Render
import RenderCairo

@Test func cairoAndPangoAreLinked() {
    #expect(GraphicsLibraries.cairoVersion.hasPrefix("1."))
    #expect(GraphicsLibraries.pangoVersion.hasPrefix("1."))
}
