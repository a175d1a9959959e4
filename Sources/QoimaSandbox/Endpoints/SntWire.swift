import Foundation
import QoimaXML

/// The SNT structures IS ESF returns (domain.md §8.2), written from the sandbox's rows.
enum SntWire {
    static func info(_ row: SntRow, errors: [SandboxWireError]) -> SOAPElement {
        SOAPElement("sntInfo") {
            SOAPElement("sntId", row.sntId)
            SOAPElement("inputDate", WireTime.text(row.inputDate))
            SOAPElement("lastUpdateDate", WireTime.text(row.lastUpdateDate))
            if let number = row.registrationNumber { SOAPElement("registrationNumber", number) }
            SOAPElement("version", ESFWireValues.sntVersion)
            SOAPElement("status", row.status.rawValue)
            SOAPElement("documentInfo") {
                SOAPElement("sntId", row.sntId)
                SOAPElement("inputDate", WireTime.text(row.inputDate))
                SOAPElement("sntBody", row.body)
                SOAPElement("creatorLogin", row.creatorLogin)
                SOAPElement("creatorTin", row.creatorTin)
                if let name = row.signerName { SOAPElement("senderSignerName", name) }
                SOAPElement("signature", row.signature)
                SOAPElement("signatureType", row.signatureType)
                SOAPElement("certificate", row.certificate)
                SOAPElement("signatureValid", row.signatureValid)
                if !errors.isEmpty { SOAPElement.errors(errors, wrapper: "errors") }
            }
            if let acceptance = acceptance(row) { acceptance }
            if let reason = row.cancelReason { SOAPElement("cancelReason", reason) }
        }
    }

    /// Section M, once the receiver has confirmed or declined.
    static func acceptance(_ row: SntRow) -> SOAPElement? {
        guard let date = row.acceptanceDate else { return nil }
        return SOAPElement("acceptanceGoodsInfo") {
            SOAPElement("sntId", row.sntId)
            if let producer = row.acceptanceProducer { SOAPElement("acceptanceOrRejectionProducer", producer) }
            SOAPElement("acceptanceOrRejectionDate", WireTime.text(date))
            if let signature = row.companySignature { SOAPElement("companySignature", signature) }
            if let signature = row.operatorSignature { SOAPElement("operatorSignature", signature) }
            if let name = row.acceptanceName { SOAPElement("acceptanceOrRejectionName", name) }
            if let number = row.powerOfAttorneyNumber { SOAPElement("powerOfAttorneyNumber", number) }
            if let date = row.powerOfAttorneyDate { SOAPElement("powerOfAttorneyDate", date) }
        }
    }

    static func summary(_ row: SntRow) -> SOAPElement {
        SOAPElement("sntSummary") {
            SOAPElement("sntId", row.sntId)
            SOAPElement("inputDate", WireTime.text(row.inputDate))
            if let number = row.registrationNumber { SOAPElement("registrationNumber", number) }
            SOAPElement("version", ESFWireValues.sntVersion)
            SOAPElement("status", row.status.rawValue)
            SOAPElement("lastUpdateDate", WireTime.text(row.lastUpdateDate))
            if let reason = row.cancelReason { SOAPElement("cancelReason", reason) }
            if let tin = row.sellerTin { SOAPElement("senderTin", tin) }
            if let tin = row.customerTin { SOAPElement("recipientTin", tin) }
            SOAPElement("matchingNotification", false)
        }
    }

    /// `changeStatusResult`; the sandbox links no invoices, so `canceledInvoiceRegNumbers` stays empty.
    static func changeStatusResult(_ outcome: SntTransitions.Outcome) -> SOAPElement {
        SOAPElement("changeStatusResult") {
            if let row = outcome.row { summary(row) }
            SOAPElement("isChanged", outcome.isChanged)
            SOAPElement("canceledInvoiceRegNumbers", children: [])
            if !outcome.errors.isEmpty { SOAPElement.errors(outcome.errors, wrapper: "errors") }
        }
    }

    /// `sntUploadResult`: {errorList/error*, sntId, number, date}.
    static func uploadResult(sntId: Int64?, number: String, date: String, errors: [SandboxWireError]) -> SOAPElement {
        SOAPElement("sntUploadResult") {
            if !errors.isEmpty { SOAPElement.errors(errors, wrapper: "errorList") }
            if let sntId { SOAPElement("sntId", sntId) }
            SOAPElement("number", number)
            SOAPElement("date", date)
        }
    }
}
