import Foundation
import GRDB
import QoimaCore
import QoimaSigning
import QoimaXML

/// SntWebService (domain.md §8): upload, queries, view, status changes and the update feed.
struct SntEndpoints {
    let services: SandboxServices
    private var namespace: SOAPNamespace { ESFService.snt.namespace }

    /// `uploadSnt`: each signed body is accepted as a new CREATED SNT, or declined when its
    /// signature, version or XML is wrong. Nothing is deduplicated: the same document sent twice
    /// is two SNTs, as a client that repeats an upload must find out.
    func upload(_ request: SOAPElementView) throws -> SOAPMessage {
        let session = try services.session(of: request, on: .snt)
        let certificate = try request.field("x509Certificate")
        var accepted: [AcceptedSnt] = []
        var declined: [SOAPElement] = []
        for info in request.items("sntInfoList", "sntInfo") {
            let body = try info.payload("sntBody")
            let signature = try info.field("signature")
            let signatureType = info.optional("signatureType") ?? ESFWireValues.companySignature
            guard let snt = try? SntXMLReader.read(body).snt else {
                declined.append(SntWire.uploadResult(sntId: nil, number: "", date: "", errors: [SandboxWireError(
                    property: "sntBody", errorCode: SandboxErrorCodes.bodyUnreadable,
                    text: "Тело документа не является документом SntV1")]))
                continue
            }
            let date = snt.date?.ddMMyyyy ?? ""
            guard info.optional("version") == ESFWireValues.sntVersion else {
                declined.append(SntWire.uploadResult(sntId: nil, number: snt.number, date: date, errors: [SandboxWireError(
                    property: "version", errorCode: SandboxErrorCodes.versionUnknown,
                    text: "Неизвестная версия документа: \(info.optional("version") ?? "—"); ожидается \(ESFWireValues.sntVersion)")]))
                continue
            }
            do {
                let signer = try services.signatures.checkDocument(
                    body: body, signature: signature, certificate: certificate, user: TaxpayerNumber(session.iin),
                    company: TaxpayerNumber(session.tin))
                accepted.append(AcceptedSnt(body: body, snt: snt, signature: signature, signatureType: signatureType,
                                            signer: signer.subject.fullName))
            } catch {
                declined.append(SntWire.uploadResult(sntId: nil, number: snt.number, date: date, errors: [SandboxWireError(
                    property: "signature", errorCode: SandboxErrorCodes.signatureInvalid,
                    text: "Подпись документа недействительна: \(error)")]))
            }
        }
        let results = try services.transaction { db, now in
            try accepted.map { document in
                let time = try SandboxCounter.eventTime(in: db, now: now)
                try db.execute(sql: """
                    INSERT INTO snt (number, date, sntType, sellerTin, customerTin, body, signature, signatureType,
                        certificate, signatureValid, signerName, creatorLogin, creatorTin, status, inputDate,
                        lastUpdateDate, processAfter)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, 'CREATED', ?, ?, ?)
                    """, arguments: [document.snt.number, document.date, document.snt.type.rawValue,
                                     document.snt.seller.tin?.rawValue, document.snt.customer.tin?.rawValue,
                                     document.body, document.signature, document.signatureType, certificate,
                                     document.signer, session.iin, session.tin, time, time,
                                     SandboxProcessing.processAfter(now, delay: services.processingDelay)])
                let sntId = db.lastInsertedRowID
                try SntHistory.append(sntId, at: time, tin: session.tin, user: session.iin, status: .created,
                                      action: .create, in: db)
                return SntWire.uploadResult(sntId: sntId, number: document.snt.number, date: document.date, errors: [])
            }
        }
        return SOAPMessage(ESFOperation.uploadSnt.response, in: namespace) {
            SOAPElement("acceptedList", children: results)
            SOAPElement("declinedList", children: declined)
        }
    }

    func queryById(_ request: SOAPElementView) throws -> SOAPMessage {
        let session = try services.session(of: request, on: .snt)
        let ids = try request.ids()
        let infos = try services.transaction { db, _ in
            try visible(ids, to: session.tin, in: db).map { SntWire.info($0, errors: try SntRow.errors(of: $0.sntId, in: db)) }
        }
        return SOAPMessage(ESFOperation.querySntById.response, in: namespace) {
            SOAPElement("lastBlock", true)
            SOAPElement("currPage", 1)
            SOAPElement("rsCount", infos.count)
            SOAPElement("sntInfoList", children: infos)
        }
    }

