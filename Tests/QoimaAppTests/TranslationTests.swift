import CAdw
import CGtk
import Foundation
import GtkKit
@testable import QoimaApp
import QoimaCore
import XCTest

/// Every translatable string (from ui/*.ui and from `tr("…")` in Swift) must have a Kazakh and
/// a Russian translation, and the app must actually show them under those locales.
final class TranslationTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func testEveryStringHasKazakhAndRussianTranslations() throws {
        let scratch = try scratchDirectory("po")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let template = scratch.appendingPathComponent("qoima.pot").path
        try run(Self.root.appendingPathComponent("scripts/update-po.sh").path, [template])
        let messages = try String(contentsOfFile: template, encoding: .utf8)
        XCTAssertTrue(messages.contains(#"msgid "Outgoing SNT""#), "extraction found nothing: \(messages.prefix(300))")
        XCTAssertTrue(messages.contains(#"msgid "_About Qoima""#), "strings of .ui files were not extracted")

        for language in ["kk", "ru"] {
            let catalogue = Self.root.appendingPathComponent("resources/po/\(language).po").path
            let merged = scratch.appendingPathComponent("\(language).po").path
            try run("/usr/bin/msgmerge", ["--quiet", "--no-fuzzy-matching", "-o", merged, catalogue, template])
            let untranslated = try run("/usr/bin/msgattrib", ["--untranslated", "--no-obsolete", merged])
            let fuzzy = try run("/usr/bin/msgattrib", ["--only-fuzzy", "--no-obsolete", merged])
            XCTAssertFalse(untranslated.contains("msgid \""), "\(language).po lacks translations:\n\(untranslated)")
            XCTAssertFalse(fuzzy.contains("msgid \""), "\(language).po has fuzzy translations:\n\(fuzzy)")
        }
    }

    /// GLib decides once per process whether to translate .ui files, so each locale is checked
    /// in a fresh run of this test binary (`LocaleProbe` below), started as `LANG=… qoima` would be.
    func testKazakhAndRussianLocalesShowTheirLanguage() throws {
        // A message about a number takes the language's form for it: Russian has three.
        let expected = [
            ("kk_KZ.UTF-8", "Жобалар", "Безендіру", "партиялар — 1|партиялар — 3|партиялар — 5|партиялар — 21"),
            ("ru_RU.UTF-8", "Черновики", "Оформление", "1 партия|3 партии|5 партий|21 партия"),
            ("en_US.UTF-8", "Drafts", "Style", "1 batch|3 batches|5 batches|21 batches"),
        ]
        for (locale, drafts, style, batches) in expected {
            var environment = ProcessInfo.processInfo.environment
            environment["LANG"] = locale
            environment["LC_ALL"] = nil
            environment["LANGUAGE"] = nil
            environment["QOIMA_PROBE_DRAFTS"] = drafts
            environment["QOIMA_PROBE_STYLE"] = style
            environment["QOIMA_PROBE_BATCHES"] = batches
            let output = try run(CommandLine.arguments[0], ["QoimaAppTests.LocaleProbe/testTranslatedStrings"], environment: environment)
            XCTAssertTrue(output.contains("probe-ok"), "\(locale): \(output.suffix(800))")
        }
    }

    func testMetainfoReleaseIsTheAppVersion() throws {
        let metainfo = try String(contentsOf: Self.root.appendingPathComponent("packaging/kz.qoima.Qoima.metainfo.xml"), encoding: .utf8)
        let firstRelease = try XCTUnwrap(metainfo.range(of: #"<release version="[^"]+""#, options: .regularExpression))
        XCTAssertEqual(String(metainfo[firstRelease]), #"<release version="\#(QoimaVersion.string)""#)
    }

    @discardableResult
    private func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(executable) \(arguments) failed")
        return String(decoding: data, as: UTF8.self)
    }
}

/// Runs only inside the child process started above: checks strings from Swift and from a .ui
/// file under the locale it was started with.
final class LocaleProbe: XCTestCase {
    func testTranslatedStrings() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let drafts = environment["QOIMA_PROBE_DRAFTS"], let style = environment["QOIMA_PROBE_STYLE"],
              let batches = environment["QOIMA_PROBE_BATCHES"] else {
            throw XCTSkip("started by TranslationTests with a locale to check")
        }
        MainActor.assumeIsolated {
            initializeAdwaita()
            Localization.setUp(localeDirectory: ApplicationPaths.locate().localeDirectory)
            ResourceBundle.register(base64: embeddedGResourceBase64)
            XCTAssertEqual(AppPage.drafts.title, drafts)
            let row = Builder(resource: "/kz/qoima/Qoima/ui/preferences.ui").object("color_scheme_row")
            XCTAssertEqual(String(cString: adw_preferences_row_get_title(row.cPointer())), style, "in a .ui file")
            let counted = [1, 3, 5, 21].map { trn("%1$@ batch", "%1$@ batches", $0, $0) }.joined(separator: "|")
            XCTAssertEqual(counted, batches, "plural forms")
            if AppPage.drafts.title == drafts, String(cString: adw_preferences_row_get_title(row.cPointer())) == style,
               counted == batches {
                print("probe-ok")
            }
        }
    }
}
