/// Bounds on the XML Qoima agrees to parse. They are checked before or while parsing, so a
/// hostile file costs at most this much memory and time.
public struct XMLLimits: Hashable, Sendable {
    /// Largest input, in bytes, checked before parsing starts. A 50-line SNT is about 30 KB; a
    /// portal container with hundreds of them stays well under the default 16 MiB.
    public var maxBytes: Int
    /// Deepest element nesting. SntV1 bodies, containers and SOAP envelopes nest at most about 10
    /// deep; libxml2 refuses more than 256 on its own.
    public var maxDepth: Int

    public init(maxBytes: Int = 16 * 1024 * 1024, maxDepth: Int = 64) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
    }

    public static let standard = XMLLimits()
}
