import Testing
@testable import Render

@Test func cairoAndPangoAreLinked() {
    #expect(GraphicsLibraries.cairoVersion.hasPrefix("1."))
    #expect(GraphicsLibraries.pangoVersion.hasPrefix("1."))
}
