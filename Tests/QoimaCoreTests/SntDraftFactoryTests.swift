import Foundation
import QoimaCore
@testable import QoimaStore
import QoimaXML
import XCTest

/// New drafts from blank, a copy, a template, a return, a correction and a file; the address
/// book; finding batches.
final class SntDraftFactoryTests: XCTestCase {
    private var scratch: TemporaryDatabase!
    private var company: OwnCompany!
    private var factory: SntDraftFactory!

    override func setUpWithError() throws {
        scratch = try TemporaryDatabase()
        _ = try scratch.company(SntSamples.sellerBin.rawValue)
        company = try XCTUnwrap(CompanyStore(database: scratch.database).company(bin: SntSamples.sellerBin.rawValue))
        factory = SntDraftFactory(database: scratch.database, company: company, today: SntSamples.today)
    }

    /// Stores `snt` with its real body, as a sync or a send would leave it.
    private func store(_ snt: Snt, direction: SntDirection = .outgoing, status: SntStatus,
                       registrationNumber: String? = nil, companyId: Int64? = nil) throws -> Int64 {
        let id = try scratch.database.pool.write { db in
            try SntRowWriter.insert(snt, body: SntXMLWriter.body(of: snt), problems: [], companyId: companyId ?? company.id,
                                    direction: direction, status: status, db)
        }
        if let registrationNumber {
            try SntRegistrationStore(database: scratch.database).record(id: id, registrationNumber: registrationNumber,
                                                                        esfId: id + 1000, status: status)
        }
        return id
    }

    private func draft(_ id: Int64) throws -> Snt {
        try XCTUnwrap(SntDraftStore(database: scratch.database).draft(id: id)).snt
    }

    private func errors(_ snt: Snt) throws -> [String] {
        SntValidator(context: try factory.checkContext(for: snt)).check(snt)
            .filter { $0.severity == .error }.map { "\($0.location) \($0.rule.id)" }
    }

    func testNextNumberKeepsTheWidthOfItsDigits() {
        XCTAssertEqual(SntDraftFactory.number(after: "СНТ-2026/0042"), "СНТ-2026/0043")
        XCTAssertEqual(SntDraftFactory.number(after: "A-099"), "A-100")
        XCTAssertEqual(SntDraftFactory.number(after: "99"), "100")
        XCTAssertEqual(SntDraftFactory.number(after: nil), "1")
        XCTAssertEqual(SntDraftFactory.number(after: "ОКТЯБРЬ"), "")
    }

    func testBlankTakesTheSellerFromTheLastSentSntAndNumbersAfterTheLastOne() throws {
        let first = try XCTUnwrap(SntDraftStore(database: scratch.database).draft(id: factory.blank())).snt
        XCTAssertEqual(first.number, "1")
        XCTAssertEqual(first.seller.tin, SntSamples.sellerBin)
        XCTAssertEqual(first.seller.name, company.nameRu)
        XCTAssertNil(first.seller.storeId, "no warehouse and no SNT sent yet")
        XCTAssertEqual(first.date, SntSamples.today)
        XCTAssertEqual(first.shippingDate, SntSamples.today)
        XCTAssertEqual(first.currencyCode, .tenge)

        _ = try store(SntSamples.domesticSale(), status: .confirmed, registrationNumber: SntSamples.originalNumber.rawValue)
        let blank = try draft(factory.blank())
        XCTAssertEqual(blank.number, "СНТ-2026/0043")
        XCTAssertEqual(blank.seller.storeId, 1001)
        XCTAssertEqual(blank.seller.actualAddress, SntSamples.domesticSale().seller.actualAddress)
        XCTAssertEqual(blank.customer.name, "")
        XCTAssertTrue(blank.goods?.lines.isEmpty ?? false)
    }

