import CGtk
import Foundation
import GtkKit

/// What the `qoima` executable does with its command line.
@MainActor
public enum Launcher {
    public enum Mode {
        case interactive
        /// Print `first-frame-ms: N` when the main window has painted its first frame, then exit.
        case benchmarkStartup
        /// Save a PNG of the main window for every sidebar page into a directory, then exit.
        case screenshots(directory: String)
        /// Demo mode: the main window with the welcome dialog over it.
        case demo(DemoWelcome)
    }

    public static func run(_ mode: Mode) throws -> Int32 {
        switch mode {
        case .interactive:
            return try QoimaApplication().run()
        case .benchmarkStartup:
            var options = QoimaApplication.Options(nonUnique: true)
            options.onFirstFrame = { window in
                let elapsed = ProcessClock.millisecondsSinceStart() ?? -1
                FileHandle.standardOutput.write(Data("first-frame-ms: \(Int(elapsed.rounded()))\n".utf8))
                gtk_window_destroy(window.window.cPointer())
            }
            return try QoimaApplication(options: options).run()
        case .screenshots(let directory):
            return try ScreenshotTour(directory: directory).run()
        case .demo(let welcome):
            // Its own instance even when Qoima already runs: the demo must not hand its
            // window to the user's real one.
            var options = QoimaApplication.Options(nonUnique: true)
            options.demoWelcome = welcome
            return try QoimaApplication(options: options).run()
        }
    }
}
