import Foundation
import QoimaCore
import XCTest

/// The complete checks of each kind: every problem names its field and line, and a complete
/// form of each kind has none.
final class UFormValidatorTests: XCTestCase {
    private func check(_ form: UForm) -> [String: UFormProblem] {
        Dictionary(UFormValidator.check(form, context: FormSamples.context).map { ($0.rule.id + "@" + $0.path, $0) },
                   uniquingKeysWith: { first, _ in first })
    }

    private func ids(_ form: UForm) -> Set<String> { Set(check(form).keys) }

    func testACompleteFormOfEachKindHasNoProblems() {
        let cement = FormSamples.line("Цемент", quantity: 5, batch: 812_017)
        var writeOff = FormSamples.form(.writeOff, [cement])
        writeOff.writeOffReason = .damage
        writeOff.writeOffDetails = [.documentNumber: "7", .documentDate: "11.03.2026"]
        var detailing = FormSamples.form(.detailing, [FormSamples.line("Цемент", unit: "778", quantity: 100, price: 5)],
                                         sources: [cement])
        detailing.detailingType = .conversion
        let forms = [
            FormSamples.form(.balance, [FormSamples.line("Кірпіш", quantity: 1000)]),
            FormSamples.form(.manufacture, [FormSamples.line("Бетон", quantity: 10, price: 40)],
                             sources: [FormSamples.line("Цемент", quantity: 4, batch: 812_017)]),
            FormSamples.form(.movement, [cement], to: 1002),
            writeOff,
            detailing,
            FormSamples.form(.balanceCorrection, [FormSamples.line("Цемент", quantity: 790, batch: 812_017)]),
        ]
        for form in forms {
            XCTAssertEqual(UFormValidator.check(form, context: FormSamples.context).map(\.rule.id), [],
                           form.type?.rawValue ?? "")
        }
    }

    func testProblemsNameTheirFieldAndLine() throws {
        var form = FormSamples.form(.writeOff, [FormSamples.line("Цемент", quantity: 5, batch: 812_017),
                                                FormSamples.line("Цемент", quantity: 2, batch: 812_017)])
        form.products[1].sum = 999
        form.writeOffReason = .damage
        let problems = check(form)
        let sum = try XCTUnwrap(problems["UF-LINE-SUM@products/product[2]/sum"])
        XCTAssertEqual(sum.table, .products)
        XCTAssertEqual(sum.lineNumber, 2)
        XCTAssertEqual(sum.field, "sum")
        XCTAssertEqual(sum.location, "products[2].sum")
        XCTAssertEqual(sum.message(in: .english), "The sum 999 is not price × quantity = 200.")
        XCTAssertEqual(sum.message(in: .russian), "Сумма 999 не равна цене × количество = 200.")
        XCTAssertNotNil(problems["UF-BATCH-TWICE@products/product[2]/productId"], "the same batch twice is a warning")
        XCTAssertNotNil(problems["UF-TOTAL-SUM@totalSum"], "the total no longer adds up")
        let detail = try XCTUnwrap(problems["UF-ASSUMED-WO-DOCUMENTNUMBER-REQUIRED@writeOffDetails/documentNumber"])
        XCTAssertEqual(detail.field, "writeOffDetails/documentNumber")
        XCTAssertNil(detail.lineNumber)
        XCTAssertEqual(detail.message(in: .kazakh), "Толтырыңыз: «Негіздеме құжаттың нөмірі» (есептен шығарудың бұл себебіне міндетті).")
    }

    /// Every reason of domain.md §10: its own details are required, checked by kind, and enough.
    func testEachWriteOffReasonRequiresItsOwnDetails() {
        let values: [WriteOffDetail: String] = [
            .documentNumber: "АКТ-7", .documentDate: "11.03.2026", .guiltyPersonName: "Иванов Иван",
            .guiltyPersonIin: "000101500001", .kkmRegistrationNumber: "010102030405", .receiptNumbers: "Z-101…Z-131",
            .periodFrom: "01.02.2026", .periodTo: "28.02.2026", .policeReportNumber: "КУИ 1234",
            .policeReportDate: "10.03.2026", .counterpartyTin: "000140000012", .contractNumber: "Д-5",
            .contractDate: "05.01.2026", .normsDocument: "Приказ 15", .inventoryNumber: "ОС-000123",
            .mistakenDocumentNumber: "KZ-UF-000140000002-20260301-4",
        ]
        for reason in WriteOffReason.allCases {
            var form = FormSamples.form(.writeOff, [FormSamples.line("Цемент", quantity: 5, batch: 812_017)])
            form.writeOffReason = reason
            if reason == .other { form.comment = "Пересчёт после пожара на складе" }
            let bare = ids(form)
            for detail in reason.requiredDetails {
                XCTAssertTrue(bare.contains("\(UFormRules.writeOffDetail(detail, .required).id)@writeOffDetails/\(detail.rawValue)"),
                              "\(reason.rawValue) requires \(detail.rawValue)")
            }
            XCTAssertEqual(bare.filter { $0.contains("-REQUIRED@writeOffDetails") }.count, reason.requiredDetails.count,
                           reason.rawValue)
            for detail in reason.requiredDetails + reason.optionalDetails { form.writeOffDetails[detail] = values[detail] }
            XCTAssertEqual(ids(form), [], "\(reason.rawValue) with its details is complete")
        }
        XCTAssertEqual(WriteOffReason.writeOffByGuilty.requiredDetails.prefix(2), [.guiltyPersonName, .guiltyPersonIin])
        XCTAssertTrue(WriteOffReason.soldInRetailOrCoupons.requiredDetails.contains(.kkmRegistrationNumber))
        XCTAssertTrue(WriteOffReason.theft.requiredDetails.contains(.policeReportNumber))
    }

