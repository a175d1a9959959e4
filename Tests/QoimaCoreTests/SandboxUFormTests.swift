import Foundation
import QoimaCore
import QoimaSandbox
import QoimaXML
import XCTest

/// Universal forms against a real sandbox: each type's effect on balances, all or nothing, and
/// FAILED forms with errors that name the line.
final class SandboxUFormTests: XCTestCase {
    let company = DemoCompany.koimaSauda

    func party(store: Int64) -> UFormParty {
        UFormParty(address: "Алматы қ., Абай даңғылы, 150", name: company.name, storeId: store, tin: company.bin)
    }

    func line(_ gsvs: String, _ tnved: String, unit: String, quantity: Decimal, price: Decimal = 100,
              batch: Int64? = nil, name: String = "Товар") -> UFormProduct {
        UFormProduct(gsvsCode: GsvsCode(gsvs), measureUnitCode: MeasureUnitCode(unit), price: price, quantity: quantity,
                     sum: price * quantity, name: name, productId: batch, tnvedCode: TnvedCode(tnved))
    }

    func form(_ number: String, _ type: UFormType, _ products: [UFormProduct], sources: [UFormProduct] = [],
              to recipient: Int64? = nil) -> UForm {
        var form = UForm(number: number, date: SandboxSamples.today, type: type, sender: party(store: 1001),
                         recipient: recipient.map { party(store: $0) },
                         totalSum: products.compactMap(\.sum).reduce(0, +), comment: " ", products: products,
                         sourceProducts: sources)
        if !sources.isEmpty { form.sourceTotalSum = sources.compactMap(\.sum).reduce(0, +) }
        return form
    }

    /// Uploads forms signed by the company and returns their ids in order.
    func upload(_ forms: [UForm], _ harness: SandboxHarness, session: String) async throws -> [Int64] {
        let signer = try SharedTestPKI.signer(company)
        let bodies = forms.map(UFormXMLWriter.body)
        let signatures = try bodies.map { try signer.signRaw(Array($0.utf8)).base64 }
        let answer = try await harness.answer(.uploadUForm, on: .uForm, session: session) {
            SOAPElement("uFormInfoList") {
                for (body, signature) in zip(bodies, signatures) {
                    SOAPElement("uFormInfo") {
                        SOAPElement("uFormBody", body)
                        SOAPElement("version", "UFormV1")
                        SOAPElement("signature", signature)
                        SOAPElement("signatureType", "COMPANY")
                    }
                }
            }
            SOAPElement("x509Certificate", signer.certificate.base64)
        }
        let accepted = answer.items("acceptedList", "uploadUFormResult")
        XCTAssertEqual(accepted.map { $0.text("number") ?? "" }, forms.map(\.number))
        return accepted.compactMap { $0.text("id").flatMap { Int64($0) } }
    }

    func statuses(_ ids: [Int64], _ harness: SandboxHarness, session: String) async throws -> [String] {
        let answer = try await harness.answer(.queryUFormStatusById, on: .uForm, session: session) {
            SOAPElement("idList") { for id in ids { SOAPElement("id", id) } }
        }
        return answer.items("uFormSummaryList", "uFormSummary").map { $0.text("status") ?? "" }
    }

    func errors(_ id: Int64, _ harness: SandboxHarness, session: String) async throws -> Set<String> {
        let answer = try await harness.answer(.queryUFormErrorById, on: .uForm, session: session) {
            SOAPElement("idList") { SOAPElement("id", id) }
        }
        let errors = answer.items("uFormErrorInfoList", "uFormError").first?.items("errors", "error") ?? []
        return Set(errors.map { "\($0.text("property") ?? "") \($0.text("errorCode") ?? "")" })
    }

