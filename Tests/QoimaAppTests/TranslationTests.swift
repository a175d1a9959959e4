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

    func testKazakhAndRussianLocalesShowTheirLanguage() {
        MainActor.assumeIsolated {
            initializeAdwaita()
            Localization.setUp(localeDirectory: ApplicationPaths.locate().localeDirectory)
            ResourceBundle.register(base64: embeddedGResourceBase64)
            defer { setlocale(LC_ALL, "C.UTF-8") }
            let expected: [(locale: String, drafts: String, style: String)] = [
                ("kk_KZ.UTF-8", "Жобалар", "Безендіру"),
                ("ru_RU.UTF-8", "Черновики", "Оформление"),
                ("en_US.UTF-8", "Drafts", "Style"),
            ]
            for (locale, drafts, style) in expected {
                XCTAssertNotNil(setlocale(LC_ALL, locale), "locale \(locale) is not installed")
                XCTAssertEqual(AppPage.drafts.title, drafts, locale)
                let row = Builder(resource: "/kz/qoima/Qoima/ui/preferences.ui").object("color_scheme_row")
                XCTAssertEqual(String(cString: adw_preferences_row_get_title(row.cPointer())), style, "\(locale) in a .ui file")
            }
        }
    }

    func testMetainfoReleaseIsTheAppVersion() throws {
        let metainfo = try String(contentsOf: Self.root.appendingPathComponent("packaging/kz.qoima.Qoima.metainfo.xml"), encoding: .utf8)
        let firstRelease = try XCTUnwrap(metainfo.range(of: #"<release version="[^"]+""#, options: .regularExpression))
        XCTAssertEqual(String(metainfo[firstRelease]), #"<release version="\#(QoimaVersion.string)""#)
    }

    @discardableResult
    private func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(executable) \(arguments) failed")
        return String(decoding: data, as: UTF8.self)
    }
}