    func testDetailsAreCheckedByKindAndAgainstTheFormsDate() {
        var form = FormSamples.form(.writeOff, [FormSamples.line("Цемент", quantity: 5, batch: 812_017)])
        form.writeOffReason = .writeOffByGuilty
        form.writeOffDetails = [.guiltyPersonName: "Иванов", .guiltyPersonIin: "000101500002", .documentNumber: "7",
                                .documentDate: "31.02.2026"]
        XCTAssertTrue(ids(form).isSuperset(of: ["UF-WO-GUILTYPERSONIIN-TIN@writeOffDetails/guiltyPersonIin",
                                                "UF-WO-DOCUMENTDATE-DATE@writeOffDetails/documentDate"]))
        form.writeOffDetails[.documentDate] = "13.03.2026"
        form.writeOffDetails[.guiltyPersonIin] = "000101500001"
        XCTAssertEqual(ids(form), ["UF-ASSUMED-WO-DOCUMENTDATE-LATE@writeOffDetails/documentDate"])
        form.writeOffReason = .soldInRetailOrCoupons
        form.writeOffDetails = [.kkmRegistrationNumber: "0101", .periodFrom: "10.03.2026", .periodTo: "01.03.2026"]
        XCTAssertEqual(ids(form), ["UF-WRITE-OFF-PERIOD@writeOffDetails/periodTo"])
        form.writeOffReason = .other
        form.writeOffDetails = [:]
        form.comment = "  "
        XCTAssertEqual(ids(form), ["UF-ASSUMED-OTHER-COMMENT@comment"])
    }

    func testWarehousesMustBeOwnActiveAndDifferent() {
        let cement = FormSamples.line("Цемент", quantity: 5, batch: 812_017)
        XCTAssertEqual(ids(FormSamples.form(.movement, [cement], to: 1001)), ["UF-SAME-STORE@recipient/storeId"])
        XCTAssertEqual(ids(FormSamples.form(.movement, [cement], to: 1003)), ["UF-ASSUMED-STORE-INACTIVE@recipient/storeId"])
        XCTAssertEqual(ids(FormSamples.form(.movement, [cement], to: 4242)), ["UF-ASSUMED-STORE-NOT-OWN@recipient/storeId"])
        XCTAssertEqual(ids(FormSamples.form(.movement, [cement])), ["UF-RECIPIENT-REQUIRED@recipient"])
        var foreign = FormSamples.form(.balance, [FormSamples.line("Кірпіш", quantity: 1)], to: 1002)
        foreign.sender?.tin = TaxpayerNumber("000140000012")
        XCTAssertEqual(ids(foreign), ["UF-SENDER-NOT-COMPANY@sender/tin", "UF-ASSUMED-RECIPIENT-NOT-ALLOWED@recipient"])
        var future = FormSamples.form(.balance, [FormSamples.line("Кірпіш", quantity: 1)])
        future.date = FormSamples.today.adding(days: 1)
        XCTAssertEqual(ids(future), ["UF-DATE-FUTURE@date"])
    }

    func testNewBatchesNameNoBatchAndCarryAPrice() {
        var balance = FormSamples.form(.balance, [FormSamples.line("Кірпіш", quantity: 1, batch: 5)])
        balance.products.append(UFormProduct(gsvsCode: GsvsCode("23.32.11.100-6904100000"), measureUnitCode: MeasureUnitCode("796"),
                                             quantity: 2, sum: 200, name: "Кірпіш", tnvedCode: TnvedCode("6904100000")))
        balance.totalSum = 300
        XCTAssertEqual(ids(balance), ["UF-ASSUMED-NEW-BATCH@products/product[1]/productId",
                                      "UF-ASSUMED-NEW-BATCH-PRICE@products/product[2]/price"])
        let correction = FormSamples.form(.balanceCorrection, [FormSamples.line("Цемент", quantity: 790, batch: 812_017),
                                                               FormSamples.line("Кірпіш", quantity: 3)])
        XCTAssertEqual(ids(correction), [], "a correction line with a batch sets it; one without adds a batch")
        let stray = FormSamples.form(.writeOff, [FormSamples.line("Цемент", quantity: 1, batch: 812_017)],
                                     sources: [FormSamples.line("Цемент", quantity: 1, batch: 812_017)])
        XCTAssertTrue(ids(stray).contains("UF-SOURCES-NOT-ALLOWED@sourceProducts"))
    }

