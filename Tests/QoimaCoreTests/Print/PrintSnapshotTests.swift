import CPangoCairo
import Foundation
import QoimaCore
import QoimaPrint
import XCTest

/// The SNT printout's first page as a PNG, compared with the committed reference pixel by pixel.
/// To accept a deliberate change: `QOIMA_UPDATE_PRINT_SNAPSHOTS=1` with this test, then commit
/// Tests/QoimaCoreTests/Print/Resources/snt-first-page.png (docs/printing.md).
final class PrintSnapshotTests: XCTestCase {
    static let reference = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Resources/snt-first-page.png")
    /// A pixel differs when a channel moves more than this (of 255) …
    static let channelTolerance = 24
    /// … and at most this share of the pixels may differ (anti-aliasing of another FreeType).
    static let differingShare = 0.002

    func testTheSntFirstPageMatchesTheReference() throws {
        let folder = try PrintFolder()
        let rendered = folder.file("page.png")
        let printout = SntPrintout(snt: PrintSamples.snt(lines: 40), registrationNumber: "SNT-REG-0042",
                                   variant: .roadTransit, language: .russian)
        try PNGRender.write(printout.document(), page: 0, dpi: 60, to: rendered)
        if ProcessInfo.processInfo.environment["QOIMA_UPDATE_PRINT_SNAPSHOTS"] == "1" {
            try? FileManager.default.removeItem(at: Self.reference)
            try FileManager.default.copyItem(at: rendered, to: Self.reference)
        }
        let expected = try Self.pixels(Self.reference)
        let actual = try Self.pixels(rendered)
        XCTAssertEqual(actual.width, expected.width)
        XCTAssertEqual(actual.height, expected.height)
        guard actual.width == expected.width, actual.height == expected.height else { return }
        var differing = 0
        var inked = 0
        for (a, e) in zip(actual.pixels, expected.pixels) {
            if a & 0xFFFFFF != 0xFFFFFF { inked += 1 }
            let channels = [0, 8, 16].map { abs(Int((a >> $0) & 0xFF) - Int((e >> $0) & 0xFF)) }
            if channels.contains(where: { $0 > Self.channelTolerance }) { differing += 1 }
        }
        XCTAssertGreaterThan(inked, actual.pixels.count / 50, "the page is (nearly) blank")
        XCTAssertLessThanOrEqual(Double(differing) / Double(actual.pixels.count), Self.differingShare,
                                 "\(differing) pixels differ from \(Self.reference.path)")
    }

    /// A PNG's pixels as cairo reads them (xRGB, one UInt32 each).
    static func pixels(_ url: URL) throws -> (width: Int, height: Int, pixels: [UInt32]) {
        let surface = try XCTUnwrap(cairo_image_surface_create_from_png(url.path))
        defer { cairo_surface_destroy(surface) }
        XCTAssertEqual(cairo_surface_status(surface), CAIRO_STATUS_SUCCESS, url.path)
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else { return (width, height, []) }
        var pixels: [UInt32] = []
        pixels.reserveCapacity(width * height)
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width { pixels.append(row[x]) }
        }
        return (width, height, pixels)
    }
}