    func testEachTypeChangesBalances() async throws {
        let harness = try await startSandbox()
        let session = try await harness.session(company, on: .vstoreSession)
        let before = try await harness.balances(session: session)
        func key(_ batch: Int64, _ store: Int64 = 1001) -> Int64 { SandboxSamples.key(batch: batch, store: store) }

        let ids = try await upload([
            form("BAL-1", .balance, [line("10.89.19.000-2106909809", "2106909809", unit: "166", quantity: 250, name: "Халва"),
                                     line("10.89.19.000-2106909809", "2106909809", unit: "166", quantity: 40, name: "Халва")]),
            {
                var writeOff = form("WO-1", .writeOff, [line("10.81.12.000-1701991000", "1701991000", unit: "166", quantity: 500,
                                                             batch: 812_063)])
                writeOff.writeOffReason = .damage
                return writeOff
            }(),
            form("MOV-1", .movement, [line("19.20.21.100-2710194210", "2710194210", unit: "112", quantity: 1000, batch: 812_041)],
                 to: 1002),
            form("MAN-1", .manufacture, [line("10.82.23.000-1704907100", "1704907100", unit: "166", quantity: 80, name: "Конфеты")],
                 sources: [line("10.81.12.000-1701991000", "1701991000", unit: "166", quantity: 100, batch: 812_063)]),
            {
                var detailing = form("DET-1", .detailing, [line("11.01.10.100-2208601100", "2208601100", unit: "868",
                                                                quantity: 12, name: "Водка «Қойма», бутылка")],
                                     sources: [line("11.01.10.100-2208601100", "2208601100", unit: "796", quantity: 12,
                                                    batch: 812_052)])
                detailing.detailingType = .unpacking
                return detailing
            }(),
            form("COR-1", .balanceCorrection, [line("23.51.12.100-2523290000", "2523290000", unit: "168", quantity: 790,
                                                    batch: 812_017)]),
        ], harness, session: session)
        XCTAssertEqual(ids.count, 6)
        let processed = try await statuses(ids, harness, session: session)
        XCTAssertEqual(processed, Array(repeating: "PROCESSED", count: 6))

        let after = try await harness.balances(session: session)
        XCTAssertEqual(after[key(812_063)]?.quantity, "19400", "sugar: 20000 − 500 written off − 100 used up")
        XCTAssertEqual(after[key(812_041)]?.quantity, "59000")
        XCTAssertEqual(after[key(812_041, 1002)]?.quantity, "1000", "the same batch in the other store")
        XCTAssertEqual(after[key(812_052)]?.quantity, "2388")
        XCTAssertEqual(after[key(812_017)]?.quantity, "790")
        let added = after.filter { before[$0.key] == nil && $0.value.store == 1001 }
        XCTAssertEqual(added.values.map(\.quantity).sorted(), ["12", "250", "40", "80"])

        let registered = try await harness.answer(.queryUFormById, on: .uForm, session: session) {
            SOAPElement("idList") { SOAPElement("id", ids[0]) }
        }
        let info = try XCTUnwrap(registered.items("uFormInfoList", "uFormInfo").first)
        XCTAssertEqual(info.text("status"), "PROCESSED")
        XCTAssertEqual(info.text("registrationNumber")?.hasPrefix("KZ-UF-000140000002-"), true)
        XCTAssertEqual(info.text("uFormBody"), UFormXMLWriter.body(of: form("BAL-1", .balance, [
            line("10.89.19.000-2106909809", "2106909809", unit: "166", quantity: 250, name: "Халва"),
            line("10.89.19.000-2106909809", "2106909809", unit: "166", quantity: 40, name: "Халва")])))
    }

