@testable import GtkKit
import XCTest

final class LocalizationTests: XCTestCase {
    func testPlaceholdersAreFilledByPositionAfterTranslation() {
        // An id with no catalogue entry comes back as itself; the order of values follows the text.
        XCTAssertEqual(tr("Page %2$@ of %1$@", 12, 3), "Page 3 of 12")
        XCTAssertEqual(tr("Signed by %1$@ (%1$@)", "Асқар"), "Signed by Асқар (Асқар)")
        XCTAssertEqual(tr("No placeholders"), "No placeholders")
    }
}
