import CAdw
import CGtk
import Foundation
import GtkKit
@testable import QoimaApp
import XCTest

/// Demo mode: the welcome dialog over the main window, and `qoima --demo` as `make run` starts it.
final class DemoModeTests: XCTestCase {
    func testTheWelcomeDialogShowsTheSandboxAndEveryLogin() throws {
        let scratch = try scratchDirectory("welcome")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let welcome = DemoWelcome(serverURL: "http://127.0.0.1:40123", users: [
            DemoWelcome.User(companyName: "ТОО «Қойма Сауда»", bin: "000140000002", personName: "АХМЕТОВ АСХАТ",
                             iin: "800101300016", authKeyPath: "/k/a/auth.p12", signKeyPath: "/k/a/sign.p12",
                             keyPassword: "Qwerty12", cabinetPassword: "Qoima-Sandbox-1", isOwn: true),
            DemoWelcome.User(companyName: "ТОО «Құрылыс & Ко»", bin: "000140000012", personName: "СЕРІКОВА ДИНАРА",
                             iin: "860525400029", authKeyPath: "/k/b/auth.p12", signKeyPath: "/k/b/sign.p12",
                             keyPassword: "Qwerty12", cabinetPassword: "Qoima-Sandbox-1", isOwn: false),
        ])
        try MainActor.assumeIsolated {
            let subject = try AppUnderTest(settingsFile: scratch.appendingPathComponent("settings.ini").path,
                                           demoWelcome: welcome)
            defer { subject.close() }
            let dialog = try XCTUnwrap(subject.window.welcomeDialog)
            MainContext.run(for: 0.2)
            XCTAssertNotNil(AppUnderTest.toplevel(ofType: "AdwMessageDialog"))
            let label = try XCTUnwrap(findWidget(named: "demo-welcome-text", in: dialog.widget))
            let text = String(cString: gtk_label_get_text(gcast(label)))
            for expected in ["http://127.0.0.1:40123", "000140000002", "000140000012", "800101300016", "/k/a/auth.p12",
                             "/k/b/sign.p12", "Qwerty12", "Qoima-Sandbox-1"] {
                XCTAssertTrue(text.contains(expected), "\(expected) missing from: \(text)")
            }
            gtk_window_close(dialog.cPointer())
            MainContext.drain()
        }
    }

    /// `qoima --demo` starts the sandbox, builds the demo world and opens the window.
    func testQoimaDemoBuildsTheWorldAndOpensTheWindow() throws {
        let scratch = try scratchDirectory("demo-run")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let executable = try XCTUnwrap([Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL]
            .map { $0.appendingPathComponent("qoima") }.first { FileManager.default.isExecutableFile(atPath: $0.path) })
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--demo"]
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_DATA_HOME"] = scratch.appendingPathComponent("data").path
        environment["XDG_CONFIG_HOME"] = scratch.appendingPathComponent("config").path
        environment["LANG"] = "en_US.UTF-8"
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var text = ""
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, !text.contains("IS ESF sandbox at") {
            let data = errors.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        XCTAssertTrue(text.contains("IS ESF sandbox at http://127.0.0.1:"), text)
        let demo = scratch.appendingPathComponent("data/qoima/demo")
        XCTAssertTrue(FileManager.default.fileExists(atPath: demo.appendingPathComponent("built").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: demo.appendingPathComponent("qoima-demo.sqlite").path))
        Thread.sleep(forTimeInterval: 1)
        XCTAssertTrue(process.isRunning, "the window stays open: \(text)")
    }
}

/// The first descendant of `widget` whose name is `name`.
@MainActor
func findWidget(named name: String, in widget: UnsafeMutablePointer<GtkWidget>) -> UnsafeMutablePointer<GtkWidget>? {
    WidgetTree.find(named: name, in: widget)
}
