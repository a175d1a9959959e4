import QoimaCore
import XCTest

final class WarehouseRulesTests: XCTestCase {
    static let own = "000140000002"
    /// Valid IINs and BINs (mod-11 check digits), as the demo keys use.
    static let iin = "850315300128"
    static let partner = "010340000011"
    let context = WarehouseRules.Context(companyTin: own, today: CalendarDate(year: 2026, month: 3, day: 10)!,
                                         priorityWarehouse: nil)

    func testIdentifiersUsedAreValid() {
        XCTAssertNil(TaxpayerNumber.defect(of: Self.iin))
        XCTAssertNil(TaxpayerNumber.defect(of: Self.partner))
        XCTAssertNil(TaxpayerNumber.defect(of: Self.own))
        XCTAssertTrue(WarehouseAssumptions.looksLikeIndividual(TaxpayerNumber(Self.iin)))
        XCTAssertFalse(WarehouseAssumptions.looksLikeIndividual(TaxpayerNumber(Self.partner)))
    }

    func testRequiredFieldsFollowSigns() {
        XCTAssertEqual(WarehouseRules.requiredFields(type: .pointOfSale, signs: []),
                       [.name, .address, .type, .responsiblePersonIin])
        XCTAssertEqual(WarehouseRules.requiredFields(type: .storeHouse, signs: [.jointActivity]).last, .permittedTins)
        XCTAssertEqual(Array(WarehouseRules.requiredFields(type: .mobileStore, signs: [.leasing, .publicWarehouse]).suffix(3)),
                       [.lesseeTin, .lesseeContractNumber, .lesseeContractDate])
    }

    func testEmptyDraftNamesEveryMissingDetailAtItsField() {
        let fields = WarehouseRules.problems(WarehouseDraft(), context: context).map(\.field)
        XCTAssertEqual(fields, [.name, .address, .responsiblePersonIin])
    }

    func testCompleteDraftPasses() {
        let draft = WarehouseDraft(name: "Склад №2", address: "Алматы, Абая 1", type: .storeHouse, responsiblePersonIin: Self.iin)
        XCTAssertEqual(WarehouseRules.problems(draft, context: context), [])
    }

    func testResponsiblePersonChecksumAndBinAreRefused() {
        var draft = WarehouseDraft(name: "A", address: "B", responsiblePersonIin: "850315300129")
        let checksum = WarehouseRules.problems(draft, context: context)
        XCTAssertEqual(checksum.map(\.field), [.responsiblePersonIin])
        XCTAssertTrue(checksum[0].message(in: .english).contains("check digit"))
        draft.responsiblePersonIin = Self.partner
        XCTAssertTrue(WarehouseRules.problems(draft, context: context)[0].message(in: .russian).contains("БИН"))
    }

    func testTypesIsEsfMakesItselfCannotBeCreated() {
        let draft = WarehouseDraft(name: "A", address: "B", type: .archive, responsiblePersonIin: Self.iin)
        XCTAssertEqual(WarehouseRules.problems(draft, context: context).map(\.field), [.type])
        XCTAssertEqual(WarehouseType(code: "MOBILE_STORE"), .mobileStore)
        XCTAssertEqual(WarehouseType(code: WarehouseAssumptions.archiveTypeCode), .archive)
        XCTAssertNil(WarehouseType(code: "SOMETHING_NEW"))
    }

    func testJointActivityNeedsValidDistinctPartnerBins() {
        var draft = WarehouseDraft(name: "A", address: "B", responsiblePersonIin: Self.iin, signs: [.jointActivity])
        XCTAssertEqual(WarehouseRules.problems(draft, context: context).map(\.field), [.permittedTins])
        draft.permittedTins = [Self.partner, " ", "010340000012", Self.own, Self.partner]
        let messages = WarehouseRules.problems(draft, context: context).map { $0.message(in: .english) }
        XCTAssertEqual(messages.count, 3)
        XCTAssertTrue(messages[0].hasPrefix("Participant 2 (010340000012)"))
        XCTAssertTrue(messages[1].contains("own BIN"))
        XCTAssertTrue(messages[2].contains("twice"))
        draft.permittedTins = [Self.partner]
        XCTAssertEqual(WarehouseRules.problems(draft, context: context), [])
    }

    func testLeasingNeedsLesseeAndAPastContract() {
        var draft = WarehouseDraft(name: "A", address: "B", responsiblePersonIin: Self.iin, signs: [.leasing])
        XCTAssertEqual(WarehouseRules.problems(draft, context: context).map(\.field),
                       [.lesseeTin, .lesseeContractNumber, .lesseeContractDate])
        draft.lesseeTin = Self.own
        draft.lesseeContractNumber = "Л-15"
        draft.lesseeContractDate = "31.02.2026"
        XCTAssertEqual(WarehouseRules.problems(draft, context: context).map(\.field), [.lesseeTin, .lesseeContractDate])
        draft.lesseeTin = Self.partner
        draft.lesseeContractDate = "11.03.2026"
        let future = WarehouseRules.problems(draft, context: context)
        XCTAssertEqual(future.map(\.field), [.lesseeContractDate])
        XCTAssertTrue(future[0].message(in: .english).contains("future"))
        draft.lesseeContractDate = "10.03.2026"
        XCTAssertEqual(WarehouseRules.problems(draft, context: context), [])
    }

    func testASecondPriorityWarehouseIsRefused() {
        let draft = WarehouseDraft(name: "A", address: "B", responsiblePersonIin: Self.iin, signs: [.priority])
        XCTAssertEqual(WarehouseRules.problems(draft, context: context), [])
        var withPriority = context
        withPriority.priorityWarehouse = "Негізгі қойма"
        let problems = WarehouseRules.problems(draft, context: withPriority)
        XCTAssertEqual(problems.map(\.field), [.signs])
        XCTAssertTrue(problems[0].message(in: .kazakh).contains("Негізгі қойма"))
    }

    func testFormLinesThatWithdrawGoods() {
        let line = { (batch: Int64, quantity: Decimal) in UFormProduct(quantity: quantity, productId: batch) }
        var form = UForm(type: .writeOff, products: [line(7, 2), line(8, 1), line(7, 3)])
        XCTAssertEqual(BatchWithdrawal.quantity(of: 7, in: form), 5)
        form.type = .manufacture
        form.sourceProducts = [line(7, 4)]
        XCTAssertEqual(BatchWithdrawal.quantity(of: 7, in: form), 4)
        form.type = .balance
        XCTAssertEqual(BatchWithdrawal.quantity(of: 7, in: form), 0)
    }
}
