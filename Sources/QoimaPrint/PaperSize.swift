/// Paper sizes in PostScript points (1/72 inch), the unit of cairo's PDF surfaces.
public struct PaperSize: Equatable, Sendable {
    public let width: Double
    public let height: Double

    public static let a4Portrait = PaperSize(width: 595.276, height: 841.89)
    public static let a4Landscape = PaperSize(width: 841.89, height: 595.276)

    public var isLandscape: Bool { width > height }

    /// Millimetres to points.
    public static func points(millimetres: Double) -> Double { millimetres / 25.4 * 72 }
}

/// The blank edges of a page, in points.
public struct PageMargins: Equatable, Sendable {
    public let top, bottom, left, right: Double

    public init(top: Double, bottom: Double, left: Double, right: Double) {
        self.top = top
        self.bottom = bottom
        self.left = left
        self.right = right
    }

    /// The same margin in millimetres on every side.
    public static func millimetres(_ value: Double) -> PageMargins {
        let points = PaperSize.points(millimetres: value)
        return PageMargins(top: points, bottom: points, left: points, right: points)
    }
}