    func queryStatusById(_ request: SOAPElementView) throws -> SOAPMessage {
        let session = try services.session(of: request, on: .snt)
        let ids = try request.ids()
        let summaries = try services.transaction { db, _ in try visible(ids, to: session.tin, in: db).map(SntWire.summary) }
        return SOAPMessage(ESFOperation.querySntStatusById.response, in: namespace) {
            SOAPElement("sntSummaryList", children: summaries)
        }
    }

    func queryErrorById(_ request: SOAPElementView) throws -> SOAPMessage {
        let session = try services.session(of: request, on: .snt)
        let ids = try request.ids()
        let items = try services.transaction { db, _ in
            try visible(ids, to: session.tin, in: db).map { row in
                let errors = try SntRow.errors(of: row.sntId, in: db)
                return SOAPElement("sntError") {
                    SOAPElement("sntId", row.sntId)
                    SOAPElement.errors(errors, wrapper: "errors")
                }
            }
        }
        return SOAPMessage(ESFOperation.querySntErrorById.response, in: namespace) {
            SOAPElement("sntErrorList", children: items)
        }
    }

    func queryHistoryById(_ request: SOAPElementView) throws -> SOAPMessage {
        let session = try services.session(of: request, on: .snt)
        let ids = try request.ids()
        let items = try services.transaction { db, _ in
            try visible(ids, to: session.tin, in: db).flatMap { row in
                try Row.fetchAll(db, sql: "SELECT * FROM snt_history WHERE sntId = ? ORDER BY id", arguments: [row.sntId]).map { record in
                    let status = SntStatus(rawValue: record["status"]) ?? .created
                    return SOAPElement("sntHistory") {
                        SOAPElement("sntId", row.sntId)
                        SOAPElement("date", WireTime.text(record["date"]))
                        SOAPElement("tin", record["tin"] as String)
                        SOAPElement("clientType", "API")
                        SOAPElement("userId", record["userId"] as String)
                        SOAPElement("status", status.rawValue)
                        SOAPElement("statusDescription", SntHistory.label(of: status))
                        SOAPElement("action", record["action"] as String)
                    }
                }
            }
        }
        return SOAPMessage(ESFOperation.querySntHistoryById.response, in: namespace) {
            SOAPElement("resultList", children: items)
        }
    }

    func view(_ request: SOAPElementView) throws -> SOAPMessage {
        let session = try services.session(of: request, on: .snt)
        let ids = try request.ids()
        let results = try services.transaction { db, now in
            try ids.map { SntWire.changeStatusResult(try SntTransitions.view($0, tin: session.tin, iin: session.iin, in: db, now: now)) }
        }
        return SOAPMessage(ESFOperation.queryViewSnt.response, in: namespace) {
            SOAPElement("resultList", children: results)
        }
    }

