import Foundation
import QoimaCore
import XCTest

/// The balances after a form, per batch, and the lines that take more than is available.
final class UFormBalancePreviewTests: XCTestCase {
    private func rows(_ preview: UFormBalancePreview) -> [String] {
        preview.rows.map { row in
            "\(row.storeId) \(row.batch.map(String.init) ?? "new") \(row.name): "
                + "\(row.before) \(row.change >= 0 ? "+" : "")\(row.change) = \(row.after)"
        }
    }

    func testAWriteOffTakingTooMuchSaysWhichLineAndByHowMuch() throws {
        var form = FormSamples.form(.writeOff, [
            FormSamples.line("Цемент", quantity: 700, batch: 812_017),
            FormSamples.line("Сахар", tnved: "1701991000", kpved: "10.81.12.000", unit: "166", quantity: 10, batch: 812_063),
            FormSamples.line("Сахар", tnved: "1701991000", kpved: "10.81.12.000", unit: "166", quantity: 7, batch: 812_063),
        ])
        form.writeOffReason = .damage
        let preview = UFormBalancePreview(form, balances: FormSamples.balances)
        XCTAssertEqual(rows(preview), ["1001 812017 Цемент: 800 -700 = 100", "1001 812063 Сахар: 12 -17 = -5"])
        XCTAssertEqual(preview.rows[0].availableAfter, 70, "30 stay reserved")
        XCTAssertEqual(preview.rows[1].lines, [UFormLineReference(table: .products, line: 2),
                                               UFormLineReference(table: .products, line: 3)])
        let problem = try XCTUnwrap(preview.problems.first)
        XCTAssertEqual(preview.problems.count, 1, "lines 1 and 2 fit; line 3 does not")
        XCTAssertEqual(problem.path, "products/product[3]/quantity")
        XCTAssertEqual(problem.lineNumber, 3)
        XCTAssertEqual(problem.message(in: .english), "Line 3 takes 5 kg more than the 2 kg available (batch 812063).")
        XCTAssertEqual(problem.message(in: .russian),
                       "Строка 3 берёт на 5 кг больше, чем есть в наличии: 2 кг (партия 812063).")
        XCTAssertEqual(problem.message(in: .kazakh), "3-жол қолда барынан (2 кг) 5 кг артық алады (812063 партиясы).")

        // Reserved goods are not available: 800 − 30 reserved = 770.
        let reserved = UFormBalancePreview(FormSamples.form(.writeOff, [FormSamples.line("Цемент", quantity: 771, batch: 812_017)]),
                                           balances: FormSamples.balances)
        XCTAssertEqual(reserved.problems.first?.message(in: .english),
                       "Line 1 takes 1 t more than the 770 t available (batch 812017).")
    }

    func testAMovementMovesTheSameBatchBetweenWarehouses() {
        let form = FormSamples.form(.movement, [FormSamples.line("Цемент", quantity: 20, batch: 812_017)], to: 1002)
        let preview = UFormBalancePreview(form, balances: FormSamples.balances)
        XCTAssertEqual(rows(preview), ["1001 812017 Цемент: 800 -20 = 780", "1002 812017 Цемент: 5 +20 = 25"])
        XCTAssertEqual(preview.problems, [])
        // Into a warehouse that does not hold the batch yet: a row from zero.
        let elsewhere = UFormBalancePreview(FormSamples.form(.movement, [FormSamples.line("Сахар", quantity: 2, batch: 812_063)],
                                                             to: 1002), balances: FormSamples.balances)
        XCTAssertEqual(rows(elsewhere), ["1001 812063 Сахар: 12 -2 = 10", "1002 812063 Сахар: 0 +2 = 2"])
    }

    func testNewBatchesInputsOutputsAndCorrections() {
        let balance = UFormBalancePreview(FormSamples.form(.balance, [FormSamples.line("Кірпіш", quantity: 1000)]),
                                          balances: FormSamples.balances)
        XCTAssertEqual(rows(balance), ["1001 new Кірпіш: 0 +1000 = 1000"])
        XCTAssertTrue(balance.rows[0].isNew)

        let production = UFormBalancePreview(FormSamples.form(.manufacture, [FormSamples.line("Бетон", quantity: 10)],
                                                              sources: [FormSamples.line("Цемент", quantity: 4, batch: 812_017)],
                                                              to: 1002), balances: FormSamples.balances)
        XCTAssertEqual(rows(production), ["1001 812017 Цемент: 800 -4 = 796", "1002 new Бетон: 0 +10 = 10"])

        let correction = UFormBalancePreview(FormSamples.form(.balanceCorrection, [
            FormSamples.line("Цемент", quantity: 790, batch: 812_017), FormSamples.line("Кірпіш", quantity: 3),
        ]), balances: FormSamples.balances)
        XCTAssertEqual(rows(correction), ["1001 812017 Цемент: 800 -10 = 790", "1001 new Кірпіш: 0 +3 = 3"])
        let belowReserve = UFormBalancePreview(FormSamples.form(.balanceCorrection, [
            FormSamples.line("Цемент", quantity: 20, batch: 812_017),
        ]), balances: FormSamples.balances)
        XCTAssertEqual(belowReserve.problems.map(\.rule.id), ["UF-BALANCE-BELOW-RESERVE"])
        XCTAssertEqual(belowReserve.problems.first?.message(in: .english),
                       "Line 1 sets the batch to 20 t, below the 30 t reserved by SNTs.")

        let unknown = UFormBalancePreview(FormSamples.form(.writeOff, [FormSamples.line("Цемент", quantity: 1, batch: 999)]),
                                          balances: FormSamples.balances)
        XCTAssertEqual(unknown.problems.first?.message(in: .english),
                       "Line 1: batch 999 is not in warehouse 1001 (as of the last sync).")
        XCTAssertEqual(unknown.problems.first?.path, "products/product[1]/productId")
    }
}
