import CGtk
import Foundation
import GtkKit
@testable import QoimaApp
import XCTest

/// The shortcuts window lists the keys the windows really have: every key of the SNT and form
/// editors' key tables is in its group (compared as parsed accelerators, so "<Ctrl>" and
/// "<Control>" spellings agree).
final class HelpOverlayTests: XCTestCase {
    /// The overlay's groups: title → the accelerators of its shortcuts.
    static func groups() throws -> [String: [String]] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("ui/help-overlay.ui")
        let text = try String(contentsOf: file, encoding: .utf8)
        var groups: [String: [String]] = [:]
        for chunk in text.components(separatedBy: "<object class=\"GtkShortcutsGroup\">").dropFirst() {
            let title = try XCTUnwrap(chunk.firstMatch(of: /<property name="title" translatable="yes">([^<]+)</)?.1)
            groups[String(title)] = chunk.matches(of: /<property name="accelerator">([^<]+)</).flatMap { match in
                match.1.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .split(separator: " ").map(String.init)
            }
        }
        return groups
    }

    /// An accelerator as GTK reads it.
    static func parsed(_ accelerator: String) -> String {
        var key: guint = 0
        var modifiers = GdkModifierType(rawValue: 0)
        XCTAssertNotEqual(gtk_accelerator_parse(accelerator, &key, &modifiers), 0, accelerator)
        return "\(key)/\(modifiers.rawValue)"
    }

    func testTheFormEditorsKeysAreAllListed() throws {
        let listed = Set(try XCTUnwrap(try Self.groups()["Form editor"]).map(Self.parsed))
        for (accelerator, _) in MainActor.assumeIsolated({ FormEditorWindow.shortcuts }) where accelerator != "<Control>KP_Enter" {
            XCTAssertTrue(listed.contains(Self.parsed(accelerator)), "\(accelerator) is not in the Form editor group")
        }
        XCTAssertTrue(listed.contains(Self.parsed("Escape")))
    }

    func testTheSntEditorsKeysAreAllListed() throws {
        let listed = Set(try XCTUnwrap(try Self.groups()["SNT editor"]).map(Self.parsed))
        for (accelerator, _) in MainActor.assumeIsolated({ SntEditorWindow.shortcuts }) where !accelerator.contains("KP_Enter") {
            XCTAssertTrue(listed.contains(Self.parsed(accelerator)), "\(accelerator) is not in the SNT editor group")
        }
    }

    func testTheFormsPageKeysAreListed() throws {
        let listed = Set(try XCTUnwrap(try Self.groups()["Forms"]).map(Self.parsed))
        for accelerator in MainActor.assumeIsolated({ FormsPage.shortcuts.map(\.0) }) + ["Return"] {
            XCTAssertTrue(listed.contains(Self.parsed(accelerator)), "\(accelerator) is not in the Forms group")
        }
    }

    func testTheMagazinePageKeysAreListed() throws {
        let listed = Set(try XCTUnwrap(try Self.groups()["Paper Magazine"]).map(Self.parsed))
        for accelerator in MainActor.assumeIsolated({ MagazinePage.shortcuts.map(\.0) }) + ["Return", "<Control>Return"] {
            XCTAssertTrue(listed.contains(Self.parsed(accelerator)), "\(accelerator) is not in the Paper Magazine group")
        }
        let lists = Set(try XCTUnwrap(try Self.groups()["SNT lists"]).map(Self.parsed))
        for (action, keys) in MainActor.assumeIsolated({ QoimaApplication.deskAccelerators }) where action == "win.issue-on-paper" {
            XCTAssertTrue(keys.allSatisfy { lists.contains(Self.parsed($0)) }, "\(keys) is not in the SNT lists group")
        }
    }
}

extension HelpOverlayTests {
    /// Every trigger of the SNT document window's shortcut controller, as its .ui file binds it.
    func testTheDocumentWindowsKeysAreAllListed() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("ui/snt-document-window.ui")
        let text = try String(contentsOf: file, encoding: .utf8)
        let triggers = text.matches(of: /<property name="trigger">([^<]+)</).map {
            $0.1.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        }
        XCTAssertTrue(triggers.contains("<Control>p"))
        let listed = Set(try XCTUnwrap(try Self.groups()["Incoming SNT"]).map(Self.parsed))
        for trigger in triggers {
            XCTAssertTrue(listed.contains(Self.parsed(trigger)), "\(trigger) is not in the document window's group")
        }
        XCTAssertEqual(try Self.groups()["Balances"].map { $0.map(Self.parsed) }, [Self.parsed("<Control>p")])
    }
}
