import Foundation
import GRDB
import QoimaCore
import QoimaXML

/// UFormWebService (domain.md §10): upload, the update feed and queries by id.
struct UFormEndpoints {
    let services: SandboxServices
    private var namespace: SOAPNamespace { ESFService.uForm.namespace }

    /// `uploadUForm`: each signed form is accepted as CREATED (processed later, like SNTs) or
    /// declined for its signature, version or XML.
    func upload(_ request: SOAPElementView) throws -> SOAPMessage {
        let session = try services.session(of: request, on: .uForm)
        let certificate = try request.field("x509Certificate")
        var accepted: [(body: String, form: UForm, signature: String, signatureType: String)] = []
        var declined: [SOAPElement] = []
        for info in request.items("uFormInfoList", "uFormInfo") {
            let body = try info.payload("uFormBody")
            let signature = try info.field("signature")
            guard let form = try? UFormXMLReader.read(body).form else {
                declined.append(Self.result(id: nil, number: "", date: "", errors: [SandboxWireError(
                    property: "uFormBody", errorCode: SandboxErrorCodes.bodyUnreadable,
                    text: "Тело документа не является документом UFormV1")]))
                continue
            }
            let date = form.date?.ddMMyyyy ?? ""
            var errors: [SandboxWireError] = []
            if info.optional("version") != ESFWireValues.uFormVersion {
                errors.append(SandboxWireError(property: "version", errorCode: SandboxErrorCodes.versionUnknown,
                                               text: "Неизвестная версия документа; ожидается \(ESFWireValues.uFormVersion)"))
            } else {
                do {
                    _ = try services.signatures.checkDocument(
                        body: body, signature: signature, certificate: certificate, user: TaxpayerNumber(session.iin),
                        company: TaxpayerNumber(session.tin))
                } catch {
                    errors.append(SandboxWireError(property: "signature", errorCode: SandboxErrorCodes.signatureInvalid,
                                                   text: "Подпись документа недействительна: \(error)"))
                }
            }
            if errors.isEmpty {
                accepted.append((body, form, signature, info.optional("signatureType") ?? ESFWireValues.companySignature))
            } else {
                declined.append(Self.result(id: nil, number: form.number, date: date, errors: errors))
            }
        }
        let results = try services.transaction { db, now in
            try accepted.map { document in
                let time = try SandboxCounter.eventTime(in: db, now: now)
                let date = document.form.date?.ddMMyyyy ?? ""
                try db.execute(sql: """
                    INSERT INTO uform (number, date, type, tin, body, signature, signatureType, certificate,
                        signatureValid, creatorLogin, status, inputDate, lastUpdateDate, processAfter)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 'CREATED', ?, ?, ?)
                    """, arguments: [document.form.number, date, document.form.type?.rawValue, session.tin, document.body,
                                     document.signature, document.signatureType, certificate, session.iin, time, time,
                                     SandboxProcessing.processAfter(now, delay: services.processingDelay)])
                return Self.result(id: db.lastInsertedRowID, number: document.form.number, date: date, errors: [])
            }
        }
        return SOAPMessage(ESFOperation.uploadUForm.response, in: namespace) {
            SOAPElement("acceptedList", children: results)
            SOAPElement("declinedList", children: declined)
        }
    }

    /// `queryUpdates`: the company's forms ordered by (lastUpdateDate, id) after the cursor. The
    /// sandbox pages correctly by both; IS ESF's reported loss when `lastUFormId` is fed back
    /// (domain.md §11) is not imitated.
    func queryUpdates(_ request: SOAPElementView) throws -> SOAPMessage {
        let session = try services.session(of: request, on: .uForm)
        let since = try request.optionalDateTime("lastEventDate").map(WireTime.milliseconds) ?? 0
        let lastId = try request.optionalInteger("lastUFormId") ?? 0
        let limit = try request.pageSize(default: SandboxAssumptions.uFormPageDefault,
                                         cap: SandboxAssumptions.uFormPageCap)
        let rows = try services.transaction { db, _ in
            try UFormRow.fetchAll(db, sql: """
                SELECT * FROM uform WHERE tin = ? AND (lastUpdateDate, id) > (?, ?)
                ORDER BY lastUpdateDate, id LIMIT ?
                """, arguments: [session.tin, since, lastId, limit + 1])
        }
        let page = rows.prefix(limit)
        return SOAPMessage(ESFOperation.queryUFormUpdates.response, in: namespace) {
            SOAPElement("lastEventDate", WireTime.text(page.last?.lastUpdateDate ?? since))
            SOAPElement("lastUFormId", page.last?.id ?? lastId)
            SOAPElement("lastBlock", rows.count <= limit)
            SOAPElement("uFormInfoList") { for row in page { Self.info(row) } }
        }
    }

