/// Paper sizes in PostScript points (1/72 inch), the unit of cairo's PDF surfaces.
public struct PaperSize: Equatable, Sendable {
    public let width: Double
    public let height: Double

    public static let a4Portrait = PaperSize(width: 595.276, height: 841.89)
    public static let a4Landscape = PaperSize(width: 841.89, height: 595.276)

    /// Millimetres to points.
    public static func points(millimetres: Double) -> Double { millimetres / 25.4 * 72 }
}