    func testCopiesOfOutgoingAndIncomingSnts() throws {
        let sale = SntSamples.domesticSale()
        let outgoing = try store(sale, status: .confirmed, registrationNumber: SntSamples.originalNumber.rawValue)
        let copy = try draft(factory.copy(of: outgoing))
        XCTAssertEqual(copy.customer, sale.customer)
        XCTAssertEqual(copy.goods, sale.goods)
        XCTAssertEqual(copy.contract, sale.contract)
        XCTAssertEqual(copy.number, "СНТ-2026/0043")
        XCTAssertEqual(copy.type, .primary)
        XCTAssertEqual(try errors(copy), [], "a copy of a valid SNT is valid")

        var bought = sale
        bought.seller = SntParty(tin: TaxpayerNumber("000140000042"), nonResident: false, name: "ТОО «Жеткізуші»",
                                 registerCountryCode: .kazakhstan, countryCode: .kazakhstan, storeId: 4004)
        bought.customer = sale.seller
        let incoming = try store(bought, direction: .incoming, status: .confirmed,
                                 registrationNumber: "KZ-SNT-0000-000140000042-20260115-7")
        let resale = try draft(factory.copy(of: incoming))
        XCTAssertEqual(resale.seller.tin, SntSamples.sellerBin, "the company sends the copy")
        XCTAssertEqual(resale.customer.name, "", "the customer is chosen anew")
        XCTAssertEqual(resale.goods?.lines.map(\.productName), sale.goods?.lines.map(\.productName))
        XCTAssertTrue(resale.goods?.lines.allSatisfy { $0.productId == nil } ?? false, "the sender's batches are dropped")
    }

    func testCorrectionOfADeliveredSntPassesTheCorrectionRules() throws {
        let sale = SntSamples.domesticSale()
        let delivered = try store(sale, status: .delivered, registrationNumber: SntSamples.originalNumber.rawValue)
        let correction = try draft(factory.correctionOf(delivered))
        XCTAssertEqual(correction.type, .fixed)
        XCTAssertEqual(correction.relatedRegistrationNumber, SntSamples.originalNumber)
        XCTAssertEqual(correction.seller, sale.seller)
        XCTAssertEqual(correction.customer, sale.customer)
        let context = try factory.checkContext(for: correction)
        XCTAssertEqual(context.original?.registration?.status, .delivered, "the check compares with the original")
        XCTAssertEqual(try errors(correction), [])

        // Changing what a correction must keep is caught.
        var changed = correction
        changed.customer.name = "ТОО «Басқа»"
        XCTAssertEqual(try errors(changed), ["C23 FIXED-KEEPS-FIELD"])
    }

    func testCorrectionsAndReturnsAreRefusedWhereTheyCannotBe() throws {
        let sale = SntSamples.domesticSale()
        let draftId = try SntDraftStore(database: scratch.database).createDraft(companyId: company.id, sale)
        XCTAssertThrowsError(try factory.correctionOf(draftId)) { error in
            XCTAssertEqual(error as? SntDraftFactory.Failure, .notRegistered(draftId, status: "DRAFT"))
        }
        XCTAssertThrowsError(try factory.returnOf(draftId)) { error in
            XCTAssertEqual(error as? SntDraftFactory.Failure, .notRegistered(draftId, status: "DRAFT"))
        }
        let confirmed = try store(sale, status: .confirmed, registrationNumber: SntSamples.originalNumber.rawValue)
        XCTAssertThrowsError(try factory.correctionOf(confirmed)) { error in
            XCTAssertEqual(error as? SntDraftFactory.Failure, .correctionStatus(confirmed, status: "CONFIRMED"))
            XCTAssertTrue(String(describing: error).contains("NOT_VIEWED or DELIVERED"))
        }
        XCTAssertThrowsError(try factory.returnOf(confirmed)) { error in
            XCTAssertEqual(error as? SntDraftFactory.Failure, .returnOfOutgoing(confirmed))
        }
        let notAccepted = try store(sale, direction: .incoming, status: .delivered,
                                    registrationNumber: "KZ-SNT-0000-000140000002-20260115-9")
        XCTAssertThrowsError(try factory.returnOf(notAccepted)) { error in
            XCTAssertEqual(error as? SntDraftFactory.Failure, .returnStatus(notAccepted, status: "DELIVERED"))
        }
        XCTAssertThrowsError(try factory.correctionOf(notAccepted)) { error in
            XCTAssertEqual(error as? SntDraftFactory.Failure, .correctionOfIncoming(notAccepted))
        }
        XCTAssertThrowsError(try factory.copy(of: 9_999)) { error in
            XCTAssertEqual(error as? SntDraftFactory.Failure, .missing(9_999))
        }
    }

