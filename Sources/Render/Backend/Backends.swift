/// The backends a report or a command draws with: one that makes paged documents, and one for
/// each image format. Report and the CLI receive this value and never name a drawing library, so
/// a format can be given another backend (native SVG text instead of Cairo's outlines) in one place.
public struct Backends {
    /// A new, empty paged document with this metadata.
    public var makeDocument: (DocumentMetadata) -> any PagedDocument
    /// The backend that writes `format`.
    public var imageBackend: (ImageFormat) -> any SceneBackend

    /// Backends from a document maker and an image-backend chooser.
    public init(makeDocument: @escaping (DocumentMetadata) -> any PagedDocument,
                imageBackend: @escaping (ImageFormat) -> any SceneBackend) {
        self.makeDocument = makeDocument
        self.imageBackend = imageBackend
    }
}
