import Foundation
import QoimaCore
import QoimaSandbox
import QoimaXML
import XCTest

/// SntWebService against a real sandbox: uploads, format checks with IS ESF-shaped errors,
/// registration, statuses and their transitions, corrections, and the update feed.
final class SandboxSntTests: XCTestCase {
    func testUploadsAreCheckedBySignatureAndNeverDeduplicated() async throws {
        let harness = try await startSandbox()
        let session = try await harness.session(.koimaSauda)
        let body = SntXMLWriter.body(of: SandboxSamples.snt("SNT-TWICE"))

        let twice = try await harness.upload([body, body], as: .koimaSauda, session: session)
        let accepted = twice.items("acceptedList", "sntUploadResult")
        XCTAssertEqual(accepted.count, 2, "a document sent twice is two documents")
        XCTAssertEqual(twice.items("declinedList", "sntUploadResult").count, 0)
        let ids = accepted.compactMap { $0.text("sntId").flatMap { Int64($0) } }
        XCTAssertEqual(Set(ids).count, 2)
        XCTAssertTrue(ids.allSatisfy { $0 > 0 })
        XCTAssertEqual(accepted.map { $0.text("number") }, ["SNT-TWICE", "SNT-TWICE"])
        XCTAssertEqual(accepted.first?.text("date"), SandboxSamples.today.ddMMyyyy)

        let tampered = try await harness.upload([body], as: .koimaSauda, session: session, tamper: true)
        XCTAssertEqual(tampered.items("acceptedList", "sntUploadResult").count, 0)
        let declined = try XCTUnwrap(tampered.items("declinedList", "sntUploadResult").first)
        XCTAssertEqual(declined.text("errorList/error/errorCode"), "SIGNATURE_INVALID")
        XCTAssertEqual(declined.text("number"), "SNT-TWICE")
        XCTAssertNil(declined.text("sntId"))
        // Signed by someone who is not the session's user.
        let stranger = try await harness.upload([body], as: .qurylys, session: session)
        XCTAssertEqual(stranger.text("declinedList/sntUploadResult/errorList/error/errorCode"), "SIGNATURE_INVALID")

        // Registered asynchronously, but before any later request can see it: NOT_VIEWED, numbered.
        let today = SandboxSamples.today.yyyyMMdd
        var numbers: [String] = []
        for id in ids {
            let info = try await harness.info(id, session: session)
            XCTAssertEqual(info.text("status"), "NOT_VIEWED")
            let number = try XCTUnwrap(info.text("registrationNumber"))
            XCTAssertNotNil(number.range(of: #"^KZ-SNT-\d{4}-000140000002-\#(today)-\d+$"#, options: .regularExpression), number)
            XCTAssertTrue(SntRegistrationNumber(number).isValid)
            numbers.append(number)
            XCTAssertEqual(info.text("documentInfo/sntBody"), body, "the body comes back byte for byte")
            XCTAssertEqual(info.text("documentInfo/creatorTin"), "000140000002")
            XCTAssertEqual(info.text("documentInfo/signatureValid"), "true")
            XCTAssertEqual(info.text("documentInfo/senderSignerName")?.isEmpty, false)
            XCTAssertNotNil(ESFDateTime.instant(info.text("inputDate") ?? ""))
        }
        let sequences = numbers.compactMap { SntRegistrationNumber($0).parts.flatMap { Int($0.sequence) } }
        XCTAssertEqual(sequences, [sequences[0], sequences[0] + 1], "one sequence per seller and day")

        let history = try await harness.answer(.querySntHistoryById, on: .snt, session: session) {
            SOAPElement("idList") { SOAPElement("id", ids[0]) }
        }
        XCTAssertEqual(history.items("resultList", "sntHistory").map { $0.text("status") ?? "" }, ["CREATED", "NOT_VIEWED"])
        XCTAssertEqual(history.items("resultList", "sntHistory").first?.text("userId"), DemoCompany.koimaSauda.director.iin.rawValue)
    }

    func testAFailedSntCarriesErrorsNamingPropertyAndRule() async throws {
        let harness = try await startSandbox()
        let session = try await harness.session(.koimaSauda)
        var snt = SandboxSamples.snt("SNT-BAD", quantities: ["600", "13", "0"])
        snt.goods?.lines[1].productId = VirtualProductId(gsvs: GsvsCode("23.51.12.100-2523290000"), batch: 812_099)
        let id = try await harness.uploadOne(snt, session: session)

        let info = try await harness.info(id, session: session)
        XCTAssertEqual(info.text("status"), "FAILED")
        XCTAssertNil(info.text("registrationNumber"))
        XCTAssertEqual(info.text("cancelReason")?.isEmpty, false)
        let errors = try await harness.answer(.querySntErrorById, on: .snt, session: session) {
            SOAPElement("idList") { SOAPElement("id", id) }
        }
        let listed = errors.items("sntErrorList", "sntError").first?.items("errors", "error") ?? []
        let pairs = Set(listed.map { "\($0.text("property") ?? "") \($0.text("errorCode") ?? "")" })
        XCTAssertEqual(pairs, [
            "productSet.products.product[1].quantity VS-BATCH-INSUFFICIENT",
            "productSet.products.product[2].productId VS-BATCH-UNKNOWN",
            "productSet.products.product[3].quantity LINE-QUANTITY-POSITIVE",
        ])
        let quantity = try XCTUnwrap(listed.first { $0.text("errorCode") == "LINE-QUANTITY-POSITIVE" })
        XCTAssertEqual(quantity.text("text"), SntGoodsRules.quantityPositive.message.text(in: .russian, ["0"]))
        let insufficient = try XCTUnwrap(listed.first { $0.text("errorCode") == "VS-BATCH-INSUFFICIENT" })
        XCTAssertEqual(insufficient.text("text"), "Недостаточно товара в партии 812004: доступно 500, требуется 600.")
        XCTAssertEqual(info.element(at: "documentInfo")?.items("errors", "error").count, 3, "documentInfo carries the same errors")
        XCTAssertEqual(SandboxErrorProperty.parse("productSet.products.product[3].quantity").line, 3)

        // The seller must be the session's company, shipping from its own store.
        let other = try await harness.session(.qurylys)
        let foreign = try await harness.uploadOne(SandboxSamples.snt("SNT-FOREIGN"), as: .qurylys, session: other)
        let foreignErrors = try await harness.answer(.querySntErrorById, on: .snt, session: other) {
            SOAPElement("idList") { SOAPElement("id", foreign) }
        }
        let codes = Set((foreignErrors.items("sntErrorList", "sntError").first?.items("errors", "error") ?? [])
            .map { "\($0.text("property") ?? "") \($0.text("errorCode") ?? "")" })
        XCTAssertTrue(codes.contains("seller.tin ESF-SELLER-NOT-SESSION"), "\(codes)")
        XCTAssertTrue(codes.contains("seller.storeId VS-STORE-UNKNOWN"), "\(codes)")
    }

    func testViewConfirmDeclineRevokeAndWhatIsForbidden() async throws {
        let harness = try await startSandbox()
        let supplier = try await harness.session(.koimaSauda)
        let receiver = try await harness.session(.qurylys)
        let first = try await harness.uploadOne(SandboxSamples.snt("SNT-A"), session: supplier)
        let second = try await harness.uploadOne(SandboxSamples.snt("SNT-B"), session: supplier)
        let third = try await harness.uploadOne(SandboxSamples.snt("SNT-C"), session: supplier)

        let viewed = try await harness.answer(.queryViewSnt, on: .snt, session: receiver) {
            SOAPElement("idList") { SOAPElement("id", first) }
        }
        XCTAssertEqual(viewed.text("resultList/changeStatusResult/isChanged"), "true")
        XCTAssertEqual(viewed.text("resultList/changeStatusResult/sntSummary/status"), "DELIVERED")
        XCTAssertEqual(viewed.text("resultList/changeStatusResult/sntSummary/recipientTin"), "000140000012")
        let again = try await harness.answer(.queryViewSnt, on: .snt, session: receiver) {
            SOAPElement("idList") { SOAPElement("id", first) }
        }
        XCTAssertEqual(again.text("resultList/changeStatusResult/isChanged"), "false")

        let noCause = try await harness.change(SntAction(sntId: first, kind: .decline), as: .qurylys, session: receiver)
        XCTAssertEqual(noCause.text("isChanged"), "false")
        XCTAssertEqual(noCause.text("errors/error/errorCode"), "SNT_DECLINE_CAUSE_IS_NULL")
        let bySupplier = try await harness.change(SntAction(sntId: first, kind: .confirm), as: .koimaSauda, session: supplier)
        XCTAssertEqual(bySupplier.text("errors/error/errorCode"), "ACCESS_DENIED")
        let wrongSigner = try await harness.change(SntAction(sntId: first, kind: .confirm), as: .koimaSauda, session: receiver)
        XCTAssertEqual(wrongSigner.text("errors/error/errorCode"), "SIGNATURE_INVALID")

        let documentSignature = try await harness.info(first, session: receiver).text("documentInfo/signature")
        let signature = try XCTUnwrap(documentSignature)
        let confirm = SntAction(sntId: first, kind: .confirm, originalDocumentSignature: signature,
                                powerOfAttorneyDate: SandboxSamples.today, powerOfAttorneyNumber: "ДВ-77")
        let confirmed = try await harness.change(confirm, as: .qurylys, session: receiver)
        XCTAssertEqual(confirmed.text("isChanged"), "true", confirmed.text("errors/error/text") ?? "")
        XCTAssertEqual(confirmed.text("sntSummary/status"), "CONFIRMED")
        let acceptanceElement = try await harness.info(first, session: supplier).element(at: "acceptanceGoodsInfo")
        let acceptance = try XCTUnwrap(acceptanceElement)
        XCTAssertEqual(acceptance.text("powerOfAttorneyNumber"), "ДВ-77")
        XCTAssertEqual(acceptance.text("powerOfAttorneyDate"), SandboxSamples.today.ddMMyyyy)
        XCTAssertEqual(acceptance.text("acceptanceOrRejectionProducer"), "ТОО «Құрылыс & Ко»")
        XCTAssertNotNil(acceptance.text("companySignature"))
        let twice = try await harness.change(SntAction(sntId: first, kind: .confirm), as: .qurylys, session: receiver)
        XCTAssertEqual(twice.text("errors/error/errorCode"), "SNT_STATUS_NOT_ALLOWED")
        XCTAssertTrue(twice.text("errors/error/text")?.contains("CONFIRMED") == true)
        let mismatch = try await harness.change(SntAction(sntId: second, kind: .confirm, originalDocumentSignature: "AAAA"),
                                                as: .qurylys, session: receiver)
        XCTAssertEqual(mismatch.text("errors/error/errorCode"), "ORIGINAL_SIGNATURE_MISMATCH")

        let declined = try await harness.change(SntAction(sntId: second, kind: .decline, cause: "Пересорт"),
                                                as: .qurylys, session: receiver)
        XCTAssertEqual(declined.text("sntSummary/status"), "DECLINED")
        let declineReason = try await harness.info(second, session: supplier).text("cancelReason")
        XCTAssertEqual(declineReason, "Пересорт")

        let byReceiver = try await harness.change(SntAction(sntId: third, kind: .revoke, cause: "x"), as: .qurylys, session: receiver)
        XCTAssertEqual(byReceiver.text("errors/error/errorCode"), "ACCESS_DENIED")
        let noRevokeCause = try await harness.change(SntAction(sntId: third, kind: .revoke), as: .koimaSauda, session: supplier)
        XCTAssertEqual(noRevokeCause.text("isChanged"), "false")
        let revoked = try await harness.change(SntAction(sntId: third, kind: .revoke, cause: "Ошибка в количестве"),
                                               as: .koimaSauda, session: supplier)
        XCTAssertEqual(revoked.text("sntSummary/status"), "REVOKED")
        let late = try await harness.change(SntAction(sntId: third, kind: .confirm), as: .qurylys, session: receiver)
        XCTAssertEqual(late.text("errors/error/errorCode"), "SNT_STATUS_NOT_ALLOWED")

        let history = try await harness.answer(.querySntHistoryById, on: .snt, session: receiver) {
            SOAPElement("idList") { SOAPElement("id", first) }
        }
        let steps = history.items("resultList", "sntHistory")
        XCTAssertEqual(steps.map { $0.text("action") ?? "" }, ["CREATE", "CREATE", "VIEW", "CONFIRM"])
        XCTAssertEqual(steps.last?.text("statusDescription"), "Подтвержден")
        XCTAssertEqual(steps.last?.text("tin"), "000140000012")
        let times = steps.compactMap { $0.text("date").flatMap(ESFDateTime.instant) }
        XCTAssertEqual(times, times.sorted())
    }

    func testACorrectionCancelsItsOriginalAndTakesOverItsReserve() async throws {
        let harness = try await startSandbox()
        let supplier = try await harness.session(.koimaSauda)
        let receiver = try await harness.session(.qurylys)
        let warehouse = try await harness.session(.koimaSauda, on: .vstoreSession)
        let original = try await harness.uploadOne(SandboxSamples.snt("SNT-ORIG", quantities: ["400", "13", "3"]), session: supplier)
        let originalNumber = try await harness.info(original, session: supplier).text("registrationNumber")
        let number = try XCTUnwrap(originalNumber)
        let sulphur = SandboxSamples.key(batch: 812_004, store: 1001)
        let reserveBefore = try await harness.balances(session: warehouse)[sulphur]?.reserve
        XCTAssertEqual(reserveBefore, "400")

        // 450 of 500 fits only because the original's 400 is released first.
        var fixed = SandboxSamples.snt("SNT-ORIG-FIX", quantities: ["450", "13", "3"])
        fixed.type = .fixed
        fixed.relatedRegistrationNumber = SntRegistrationNumber(number)
        let correction = try await harness.uploadOne(fixed, session: supplier)
        let correctionStatus = try await harness.status(correction, session: supplier)
        XCTAssertEqual(correctionStatus, "NOT_VIEWED")
        let originalStatus = try await harness.status(original, session: supplier)
        XCTAssertEqual(originalStatus, "CANCELED")
        let reserveAfter = try await harness.balances(session: warehouse)[sulphur]?.reserve
        XCTAssertEqual(reserveAfter, "450")
        let history = try await harness.answer(.querySntHistoryById, on: .snt, session: supplier) {
            SOAPElement("idList") { SOAPElement("id", original) }
        }
        XCTAssertEqual(history.items("resultList", "sntHistory").last?.text("action"), "CANCEL")

        // A confirmed SNT cannot be corrected; an unknown one cannot be referred to.
        let confirmedNumber = try await harness.info(correction, session: receiver).text("registrationNumber")
        let confirmed = try XCTUnwrap(confirmedNumber)
        _ = try await harness.change(SntAction(sntId: correction, kind: .confirm), as: .qurylys, session: receiver)
        fixed.number = "SNT-LATE-FIX"
        fixed.relatedRegistrationNumber = SntRegistrationNumber(confirmed)
        let late = try await harness.uploadOne(fixed, session: supplier)
        let lateStatus = try await harness.status(late, session: supplier)
        XCTAssertEqual(lateStatus, "FAILED")
        let lateErrors = try await harness.info(late, session: supplier).element(at: "documentInfo")?.items("errors", "error") ?? []
        XCTAssertTrue(lateErrors.contains { $0.text("property") == "relatedRegistrationNumber" }, "\(lateErrors.map(\.path))")
        fixed.relatedRegistrationNumber = SntRegistrationNumber("KZ-SNT-6001-000140000002-20260101-999")
        let unknown = try await harness.uploadOne(fixed, session: supplier)
        let unknownErrors = try await harness.info(unknown, session: supplier).element(at: "documentInfo")?.items("errors", "error") ?? []
        XCTAssertEqual(unknownErrors.first { $0.text("errorCode") == "ESF-RELATED-NOT-FOUND" }?.text("property"),
                       "relatedRegistrationNumber")
    }

    func testRegistrationReservesConfirmationMovesAndDeclineOrRevokeReleases() async throws {
        let harness = try await startSandbox()
        let supplier = try await harness.session(.koimaSauda)
        let receiver = try await harness.session(.qurylys)
        let supplierStock = try await harness.session(.koimaSauda, on: .vstoreSession)
        let receiverStock = try await harness.session(.qurylys, on: .vstoreSession)
        let sulphur = SandboxSamples.key(batch: 812_004, store: 1001)
        let before = try await harness.balances(session: receiverStock)

        let shipped = try await harness.uploadOne(SandboxSamples.snt("SNT-MOVE", quantities: ["10", "13", "3.275"]), session: supplier)
        let refused = try await harness.uploadOne(SandboxSamples.snt("SNT-REFUSED", quantities: ["5", "1", "1"]), session: supplier)
        let withdrawn = try await harness.uploadOne(SandboxSamples.snt("SNT-WITHDRAWN", quantities: ["7", "1", "1"]), session: supplier)
        var stock = try await harness.balances(session: supplierStock)
        XCTAssertEqual(stock[sulphur]?.quantity, "500")
        XCTAssertEqual(stock[sulphur]?.reserve, "22")
        XCTAssertEqual(stock[SandboxSamples.key(batch: 812_033, store: 1001)]?.reserve, "5.275")

        _ = try await harness.change(SntAction(sntId: shipped, kind: .confirm), as: .qurylys, session: receiver)
        stock = try await harness.balances(session: supplierStock)
        XCTAssertEqual(stock[sulphur]?.quantity, "490")
        XCTAssertEqual(stock[sulphur]?.reserve, "12")
        let arrived = try await harness.balances(session: receiverStock).filter { before[$0.key] == nil }
        XCTAssertEqual(arrived.count, 3, "a new batch per line")
        XCTAssertEqual(Set(arrived.values.map(\.store)), [2002], "into the receiver's store C 30")
        XCTAssertEqual(Set(arrived.values.map(\.quantity)), ["10", "13", "3.275"])

        _ = try await harness.change(SntAction(sntId: refused, kind: .decline, cause: "Не заказывали"), as: .qurylys, session: receiver)
        _ = try await harness.change(SntAction(sntId: withdrawn, kind: .revoke, cause: "Отмена"), as: .koimaSauda, session: supplier)
        stock = try await harness.balances(session: supplierStock)
        XCTAssertEqual(stock[sulphur]?.quantity, "490")
        XCTAssertEqual(stock[sulphur]?.reserve, "0")
        XCTAssertEqual(stock[SandboxSamples.key(batch: 812_033, store: 1001)]?.quantity, "116.725")
    }

    func testQueryUpdatePagesByDateAndIdWithoutLosingOrRepeating() async throws {
        let harness = try await startSandbox()
        // Bulk SNTs share one lastUpdateDate, so only the id tells them apart.
        let bulk = try XCTUnwrap(try harness.sandbox.store.addIncomingSnts(company: "000140000012", count: 7))
        let supplier = try await harness.session(.koimaSauda)
        let uploaded = try await harness.uploadOne(SandboxSamples.snt("SNT-FEED"), session: supplier)
        let receiver = try await harness.session(.qurylys)

        var seen: [Int64] = []
        var cursor = (date: "2020-01-01T00:00:00.000+05:00", id: Int64(0))
        var pages = 0
        while true {
            let page = try await harness.answer(.querySntUpdates, on: .snt, session: receiver) {
                SOAPElement("direction", "INBOUND")
                SOAPElement("lastEventDate", cursor.date)
                SOAPElement("lastSntId", cursor.id)
                SOAPElement("limit", 3)
            }
            pages += 1
            let infos = page.items("sntInfoList", "sntInfo")
            XCTAssertLessThanOrEqual(infos.count, 3)
            seen += infos.compactMap { $0.text("sntId").flatMap { Int64($0) } }
            XCTAssertTrue(infos.allSatisfy { $0.text("documentInfo/sntBody")?.isEmpty == false })
            cursor = (try XCTUnwrap(page.text("lastEventDate")), try XCTUnwrap(page.text("lastSntId").flatMap { Int64($0) }))
            if page.text("lastBlock") == "true" { break }
            XCTAssertLessThan(pages, 10)
        }
        XCTAssertEqual(seen, Array(bulk) + [uploaded])
        XCTAssertEqual(pages, 3)

        // The feed moves on: a view is a new event after the cursor.
        _ = try await harness.answer(.queryViewSnt, on: .snt, session: receiver) { SOAPElement("idList") { SOAPElement("id", uploaded) } }
        let next = try await harness.answer(.querySntUpdates, on: .snt, session: receiver) {
            SOAPElement("lastEventDate", cursor.date)
            SOAPElement("lastSntId", cursor.id)
        }
        XCTAssertEqual(next.items("sntInfoList", "sntInfo").map { $0.text("status") }, ["DELIVERED"])
        let outbound = try await harness.answer(.querySntUpdates, on: .snt, session: receiver) {
            SOAPElement("direction", "OUTBOUND")
            SOAPElement("lastEventDate", "2020-01-01T00:00:00+05:00")
        }
        XCTAssertEqual(outbound.items("sntInfoList", "sntInfo").count, 0)

        // A page never holds more than the cap, whatever the limit asks.
        try harness.sandbox.store.addIncomingSnts(company: "000140000012", count: 120)
        let capped = try await harness.answer(.querySntUpdates, on: .snt, session: receiver) {
            SOAPElement("lastEventDate", "2020-01-01T00:00:00+05:00")
            SOAPElement("limit", 5000)
        }
        XCTAssertEqual(capped.items("sntInfoList", "sntInfo").count, SandboxAssumptions.sntPageCap)
        XCTAssertEqual(capped.text("lastBlock"), "false")
    }

    func testWithAProcessingDelayAnUploadStaysCreatedUntilItPasses() async throws {
        let harness = try await startSandbox { $0.processingDelay = .milliseconds(2000) }
        let supplier = try await harness.session(.koimaSauda)
        let receiver = try await harness.session(.qurylys)
        let id = try await harness.uploadOne(SandboxSamples.snt("SNT-SLOW"), session: supplier)
        let createdStatus = try await harness.status(id, session: supplier)
        XCTAssertEqual(createdStatus, "CREATED")
        let inbound = try await harness.answer(.querySntStatusById, on: .snt, session: receiver) {
            SOAPElement("idList") { SOAPElement("id", id) }
        }
        XCTAssertEqual(inbound.items("sntSummaryList", "sntSummary").count, 0, "the receiver sees it once registered")
        try await Task.sleep(for: .milliseconds(2200))
        let registeredStatus = try await harness.status(id, session: receiver)
        XCTAssertEqual(registeredStatus, "NOT_VIEWED")
    }
}