    func queryById(_ request: SOAPElementView) throws -> SOAPMessage {
        let rows = try own(request)
        return SOAPMessage(ESFOperation.queryUFormById.response, in: namespace) {
            SOAPElement("lastBlock", true)
            SOAPElement("currPage", 1)
            SOAPElement("recordsCount", rows.count)
            SOAPElement("uFormInfoList") { for row in rows { Self.info(row) } }
        }
    }

    func queryStatusById(_ request: SOAPElementView) throws -> SOAPMessage {
        let rows = try own(request)
        return SOAPMessage(ESFOperation.queryUFormStatusById.response, in: namespace) {
            SOAPElement("uFormSummaryList") {
                for row in rows {
                    SOAPElement("uFormSummary") {
                        SOAPElement("uFormId", row.id)
                        SOAPElement("date", row.date)
                        SOAPElement("status", row.status.rawValue)
                        SOAPElement("number", row.number)
                        if let reason = row.cancelReason { SOAPElement("cancelReason", reason) }
                        if let number = row.registrationNumber { SOAPElement("registrationNumber", number) }
                        SOAPElement("lastUpdateDate", WireTime.text(row.lastUpdateDate))
                    }
                }
            }
        }
    }

    func queryErrorById(_ request: SOAPElementView) throws -> SOAPMessage {
        let session = try services.session(of: request, on: .uForm)
        let ids = try request.ids()
        let items = try services.transaction { db, _ in
            try ids.compactMap { try UFormRow.find($0, in: db) }.filter { $0.tin == session.tin }.map { row in
                let errors = try UFormRow.errors(of: row.id, in: db)
                return SOAPElement("uFormError") {
                    SOAPElement("uFormId", row.id)
                    SOAPElement.errors(errors, wrapper: "errors")
                }
            }
        }
        return SOAPMessage(ESFOperation.queryUFormErrorById.response, in: namespace) {
            SOAPElement("uFormErrorInfoList", children: items)
        }
    }

    private func own(_ request: SOAPElementView) throws -> [UFormRow] {
        let session = try services.session(of: request, on: .uForm)
        let ids = try request.ids()
        return try services.transaction { db, _ in
            try ids.compactMap { try UFormRow.find($0, in: db) }.filter { $0.tin == session.tin }
        }
    }

    static func info(_ row: UFormRow) -> SOAPElement {
        SOAPElement("uFormInfo") {
            SOAPElement("uFormBody", row.body)
            SOAPElement("uFormId", row.id)
            SOAPElement("inputDate", WireTime.text(row.inputDate))
            SOAPElement("lastUpdateDate", WireTime.text(row.lastUpdateDate))
            SOAPElement("signatureValid", row.signatureValid)
            SOAPElement("status", row.status.rawValue)
            if let reason = row.cancelReason { SOAPElement("cancelReason", reason) }
            SOAPElement("version", ESFWireValues.uFormVersion)
            SOAPElement("signature", row.signature)
            SOAPElement("signatureType", row.signatureType)
            SOAPElement("registrationNumber", row.registrationNumber ?? "")
            SOAPElement("creatorLogin", row.creatorLogin)
        }
    }

    /// `uploadUFormResult`: {errorList/error*, notificationList/notification*, id, number, date}.
    static func result(id: Int64?, number: String, date: String, errors: [SandboxWireError]) -> SOAPElement {
        SOAPElement("uploadUFormResult") {
            if !errors.isEmpty { SOAPElement.errors(errors, wrapper: "errorList") }
            if let id { SOAPElement("id", id) }
            SOAPElement("number", number)
            SOAPElement("date", date)
        }
    }
}