    func testAFormThatCannotBeAppliedFailsWholeWithErrorsNamingItsLines() async throws {
        let harness = try await startSandbox()
        let session = try await harness.session(company, on: .vstoreSession)
        var tooMuch = form("WO-2", .writeOff, [
            line("10.81.12.000-1701991000", "1701991000", unit: "166", quantity: 10, batch: 812_063),
            line("08.91.12.01-2503001000", "2503001000", unit: "168", quantity: 501, batch: 812_004),
            line("08.91.12.01-2503001000", "2503001000", unit: "168", quantity: 1, batch: 899_999),
        ])
        tooMuch.writeOffReason = .loss
        var noReason = form("WO-3", .writeOff, [line("10.81.12.000-1701991000", "1701991000", unit: "166", quantity: 1,
                                                     batch: 812_063)])
        noReason.comment = nil
        noReason.totalSum = 0
        var elsewhere = form("BAL-2", .balance, [line("10.89.19.000-2106909809", "2106909809", unit: "166", quantity: 1)])
        elsewhere.sender?.storeId = 2001
        let ids = try await upload([tooMuch, noReason, elsewhere], harness, session: session)
        let failed = try await statuses(ids, harness, session: session)
        XCTAssertEqual(failed, ["FAILED", "FAILED", "FAILED"])
        let tooMuchErrors = try await errors(ids[0], harness, session: session)
        XCTAssertEqual(tooMuchErrors, [
            "products.product[2].quantity VS-BATCH-INSUFFICIENT", "products.product[3].productId VS-BATCH-UNKNOWN",
        ])
        let noReasonErrors = try await errors(ids[1], harness, session: session)
        XCTAssertEqual(noReasonErrors, [
            "comment UF-COMMENT-REQUIRED", "totalSum UF-TOTAL-SUM-POSITIVE", "writeOffReason UF-WRITE-OFF-REASON-REQUIRED",
        ])
        let elsewhereErrors = try await errors(ids[2], harness, session: session)
        XCTAssertEqual(elsewhereErrors, ["sender.storeId VS-STORE-UNKNOWN"])
        let stock = try await harness.balances(session: session)
        XCTAssertEqual(stock[SandboxSamples.key(batch: 812_063, store: 1001)]?.quantity, "20000", "nothing of a failed form applies")
    }

    func testUploadsAreSignedAndTheFeedPagesByDateAndId() async throws {
        let harness = try await startSandbox()
        let session = try await harness.session(company, on: .vstoreSession)
        let forms = (1...5).map { form("BAL-F\($0)", .balance, [line("10.89.19.000-2106909809", "2106909809", unit: "166",
                                                                      quantity: Decimal($0))]) }
        let ids = try await upload(forms, harness, session: session)

        let wrong = try SandboxHarness.sign("something else", as: company)
        let tampered = try await harness.answer(.uploadUForm, on: .uForm, session: session) {
            SOAPElement("uFormInfoList") {
                SOAPElement("uFormInfo") {
                    SOAPElement("uFormBody", UFormXMLWriter.body(of: forms[0]))
                    SOAPElement("version", "UFormV1")
                    SOAPElement("signature", wrong.signature)
                }
            }
            SOAPElement("x509Certificate", wrong.certificate)
        }
        XCTAssertEqual(tampered.text("declinedList/uploadUFormResult/errorList/error/errorCode"), "SIGNATURE_INVALID")
        XCTAssertEqual(tampered.text("declinedList/uploadUFormResult/number"), "BAL-F1")

        var seen: [Int64] = []
        var cursor = ("2020-01-01T00:00:00+05:00", Int64(0))
        for _ in 0..<5 {
            let page = try await harness.answer(.queryUFormUpdates, on: .uForm, session: session) {
                SOAPElement("lastEventDate", cursor.0)
                SOAPElement("lastUFormId", cursor.1)
                SOAPElement("limit", 2)
            }
            seen += page.items("uFormInfoList", "uFormInfo").compactMap { $0.text("uFormId").flatMap { Int64($0) } }
            cursor = (try XCTUnwrap(page.text("lastEventDate")), try XCTUnwrap(page.text("lastUFormId").flatMap { Int64($0) }))
            if page.text("lastBlock") == "true" { break }
        }
        XCTAssertEqual(seen, ids)
        let other = try await harness.session(.qurylys, on: .vstoreSession)
        let foreignStatuses = try await statuses(ids, harness, session: other)
        XCTAssertEqual(foreignStatuses, [], "another company's forms are not visible")
    }
}