    func testEachDetailingKindHasItsOwnShape() {
        let sugar = FormSamples.line("Сахар", tnved: "1701991000", kpved: "10.81.12.000", unit: "166", quantity: 10,
                                     price: 420, batch: 812_063)
        let cement = FormSamples.line("Цемент", quantity: 1, price: 4200, batch: 812_017)
        func detailing(_ kind: DetailingType, _ outputs: [UFormProduct], _ inputs: [UFormProduct]) -> Set<String> {
            var form = FormSamples.form(.detailing, outputs, sources: inputs)
            form.detailingType = kind
            return ids(form)
        }
        let set = FormSamples.line("Набор", tnved: "1701991000", kpved: "10.81.12.000", unit: "839", quantity: 1, price: 8400)
        XCTAssertEqual(detailing(.packing, [set], [sugar, cement]), [])
        XCTAssertEqual(detailing(.packing, [set], [sugar]), ["UF-ASSUMED-PACKING-INPUTS@sourceProducts",
                                                             "UF-ASSUMED-DETAILING-VALUE@totalSum"])
        XCTAssertEqual(detailing(.packing, [set, set], [sugar, cement]), ["UF-ASSUMED-PACKING-OUTPUTS@products",
                                                                          "UF-ASSUMED-DETAILING-VALUE@totalSum"])
        let halves = [FormSamples.line("Сахар 5 кг", tnved: "1701991000", kpved: "10.81.12.000", unit: "166", quantity: 5, price: 420),
                      FormSamples.line("Сахар 5 кг", tnved: "1701991000", kpved: "10.81.12.000", unit: "166", quantity: 5, price: 420)]
        XCTAssertEqual(detailing(.unpacking, halves, [sugar]), [])
        XCTAssertEqual(detailing(.unpacking, [halves[0]], [sugar]), ["UF-ASSUMED-UNPACKING-OUTPUTS@products",
                                                                     "UF-ASSUMED-DETAILING-VALUE@totalSum"])
        let bags = FormSamples.line("Сахар, мешок", tnved: "1701991000", kpved: "10.81.12.000", unit: "778", quantity: 2, price: 2100)
        XCTAssertEqual(detailing(.conversion, [bags], [sugar]), [])
        var sameUnit = bags
        sameUnit.measureUnitCode = MeasureUnitCode("166")
        XCTAssertEqual(detailing(.conversion, [sameUnit], [sugar]), ["UF-ASSUMED-CONVERSION-UNIT@products/product[1]/measureUnitCode"])
        XCTAssertEqual(detailing(.conversion, [FormSamples.line("Цемент", unit: "778", quantity: 42, price: 100)], [sugar]),
                       ["UF-ASSUMED-CONVERSION-GOODS@products/product[1]/tnvedCode"])
        let grade = FormSamples.line("Сахар, 2 сорт", tnved: "1701991000", kpved: "10.81.12.000", unit: "166", quantity: 10, price: 400)
        XCTAssertEqual(detailing(.reSorting, [grade], [sugar]), ["UF-ASSUMED-RESORTING-VALUE@totalSum"],
                       "re-sorting may change the value, with a warning")
        XCTAssertEqual(UFormRules.reSortingValue.severity, .warning)
        var fewer = grade
        fewer.quantity = 9
        fewer.sum = 3600
        XCTAssertTrue(detailing(.reSorting, [fewer], [sugar]).contains("UF-ASSUMED-RESORTING-QUANTITY@products"))
        var renamed = sugar
        renamed.productId = nil
        renamed.name = "Сахар-песок"
        XCTAssertEqual(detailing(.editing, [renamed], [sugar]), [])
        var more = renamed
        more.quantity = 11
        more.sum = 4620
        XCTAssertTrue(detailing(.editing, [more], [sugar]).contains("UF-ASSUMED-EDITING-QUANTITY@products/product[1]/quantity"))
        var same = sugar
        same.productId = nil
        XCTAssertEqual(detailing(.editing, [same], [sugar]), ["UF-EDITING-NOTHING@products/product[1]/name"])
        XCTAssertEqual(detailing(.editing, [renamed, renamed], [sugar]), ["UF-ASSUMED-EDITING-PAIRS@products",
                                                                          "UF-ASSUMED-DETAILING-VALUE@totalSum"])
    }

    func testEveryRuleIsListedOnceWithThreeLanguages() {
        XCTAssertEqual(Set(UFormRules.all.map(\.id)).count, UFormRules.all.count)
        for rule in UFormRules.all {
            XCTAssertEqual(UFormRules.rule(id: rule.id), rule)
            for language in Language.allCases { XCTAssertFalse(rule.message.template(in: language).isEmpty, rule.id) }
        }
        XCTAssertFalse(UFormAssumptions.notes.isEmpty)
    }
}