    /// `changeStatus`: each action is read from its signed `sntActionBody`, whose signature must
    /// be the session user's.
    func changeStatus(_ request: SOAPElementView) throws -> SOAPMessage {
        let session = try services.session(of: request, on: .snt)
        enum Checked {
            case action(SntAction, SntTransitions.Actor)
            case refused(SntTransitions.Outcome)
        }
        var checked: [Checked] = []
        for info in request.items("sntActionInfoList", "sntActionInfo") {
            let body = try info.payload("sntActionBody")
            let signature = try info.field("signature")
            let signatureType = info.optional("signatureType") ?? ESFWireValues.companySignature
            let signer: Certificate
            do {
                signer = try services.signatures.checkDocument(
                    body: body, signature: signature, certificate: try info.field("certificate"),
                    user: TaxpayerNumber(session.iin), company: TaxpayerNumber(session.tin))
            } catch {
                checked.append(.refused(.refused(nil, "signature", SandboxErrorCodes.signatureInvalid,
                                                 "Подпись действия недействительна: \(error)")))
                continue
            }
            let decoded = try? SntActionXML.read(body)
            guard let action = decoded?.action else {
                let reasons = decoded?.problems.map { $0.message(in: .russian) }.joined(separator: "; ") ?? "не XML"
                checked.append(.refused(.refused(nil, "sntActionBody", SandboxErrorCodes.actionUnreadable,
                                                 "Тело действия не прочитано: \(reasons)")))
                continue
            }
            if let id = try info.optionalInteger("sntId"), id != action.sntId {
                checked.append(.refused(.refused(nil, "sntId", SandboxErrorCodes.actionUnreadable,
                                                 "sntId запроса (\(id)) не совпадает с sntId подписанного действия (\(action.sntId))")))
                continue
            }
            checked.append(.action(action, SntTransitions.Actor(tin: session.tin, iin: session.iin,
                                                                signerName: signer.subject.fullName,
                                                                signature: signature, signatureType: signatureType)))
        }
        let results = try services.transaction { db, now in
            try checked.map { item in
                switch item {
                case let .refused(outcome): SntWire.changeStatusResult(outcome)
                case let .action(action, actor): SntWire.changeStatusResult(try SntTransitions.apply(action, by: actor, in: db, now: now))
                }
            }
        }
        return SOAPMessage(ESFOperation.changeSntStatus.response, in: namespace) {
            SOAPElement("resultList", children: results)
        }
    }

    /// `queryUpdate`: the company's SNTs, outbound (it is the supplier) and inbound (it is the
    /// receiver, once registered), ordered by (lastUpdateDate, sntId) after the cursor.
    func queryUpdate(_ request: SOAPElementView) throws -> SOAPMessage {
        let session = try services.session(of: request, on: .snt)
        let since = try request.optionalDateTime("lastEventDate").map(WireTime.milliseconds) ?? 0
        let lastId = try request.optionalInteger("lastSntId") ?? 0
        let limit = try request.pageSize(default: SandboxAssumptions.sntPageDefault, cap: SandboxAssumptions.sntPageCap)
        let filters: [String]
        switch request.optional("direction") {
        case "INBOUND": filters = [SntRow.inbound]
        case "OUTBOUND": filters = [SntRow.outbound]
        case nil: filters = [SntRow.outbound, SntRow.inbound]
        case let other?: throw SandboxCallError.client("\(request.path)/direction: \"\(other)\" is neither INBOUND nor OUTBOUND")
        }
        let (rows, more) = try services.transaction { db, _ in
            // One indexed query per direction, merged: an OR across them would scan the table.
            let found = try filters.flatMap { filter in
                try SntRow.fetchAll(db, sql: """
                    SELECT * FROM snt WHERE \(filter) AND (lastUpdateDate, sntId) > (:since, :lastId)
                    ORDER BY lastUpdateDate, sntId LIMIT :limit
                    """, arguments: ["tin": session.tin, "since": since, "lastId": lastId, "limit": limit + 1])
            }.sorted { ($0.lastUpdateDate, $0.sntId) < ($1.lastUpdateDate, $1.sntId) }
            let page = Array(found.prefix(limit))
            return (try page.map { ($0, try SntRow.errors(of: $0.sntId, in: db)) }, found.count > limit)
        }
        let last = rows.last?.0
        return SOAPMessage(ESFOperation.querySntUpdates.response, in: namespace) {
            SOAPElement("lastEventDate", WireTime.text(last?.lastUpdateDate ?? since))
            SOAPElement("lastSntId", last?.sntId ?? lastId)
            SOAPElement("lastBlock", !more)
            SOAPElement("sntInfoList", children: rows.map { SntWire.info($0.0, errors: $0.1) })
        }
    }

    /// An upload whose signature held, before it is stored.
    private struct AcceptedSnt {
        let body: String
        let snt: Snt
        let signature: String
        let signatureType: String
        /// 84.3, from the certificate.
        let signer: String

        var date: String { snt.date?.ddMMyyyy ?? "" }
    }

    private func visible(_ ids: [Int64], to tin: String, in db: Database) throws -> [SntRow] {
        try ids.compactMap { try SntRow.find($0, in: db) }.filter { $0.isVisible(to: tin) }
    }
}
