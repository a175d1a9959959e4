import Foundation
import QoimaCore
import QoimaStore

/// IS ESF's errors on a form, mapped to the form's element path and line: a `property` such as
/// `products.product[2].quantity` (or `products/product[2]/quantity`) becomes the path
/// `products/product[2]/quantity` at line 2, as `UFormProblem` names places.
public enum UFormErrorMapping {
    public static func exchangeError(_ error: ESFDocumentError) -> ExchangeError {
        guard let property = error.property, !property.isEmpty else {
            return ExchangeError(property: error.property, code: error.code, text: error.text, field: nil, line: nil)
        }
        let path = property.replacingOccurrences(of: ".", with: "/")
        return ExchangeError(property: property, code: error.code, text: error.text, field: path,
                             line: UFormPath.line(of: path))
    }
}

extension ExchangedUForm {
    /// IS ESF's form as the store keeps it. A status Qoima does not know is kept as CREATED
    /// (still with IS ESF), never as a final one.
    public init(_ remote: RemoteUForm, errors: [ESFDocumentError]? = nil) {
        self.init(esfId: remote.uFormId, status: remote.status.flatMap(UFormStatus.init(rawValue:)) ?? .created,
                  registrationNumber: remote.registrationNumber, inputDate: remote.inputDate,
                  lastUpdateDate: remote.lastUpdateDate, cancelReason: remote.cancelReason, body: remote.body,
                  signature: remote.signature, errors: errors.map { $0.map(UFormErrorMapping.exchangeError) })
    }

    public init(_ summary: RemoteUFormSummary, errors: [ESFDocumentError]? = nil) {
        self.init(esfId: summary.uFormId, status: summary.status.flatMap(UFormStatus.init(rawValue:)) ?? .created,
                  registrationNumber: summary.registrationNumber, lastUpdateDate: summary.lastUpdateDate,
                  cancelReason: summary.cancelReason, errors: errors.map { $0.map(UFormErrorMapping.exchangeError) })
    }
}
