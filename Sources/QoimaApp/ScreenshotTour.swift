import CGtk
import Foundation
import GtkKit

/// Opens the main window at a fixed size, with a settings file of its own, and saves one PNG
/// per sidebar page: the pictures in docs/screenshots/ come from here (`make screenshots`).
@MainActor
public struct ScreenshotTour {
    public static let windowSize = (width: 1100, height: 720)
    public let directory: String

    public init(directory: String) { self.directory = directory }

    public func run() throws -> Int32 {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("qoima-tour-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let located = ApplicationPaths.locate()
        let paths = ApplicationPaths(shareDirectory: located.shareDirectory, settingsFile: scratch + "/settings.ini")
        let app = try QoimaApplication(options: .init(paths: paths, nonUnique: true))
        app.settings.setInteger("window-width", Self.windowSize.width)
        app.settings.setInteger("window-height", Self.windowSize.height)
        try app.launch()
        guard let window = app.mainWindow,
              MainContext.run(until: { window.firstFrameShown }, timeout: 10) else {
            FileHandle.standardError.write(Data("qoima: the main window did not appear\n".utf8))
            return 1
        }
        for page in AppPage.allCases {
            window.show(page)
            MainContext.run(for: 0.4)
            let path = directory + "/\(page.rawValue).png"
            try WidgetSnapshot.savePNG(of: window.window, to: path)
            print(path)
        }
        gtk_window_destroy(window.window.cPointer())
        MainContext.drain()
        return 0
    }
}
