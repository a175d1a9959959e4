/// A font of a printout: Noto Sans (installed with fonts-noto-core; it has every Kazakh
/// letter) at a size in points, regular or bold.
public struct PrintFont: Hashable, Sendable {
    public static let family = "Noto Sans"

    public let size: Double
    public let bold: Bool

    public init(size: Double, bold: Bool = false) {
        self.size = size
        self.bold = bold
    }

    public var boldened: PrintFont { PrintFont(size: size, bold: true) }
}
