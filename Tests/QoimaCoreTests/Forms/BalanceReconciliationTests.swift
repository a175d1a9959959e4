import Foundation
import QoimaCore
import XCTest

/// The comparison itself: expected balances (before + pending documents) against reported ones,
/// each difference with the documents that explain it, and what nobody explains.
final class BalanceReconciliationTests: XCTestCase {
    let before = [
        BalanceBatch(storeId: 1001, batch: 1, name: "Цемент", measureUnitCode: "168", quantity: 100),
        BalanceBatch(storeId: 1001, batch: 2, name: "Сахар", measureUnitCode: "166", quantity: 50, reserved: 10),
        BalanceBatch(storeId: 1001, batch: 3, name: "Кірпіш", measureUnitCode: "796", quantity: 1000),
    ]

    func testEachDifferenceHasItsCause() throws {
        let documents = [
            // Processed as expected: explains nothing, changes nothing.
            ReconciledDocument(kind: .form, localId: 1, number: "WO-2026-0001", status: "PROCESSED",
                               expected: [BalanceEffect(storeId: 1001, batch: 1, name: "Цемент", quantity: -10)],
                               actual: [BalanceEffect(storeId: 1001, batch: 1, name: "Цемент", quantity: -10)]),
            // Failed: Qoima expected 20 less cement.
            ReconciledDocument(kind: .form, localId: 2, number: "WO-2026-0002", status: "FAILED",
                               reason: "Недостаточно товара",
                               expected: [BalanceEffect(storeId: 1001, batch: 1, name: "Цемент", quantity: -20)],
                               actual: []),
            // An outgoing SNT confirmed: the reserve became a shipment.
            ReconciledDocument(kind: .outgoingSnt, localId: 7, number: "S-1", registrationNumber: "KZ-SNT-1",
                               status: "CONFIRMED", expected: [],
                               actual: [BalanceEffect(storeId: 1001, batch: 2, name: "Сахар", quantity: -10, reserved: -10)]),
            // Opening balances processed: the new batch IS ESF numbered is matched by name and quantity.
            ReconciledDocument(kind: .form, localId: 3, number: "BAL-2026-0001", status: "PROCESSED",
                               expected: [BalanceEffect(storeId: 1002, batch: nil, name: "Бетон", quantity: 5)],
                               actual: [BalanceEffect(storeId: 1002, batch: nil, name: "Бетон", quantity: 5)]),
        ]
        let after = [
            BalanceBatch(storeId: 1001, batch: 1, name: "Цемент", measureUnitCode: "168", quantity: 90),
            BalanceBatch(storeId: 1001, batch: 2, name: "Сахар", measureUnitCode: "166", quantity: 40, reserved: 0),
            BalanceBatch(storeId: 1001, batch: 3, name: "Кірпіш", measureUnitCode: "796", quantity: 990),
            BalanceBatch(storeId: 1002, batch: 77, name: "Бетон", quantity: 5),
        ]
        let report = BalanceReconciliation.compare(before: before, after: after, documents: documents,
                                                   previousSyncAt: nil, ranAt: Date(timeIntervalSince1970: 0))
        XCTAssertEqual(report.differences.map { "\($0.storeId)/\($0.batch ?? 0) \($0.quantityDifference)" },
                       ["1001/1 20", "1001/2 -10", "1001/3 -10"])
        let cement = report.differences[0]
        XCTAssertEqual(cement.expectedQuantity, 70)
        XCTAssertEqual(cement.reportedQuantity, 90)
        XCTAssertEqual(cement.causes.map(\.kind), [.formFailed])
        XCTAssertEqual(cement.causes.first?.text.text(in: .english), "form WO-2026-0002 failed: Недостаточно товара")
        XCTAssertEqual(report.differences[1].causes.map(\.kind), [.sntConfirmed])
        XCTAssertEqual(report.differences[1].reservedDifference, -10)
        XCTAssertEqual(report.differences[1].causes.first?.text.text(in: .russian),
                       "СНТ S-1 (KZ-SNT-1) подтверждена: товар отгружен")
        let bricks = report.differences[2]
        XCTAssertEqual(bricks.causes.map(\.kind), [.unexplained])
        XCTAssertEqual(bricks.causes.first?.quantity, -10)
        XCTAssertEqual(bricks.causes.first?.text.text(in: .english), "a movement nobody in Qoima made")
        XCTAssertEqual(report.documentsConsidered, 4)
    }

    func testAnExpectedNewBatchThatDidNotAppearAndOneThatArrived() {
        let documents = [
            ReconciledDocument(kind: .form, localId: 3, number: "BAL-2026-0002", status: "IN_PROCESSING",
                               expected: [BalanceEffect(storeId: 1001, batch: nil, name: "Бетон", quantity: 5)], actual: []),
            ReconciledDocument(kind: .incomingSnt, localId: 9, number: "IN-4", status: "CONFIRMED", expected: [],
                               actual: [BalanceEffect(storeId: 1002, batch: nil, name: "Арматура", quantity: 12)]),
        ]
        let after = before + [BalanceBatch(storeId: 1002, batch: 88, name: "Арматура", quantity: 12)]
        let report = BalanceReconciliation.compare(before: before, after: after, documents: documents,
                                                   previousSyncAt: nil, ranAt: Date(timeIntervalSince1970: 0))
        XCTAssertEqual(report.differences.count, 2)
        let arrived = report.differences[0]
        XCTAssertEqual(arrived.batch, 88)
        XCTAssertEqual(arrived.causes.map(\.kind), [.incomingSntConfirmed])
        let missing = report.differences[1]
        XCTAssertNil(missing.batch)
        XCTAssertEqual(missing.expectedQuantity, 5)
        XCTAssertEqual(missing.causes.map(\.kind), [.formPending])
    }
}
