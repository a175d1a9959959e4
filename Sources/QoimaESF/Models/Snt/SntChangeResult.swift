import QoimaCore
import QoimaXML

/// IS ESF's answer for one SNT of `changeStatus` or `queryViewSnt` (`changeStatusResult`,
/// domain.md §8.1): whether its status changed, the SNT as it now stands, and the ESFs the
/// change cancelled.
public struct SntChangeResult: Hashable, Sendable {
    /// From `sntSummary`; nil when IS ESF left the summary out.
    public var sntId: Int64?
    public var status: SntStatus?
    public var summary: RemoteSntSummary?
    public var isChanged: Bool
    /// ESFs cancelled together with the SNT (domain.md §4; semantics assumed, U13).
    public var canceledInvoiceRegNumbers: [String]
    public var errors: [ESFDocumentError]

    public init(summary: RemoteSntSummary?, isChanged: Bool, canceledInvoiceRegNumbers: [String] = [],
                errors: [ESFDocumentError] = []) {
        sntId = summary?.sntId
        status = summary?.status
        self.summary = summary
        self.isChanged = isChanged
        self.canceledInvoiceRegNumbers = canceledInvoiceRegNumbers
        self.errors = errors
    }

    /// Required: `isChanged`.
    init(_ view: SOAPElementView) throws(ESFAnswerProblem) {
        self.init(summary: try view.child("sntSummary").map(RemoteSntSummary.init),
                  isChanged: try view.requiredBool("isChanged"),
                  canceledInvoiceRegNumbers: view.items("canceledInvoiceRegNumbers", "regNumber").map(\.text),
                  errors: try view.documentErrors("errors"))
    }
}