    func testReturnSwapsThePartiesAndRefersToTheOriginal() throws {
        var bought = SntSamples.domesticSale()
        let supplier = SntParty(tin: TaxpayerNumber("000140000042"), nonResident: false, name: "ТОО «Жеткізуші»",
                                registerCountryCode: .kazakhstan, countryCode: .kazakhstan,
                                actualAddress: "Алматы қ., Абай даңғ., 5", storeId: 4004)
        bought.customer = bought.seller
        bought.seller = supplier
        let number = "KZ-SNT-0000-000140000042-20260115-7"
        let incoming = try store(bought, direction: .incoming, status: .confirmed, registrationNumber: number)
        let back = try draft(factory.returnOf(incoming))
        XCTAssertEqual(back.type, .returned)
        XCTAssertEqual(back.relatedRegistrationNumber?.rawValue, number)
        XCTAssertEqual(back.seller, bought.customer)
        XCTAssertEqual(back.customer, supplier)
        XCTAssertEqual(back.goods?.lines.map(\.quantity), bought.goods?.lines.map(\.quantity))
        XCTAssertEqual(try errors(back), [], "a return of a valid SNT is valid (batches are picked after)")
    }

    func testTemplatesAreSavedUnderANameAndStartNewDrafts() throws {
        let templates = SntTemplateStore(database: scratch.database)
        var usual = SntSamples.domesticSale()
        usual.number = "шаблон"
        let id = try templates.save(companyId: company.id, name: " Алтын Дән, цемент ", usual)
        XCTAssertEqual(try templates.list(companyId: company.id).map(\.name), ["Алтын Дән, цемент"])
        XCTAssertEqual(try templates.save(companyId: company.id, name: "Алтын Дән, цемент", usual), id, "same name, same template")
        XCTAssertThrowsError(try templates.save(companyId: company.id, name: "  ", usual))

        let started = try draft(factory.fromTemplate(id: id))
        XCTAssertEqual(started.customer, usual.customer)
        XCTAssertEqual(started.goods, usual.goods)
        XCTAssertEqual(started.number, "1")
        XCTAssertEqual(started.date, SntSamples.today)
        XCTAssertEqual(try errors(started), [])
        XCTAssertThrowsError(try factory.fromTemplate(id: id + 1)) { error in
            XCTAssertEqual(error as? SntDraftFactory.Failure, .templateMissing(id + 1))
        }
    }

    func testAPortalFileBecomesImportedDraftsOfTheCompany() throws {
        let path = scratch.path("one.xml")
        try SntXMLWriter.body(of: SntSamples.domesticSale()).write(toFile: path, atomically: true, encoding: .utf8)
        let ids = try factory.fromFile(path)
        XCTAssertEqual(ids.count, 1)
        XCTAssertEqual(try draft(ids[0]).number, SntSamples.domesticSale().number)
        XCTAssertEqual(try SntExchangeStore(database: scratch.database).exchangeState(id: ids[0])?.status, .imported)

        let garbage = scratch.path("bad.xml")
        try "<v1:snt xmlns:v1=\"v1.snt\"><number>".write(toFile: garbage, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try factory.fromFile(garbage)) { error in
            guard case .fileUnreadable? = error as? SntDraftFactory.Failure else { return XCTFail("\(error)") }
        }
        var other = SntSamples.domesticSale()
        other.seller.tin = TaxpayerNumber("000140000042")
        let foreign = scratch.path("other.xml")
        try SntXMLWriter.body(of: other).write(toFile: foreign, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try factory.fromFile(foreign)) { error in
            XCTAssertEqual(error as? SntDraftFactory.Failure, .fileOfOtherCompany(path: foreign))
        }
    }

    func testTheAddressBookIsSeededFromStoredSntsAndSearchedByNameOrTin() throws {
        let book = CounterpartyStore(database: scratch.database)
        _ = try store(StoreSamples.snt(number: "1", date: StoreSamples.date("10.01.2026"),
                                       customer: ("000140000012", "ТОО «Алтын Дән»")), status: .confirmed)
        _ = try store(StoreSamples.snt(number: "2", date: StoreSamples.date("12.01.2026"),
                                       customer: ("000140000022", "ИП Жумабеков"), customerStore: 3003), status: .delivered)
        _ = try store(StoreSamples.snt(number: "3", date: StoreSamples.date("11.01.2026"),
                                       seller: ("000140000032", "ТОО «Кен Тау»"), customer: (company.bin, "мы")),
                      direction: .incoming, status: .confirmed)
        XCTAssertEqual(try book.seedIfEmpty(companyId: company.id), 3)
        XCTAssertEqual(try book.seedIfEmpty(companyId: company.id), 0, "seeded once")

        XCTAssertEqual(try book.search(companyId: company.id, text: "").map(\.name),
                       ["ИП Жумабеков", "ТОО «Кен Тау»", "ТОО «Алтын Дән»"], "latest use first")
        XCTAssertEqual(try book.search(companyId: company.id, text: "алтын").map(\.tin), ["000140000012"],
                       "Cyrillic names match whatever their case")
        XCTAssertEqual(try book.search(companyId: company.id, text: "00014000002").map(\.name), ["ИП Жумабеков"])
        XCTAssertEqual(try book.counterparty(companyId: company.id, tin: "000140000022")?.storeIds, [3003])
        XCTAssertEqual(try book.counterparty(companyId: company.id, tin: "000140000032")?.storeIds, [1001],
                       "an incoming SNT's seller keeps its own warehouse")

        let later = Date().addingTimeInterval(60)
        try book.remember(companyId: company.id, SntSamples.domesticSale().customer, at: later)
        let remembered = try XCTUnwrap(book.search(companyId: company.id, text: "").first)
        XCTAssertEqual(remembered.tin, "000140000012", "remembered moves it to the top")
        XCTAssertEqual(remembered.address, SntSamples.domesticSale().customer.actualAddress)
        XCTAssertEqual(remembered.storeIds, [2002])
        XCTAssertEqual(remembered.asCustomer.storeId, 2002)
        XCTAssertNil(try book.remember(companyId: company.id, SntParty(name: " ")), "a party with no name is not kept")
        try book.remember(companyId: company.id, SntParty(nonResident: true, name: "OOO Uralkhim", countryCode: CountryCode("RU")))
        try book.remember(companyId: company.id, SntParty(nonResident: true, name: "OOO Uralkhim", countryCode: CountryCode("RU")))
        XCTAssertEqual(try book.search(companyId: company.id, text: "ural").count, 1, "one entry per name without a TIN")
    }

    func testBatchesAreFoundByNameTnvedAndEverySpellingOfTheirGtin() throws {
        let balances = BalanceStore(database: scratch.database)
        let rows = [
            StoredBalance(balanceId: 1, storeId: 1001, batch: 812004, name: "Сера комовая", kpvedCode: "08.91.12.01",
                          tnvedCode: "2503001000", gtin: nil, measureUnitCode: "166", unitPrice: 100, quantity: 50,
                          reserveQuantity: nil),
            StoredBalance(balanceId: 2, storeId: 1001, batch: 5001, name: "Коньяк «Бақыт» 0,5 л", kpvedCode: "11.01.10.10",
                          tnvedCode: "2208201200", gtin: "04870001234560", measureUnitCode: "868", unitPrice: 1234.56,
                          quantity: 20, reserveQuantity: 5),
            StoredBalance(balanceId: 3, storeId: 2002, batch: 9, name: "Сера в другом складе", kpvedCode: "08.91.12.01",
                          tnvedCode: "2503001000", gtin: nil, measureUnitCode: "166", unitPrice: 1, quantity: 1,
                          reserveQuantity: nil),
        ]
        try balances.stage(rows, companyId: company.id, lastBalanceId: 3, last: true)
        XCTAssertEqual(try balances.search(companyId: company.id, storeId: 1001, text: "СЕРА").map(\.balanceId), [1])
        XCTAssertEqual(try balances.search(companyId: company.id, storeId: 1001, text: "2208").map(\.balanceId), [2])
        XCTAssertEqual(try balances.search(companyId: company.id, storeId: 1001, text: "487000").map(\.balanceId), [2],
                       "a GTIN typed without its leading zero")
        XCTAssertEqual(try balances.batches(companyId: company.id, storeId: 1001, gtin: "4870001234560").map(\.batch), [5001])
        XCTAssertEqual(try balances.batches(companyId: company.id, storeId: 1001, gtin: "04870001234560").map(\.batch), [5001])
        XCTAssertEqual(try balances.batches(companyId: company.id, storeId: 2002, gtin: "4870001234560"), [])
    }
}
